package ${package}.testkit;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import ${package}.support.Preflight;

/**
 * Gives tests one local SparkSession for the whole run: starting Spark takes seconds, so it is
 * started once, on first use, and stopped when all tests are done.
 *
 * <p>Use it with {@code @ExtendWith(SparkTestSession.class)} and a {@code SparkSession} parameter.
 * A test class run where Spark cannot start (an IDE run without the flags of .mvn/jvm.config, or
 * a Java too new for this Spark) fails once, with one line that says what to do.
 */
public final class SparkTestSession implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SparkTestSession.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        String problem = Preflight.whyThisJvmCannotRunSpark();
        if (problem != null) {
            throw new SparkCannotStart(problem);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SparkSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Session.class, key -> new Session(), Session.class).spark;
    }

    /** Says only its message: a stack trace here would point at this file, not at the cause. */
    private static final class SparkCannotStart extends RuntimeException {
        SparkCannotStart(String message) {
            super(message, null, false, false);
        }
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
