package ${package}.settings;

import static org.apache.spark.sql.functions.spark_partition_id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ${package}.testkit.RowCollector;
import ${package}.testkit.SparkTestSession;
import ${package}.testkit.TestLineServer;

/** TunedEchoApp's settings: how they are read, and what more source partitions do to the lines. */
@ExtendWith(SparkTestSession.class)
class TuningTest {

    @Test
    void theTriggerIsAMicroBatchAsSoonAsDataIsThereUnlessGiven() {
        assertEquals(Trigger.ProcessingTime(0), Tuning.trigger(null));
        assertEquals(Trigger.ProcessingTime(100), Tuning.trigger("100 milliseconds"));
        assertEquals(Trigger.Continuous("100 milliseconds"), Tuning.trigger("continuous"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Tuning.trigger("fast"));
        assertTrue(error.getMessage().contains("--trigger 'fast'"), error::getMessage);
    }

    @Test
    void theSocketIsReadIntoOnePartitionUnlessMoreAreGiven() {
        assertEquals(1, Tuning.sourcePartitions(null));
        assertEquals(4, Tuning.sourcePartitions(" 4 "));
        for (String bad : new String[] {"0", "-2", "two", "1.5"}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Tuning.sourcePartitions(bad));
            assertTrue(error.getMessage().contains("--partitions '" + bad + "'"), error::getMessage);
        }
    }

    @Test
    void theSettingsComeAsOptionsAfterTheHostAndPort() {
        Tuning tuning = Tuning.fromArgs("127.0.0.1", "7000", "--trigger", "continuous", "--partitions", "3");

        assertEquals("127.0.0.1:7000", tuning.source().address());
        assertEquals(3, tuning.sourcePartitions());
        assertEquals(Trigger.Continuous("100 milliseconds"), tuning.trigger());
        assertEquals(StreamSettings.DEFAULT_PORT, Tuning.fromArgs("--partitions", "2").source().port());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Tuning.fromArgs("--speed", "max"));
        assertTrue(error.getMessage().contains("unknown option '--speed'"), error::getMessage);
    }

    @Test
    void moreSourcePartitionsShareTheLinesAndLoseNone(SparkSession spark) throws Exception {
        List<String> sent = IntStream.rangeClosed(1, 2000).mapToObj(i -> "line " + i).toList();
        try (TestLineServer server = TestLineServer.start();
             RowCollector rows = RowCollector.collect(server.reader(spark).option("numPartitions", 4).load()
                     .withColumn("partition", spark_partition_id()))) {
            server.send(sent.toArray(String[]::new));

            List<Row> received = rows.await(sent.size());
            // A batch comes partition by partition, out of arrival order: compare the lines sorted.
            assertEquals(sent.stream().sorted().toList(), received.stream().map(row -> row.getString(0)).sorted().toList());
            assertEquals(Set.of(0, 1, 2, 3), received.stream().map(row -> row.getInt(1)).collect(Collectors.toSet()));
        }
    }
}
