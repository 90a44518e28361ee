package io.github.sparkstarter.samples.socket_course.support;

/**
 * The line that tells a learner which process to kill. The README asks them to kill lessons 4 to 6
 * with {@code kill -9} to see that nothing is lost, and {@code jps} shows only Maven's launcher for
 * every lesson run through {@code mvn exec:java}: this line names the process that runs the lesson.
 */
public final class ProcessId {

    private ProcessId() {
    }

    /** Prints "Process id N: kill -9 N stops it as a crash would." on standard output. */
    public static void print() {
        long pid = ProcessHandle.current().pid();
        System.out.println("Process id " + pid + ": kill -9 " + pid + " stops it as a crash would.");
    }
}
