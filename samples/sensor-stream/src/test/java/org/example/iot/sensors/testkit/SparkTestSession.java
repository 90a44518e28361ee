package org.example.iot.sensors.testkit;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests one local SparkSession for the whole run: starting Spark takes seconds, so it is
 * started once, on first use, and stopped when all tests are done.
 *
 * <p>Use it with {@code @ExtendWith(SparkTestSession.class)} and a {@code SparkSession} parameter.
 */
public final class SparkTestSession implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SparkTestSession.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SparkSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Session.class, key -> new Session(), Session.class).spark;
    }

    /** Kept in the root store, which closes it at the end of the run. */
    private static final class Session implements AutoCloseable {
        final SparkSession spark = SparkSession.builder()
                .appName("tests")
                .master("local[2]")                         // two threads are plenty for test data
                .config("spark.ui.enabled", "false")        // no web server in tests
                .config("spark.sql.shuffle.partitions", "2") // not 200 tiny tasks per aggregation
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();

        @Override
        public void close() {
            spark.stop();
        }
    }
}
