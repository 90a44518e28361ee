package bench.baseline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.Trigger;

/**
 * Baseline echo: the socket example as the Spark Structured Streaming guide writes it, every
 * setting left at Spark's default. Arguments: host port [console|noop|continuous [interval]].
 * "noop" and "continuous" exist only for the bench (sink cost, and the continuous trigger, whose
 * interval, default "1 second", is how often it commits an epoch, and so prints to the console).
 */
public final class BaselineEcho {

    public static void main(String[] args) throws Exception {
        String mode = args.length > 2 ? args[2] : "console";
        SparkSession spark = SparkSession.builder()
                .appName("BaselineEcho")
                .master("local[*]")
                .getOrCreate();

        Dataset<Row> lines = spark.readStream()
                .format("socket")
                .option("host", args[0])
                .option("port", Integer.parseInt(args[1]))
                .load();

        DataStreamWriter<Row> writer = lines.writeStream().outputMode("append");
        switch (mode) {
            case "console" -> writer.format("console");
            case "noop" -> writer.format("noop");
            case "continuous" -> writer.format("console")
                    .trigger(Trigger.Continuous(args.length > 3 ? args[3] : "1 second"));
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        writer.start().awaitTermination();
    }
}
