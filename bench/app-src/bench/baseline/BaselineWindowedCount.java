package bench.baseline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.window;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Baseline windowed word count, after the guide's "Window Operations on Event Time" and Spark's
 * JavaStructuredNetworkWordCountWindowed example: the socket's arrival timestamp, 10 s windows
 * sliding every 5 s, complete mode, console (truncate off, as the example does), Spark defaults
 * otherwise. Arguments: host port.
 */
public final class BaselineWindowedCount {

    public static void main(String[] args) throws Exception {
        SparkSession spark = SparkSession.builder()
                .appName("BaselineWindowedCount")
                .master("local[*]")
                .getOrCreate();

        Dataset<Row> lines = spark.readStream()
                .format("socket")
                .option("host", args[0])
                .option("port", Integer.parseInt(args[1]))
                .option("includeTimestamp", true)
                .load();

        Dataset<Row> words = lines.select(explode(split(col("value"), " ")).as("word"), col("timestamp"));
        Dataset<Row> windowedCounts = words
                .groupBy(window(col("timestamp"), "10 seconds", "5 seconds"), col("word"))
                .count()
                .orderBy("window");

        windowedCounts.writeStream()
                .outputMode("complete")
                .format("console")
                .option("truncate", "false")
                .start()
                .awaitTermination();
    }
}
