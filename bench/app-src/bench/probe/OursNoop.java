package bench.probe;

import org.apache.spark.sql.SparkSession;

import bench.ours.support.Preflight;
import bench.ours.support.SessionDefaults;

/**
 * Our app's session (the generated SessionDefaults) and source (the socket, as the lessons read it)
 * into the no-op sink, to measure what the pipeline costs without the console. Arguments: host port
 * [source partitions, default 1 as SocketStreamApp].
 */
public final class OursNoop {

    private static final String LISTENERS = "spark.sql.streaming.streamingQueryListeners";

    public static void main(String[] args) throws Exception {
        Preflight.checkOrExit();
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        SparkSession.Builder builder = SparkSession.builder()
                .appName("OursNoop")
                .config(SessionDefaults.forThisMachine());
        // Only the listeners given (the bench's ProgressProbe), whether or not SessionDefaults adds our
        // progress line to them: this row measures the pipeline, without any console output.
        String given = System.getProperty(LISTENERS);
        if (given != null) {
            builder.config(LISTENERS, given);
        }
        SparkSession spark = builder.getOrCreate();
        spark.readStream()
                .format("socket")
                .option("host", args[0])
                .option("port", Integer.parseInt(args[1]))
                .option("numPartitions", partitions)
                .load()
                .writeStream()
                .format("noop")
                .start()
                .awaitTermination();
    }
}
