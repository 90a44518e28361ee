package bench.probe;

import bench.ours.SocketStreamApp;

/**
 * Our app's session and source (the generated helpers) into the no-op sink, to measure what the
 * pipeline costs without the console. Arguments: host port [source partitions, default 1 as ours].
 */
public final class OursNoop {

    public static void main(String[] args) throws Exception {
        var spark = SocketStreamApp.createSession("OursNoop");
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        SocketStreamApp.readLines(spark, args[0], Integer.parseInt(args[1]), false, partitions)
                .writeStream()
                .format("noop")
                .start()
                .awaitTermination();
    }
}
