package org.example.iot.sensors.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.example.iot.sensors.tools.KafkaBroker;

/**
 * Gives tests one Kafka broker ({@link KafkaBroker}) for the whole test JVM, like
 * {@link SparkTestSession} gives one Spark: started on first use on a free port, with its data in a
 * new directory under target/, and stopped when all tests are done.
 *
 * <p>Use it with {@code @ExtendWith(KafkaTestBroker.class)} and a {@code KafkaBroker} parameter.
 */
public final class KafkaTestBroker implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaTestBroker.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Running.class, key -> new Running(), Running.class).broker;
    }

    /** Kept in the root store, which closes it at the end of the run. */
    private static final class Running implements AutoCloseable {
        final KafkaBroker broker;

        Running() {
            try {
                Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "kafka-test-broker-");
                broker = KafkaBroker.start(TestLineServer.freePort(), data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            broker.close();
        }
    }
}
