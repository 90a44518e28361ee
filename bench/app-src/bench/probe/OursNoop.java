package bench.probe;

import bench.ours.SocketStreamApp;

/**
 * Our app's session and source (the generated helpers) into the no-op sink, to measure what the
 * pipeline costs without the console. Arguments: host port.
 */
public final class OursNoop {

    public static void main(String[] args) throws Exception {
        var spark = SocketStreamApp.createSession("OursNoop");
        SocketStreamApp.readLines(spark, args[0], Integer.parseInt(args[1]))
                .writeStream()
                .format("noop")
                .start()
                .awaitTermination();
    }
}
