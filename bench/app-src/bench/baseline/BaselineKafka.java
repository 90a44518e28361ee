package bench.baseline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Baseline Kafka reader: a topic read as Spark's Kafka integration guide reads one (subscribe,
 * key and value cast to strings), printed as the programming guide's examples print, every
 * setting left at Spark's default. Arguments: bootstrap-servers topic.
 */
public final class BaselineKafka {

    public static void main(String[] args) throws Exception {
        SparkSession spark = SparkSession.builder()
                .appName("BaselineKafka")
                .master("local[*]")
                .getOrCreate();

        Dataset<Row> df = spark.readStream()
                .format("kafka")
                .option("kafka.bootstrap.servers", args[0])
                .option("subscribe", args[1])
                // Not the default, latest: the bench writes the topic's first record as the query starts,
                // and a record written before the first batch looks for the latest offset would be skipped.
                .option("startingOffsets", "earliest")
                .load();

        df.selectExpr("CAST(key AS STRING)", "CAST(value AS STRING)")
                .writeStream()
                .format("console")
                .start()
                .awaitTermination();
    }
}
