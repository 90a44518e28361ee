package bench.baseline;

import java.util.Arrays;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Baseline word count, as in the Structured Streaming programming guide (Java "quick example"):
 * split on spaces, running counts, complete mode, console; 200 shuffle partitions (Spark's default).
 * Arguments: host port.
 */
public final class BaselineWordCount {

    public static void main(String[] args) throws Exception {
        SparkSession spark = SparkSession.builder()
                .appName("BaselineWordCount")
                .master("local[*]")
                .getOrCreate();

        Dataset<Row> lines = spark.readStream()
                .format("socket")
                .option("host", args[0])
                .option("port", Integer.parseInt(args[1]))
                .load();

        Dataset<String> words = lines.as(Encoders.STRING())
                .flatMap((FlatMapFunction<String, String>) x -> Arrays.asList(x.split(" ")).iterator(),
                        Encoders.STRING());
        Dataset<Row> wordCounts = words.groupBy("value").count();

        wordCounts.writeStream()
                .outputMode("complete")
                .format("console")
                .start()
                .awaitTermination();
    }
}
