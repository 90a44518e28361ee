package ${package};

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider;

import ${package}.settings.SequenceSettings;
import ${package}.support.CheckpointOwner;
import ${package}.support.Preflight;
import ${package}.support.SessionDefaults;

/**
 * Lesson 7, part 2: what {@link SequenceAlertsApp} saved, read back as tables, as lesson 4 reads
 * its lines: the alerts, then the rejected lines#if( $sparkVersion.startsWith("3.") ). On Spark 4,
 * it also reads the state itself from the checkpoint; on this project's Spark 3.5 that reader does
 * not exist yet, and it says so#else; then the state itself, read from the checkpoint: each card a
 * test payment armed, as the last batch left it (concept 9)#end.
 *
 * <p>Run it while the app runs or after: {@code mvn -q compile exec:java@show-sequences}
 * ({@value SequenceSettings#SHOW_USAGE}).
 */
public final class ShowSequences {

    public static void main(String[] args) {
        SequenceSettings settings = SequenceSettings.savedFromCommandLineOrExit(args);
        Path alerts = settings.output("alerts");
        if (!Files.isDirectory(alerts.resolve(CheckpointOwner.SINK_LOG))) {
            System.err.println("error: no alerts saved in '" + alerts + "' yet: run the app first (mvn -q compile exec:java@sequences)");
            System.exit(2);
        }
        Preflight.checkOrExit();
        SparkSession spark = SparkSession.builder()
                .appName("Lesson 7: show sequence alerts")
                .config(SessionDefaults.forThisMachine())
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.streaming.stateStore.providerClass", RocksDBStateStoreProvider.class.getName())
                .getOrCreate();

        // The file sink's log names the files of finished batches: a batch cut short is not read.
        Dataset<Row> saved = spark.read().schema(SequenceAlertsApp.ALERT).json(alerts.toString()).orderBy("cash_out_time", "card");
        System.out.println(saved.count() + " alerts in " + alerts + ":");
        saved.show(100, false);
        Path rejectedPath = settings.output("rejected");
        if (Files.isDirectory(rejectedPath.resolve(CheckpointOwner.SINK_LOG))) {
            Dataset<Row> rejected = spark.read().schema("source STRING, line STRING, problem STRING").json(rejectedPath.toString())
                    .orderBy("source");
            System.out.println(rejected.count() + " rejected lines in " + rejectedPath + ":");
            rejected.show(100, false);
        }
#if( $sparkVersion.startsWith("3.") )
        System.out.println("The armed cards, the state itself read as a table (format \"statestore\"), need Spark 4.");
#else
        Path checkpoint = settings.checkpoint("alerts");
        // Concept 9: the checkpoint's operators (state-metadata), then one's state (statestore):
        // here the value state "armed" of transformWithState, as the last finished batch left it.
        // The state reader asks Spark's state store coordinator, which starts with the session's
        // streaming side: started here, though this program runs no stream.
        spark.streams();
        Row rule = spark.read().format("state-metadata").load(checkpoint.toString())
                .where("operatorName LIKE 'transformWithState%'").first();
        Dataset<Row> armed = spark.read().format("statestore").option("operatorId", rule.getAs("operatorId").toString())
                .option("stateVarName", "armed").load(checkpoint.toString())
                .selectExpr("key.value AS card", "value.time AS test_time", "value.transaction AS test_transaction",
                        "value.amount AS test_amount",
                        "value.time + INTERVAL " + SequenceAlertsApp.WITHIN.toMinutes() + " MINUTES AS armed_until")
                .orderBy("test_time");
        System.out.println(armed.count() + " cards armed by a test payment (the state of batch " + rule.getAs("maxBatchId") + "):");
        armed.show(100, false);
#end
        spark.stop();
    }
}
