package io.activitytrail.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.flink.deadletter.DeadLetter;
import io.activitytrail.flink.source.RawRecord;
import io.activitytrail.flink.types.TrailTypes;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every savepoint under src/test/resources/savepoints/&lt;release&gt; restores into today's job,
 * and its state is really back: a savepoint taken with a transaction waiting for its END, another
 * waiting for one of its events, a third held by the sequencer behind it, and team members' names
 * in the normalizer's state.
 *
 * <p>{@code -Dsavepoint.update=true} first runs the generator: the job on a MiniCluster, fed the
 * records below, stopped with a savepoint into savepoints/{@value #RELEASE}. Add one per release
 * (bump {@link #RELEASE}) and keep the older ones: each proves that release's state still restores.
 */
class SavepointRestoreTest {
  /** The release the generator writes a savepoint for. */
  static final String RELEASE = "0.1.0";

  /** Long enough that no restored timer fires in a test, whenever the savepoint was taken. */
  private static final String MAX_WAIT = Duration.ofDays(3650).toMillis() + "ms";

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  /**
   * Before the savepoint, in arrival order. Commit order 901..904: 901 inserts Bob (read last, so
   * its event marks that every record was read); 902 assigns tickets 42 and 44 to Bob (only 42's
   * change arrives: the join waits for the other); 903 inserts Carol (complete, so the sequencer
   * holds it behind 902); 904 assigns ticket 43 to Carol (its END has not arrived).
   */
  static List<RawRecord> beforeSavepoint() {
    CdcRecords cdc = new CdcRecords();
    return List.of(
        cdc.end("901", 1),
        cdc.assignTicket("902", 1, 42, null, 9),
        cdc.end("902", 2),
        cdc.user("903", 1, 10, null, "Carol Coder"),
        cdc.end("903", 1),
        cdc.assignTicket("904", 1, 43, null, 10),
        cdc.user("901", 1, 9, null, "Bob Builder"));
  }

  /** After the restore: 902's missing change, 904's END, and 905 assigning ticket 45 to Bob. */
  static List<RawRecord> afterRestore() {
    CdcRecords cdc = new CdcRecords();
    return List.of(
        cdc.assignTicket("902", 2, 44, null, 9),
        cdc.end("904", 1),
        cdc.assignTicket("905", 1, 45, null, 9),
        cdc.end("905", 1));
  }

  static Stream<String> releases() throws IOException, URISyntaxException {
    if (Boolean.getBoolean("savepoint.update")) {
      generate(Path.of("src/test/resources/savepoints", RELEASE));
    }
    try (Stream<Path> dirs = Files.list(Path.of("src/test/resources/savepoints"))) {
      return dirs.map(dir -> dir.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "savepoint of release {0}")
  @MethodSource("releases")
  @DisplayName(
      "a release's savepoint restores: the waiting transactions complete, the held one leaves in commit order, names come from the restored state")
  void restores(String release) throws Exception {
    StreamExecutionEnvironment env =
        Strict.environment(restoreFrom(Path.of("src/test/resources/savepoints", release)));
    env.setParallelism(2);
    CollectingSink<ActivityEvent> activities = new CollectingSink<>();

    NormalizerJob.compose(
        env.fromData(afterRestore(), TrailTypes.RAW_RECORD)
            .setParallelism(1)
            .uid("after-restore")
            .name("after-restore"),
        options(),
        activities,
        new CollectingSink<DeadLetter>());
    env.execute("savepoint-restore-" + release);

    assertThat(activities.values())
        .extracting(SavepointRestoreTest::describe)
        .containsExactlyInAnyOrder(
            "assigned ticket 42 -> Bob Builder (tx 902)",
            "assigned ticket 44 -> Bob Builder (tx 902)",
            "created team_member 10 (tx 903)",
            "assigned ticket 43 -> Carol Coder (tx 904)",
            "assigned ticket 45 -> Bob Builder (tx 905)");
  }

  private static String describe(ActivityEvent event) {
    String name =
        event.getType().equals("assigned")
            ? " -> " + event.getChanges().get(0).getNewDisplay()
            : "";
    return event.getType()
        + " "
        + event.getRecordType()
        + " "
        + event.getRecordId()
        + name
        + " (tx "
        + event.getTransactionId()
        + ")";
  }

  private static Configuration options() {
    Configuration options = new Configuration();
    options.setString("attribution.max-wait", MAX_WAIT);
    return options;
  }

  private static Configuration restoreFrom(Path savepoint) {
    Configuration configuration = new Configuration();
    configuration.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint.toAbsolutePath().toString());
    // the generator's source is not in the restored job
    configuration.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
    return configuration;
  }

  /**
   * Runs the job on the records before the savepoint, then idles (tombstones, which decode to
   * nothing) until Bob's insert, the last record, came out; stops it with a savepoint into {@code
   * target} (replacing what is there).
   */
  static void generate(Path target) throws IOException {
    StreamExecutionEnvironment env = Strict.environment(new Configuration());
    env.setParallelism(2);
    CollectingSink<ActivityEvent> activities = new CollectingSink<>();
    DataGeneratorSource<RawRecord> source =
        new DataGeneratorSource<>(
            new BeforeSavepoint(),
            Long.MAX_VALUE,
            RateLimiterStrategy.perSecond(50),
            TrailTypes.RAW_RECORD);
    NormalizerJob.compose(
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "generator")
            .setParallelism(1)
            .uid("savepoint-generator"),
        options(),
        activities,
        new CollectingSink<DeadLetter>());
    Path taken = Files.createTempDirectory("savepoint");
    try {
      JobClient job = env.executeAsync("savepoint-generator");
      Instant deadline = Instant.now().plusSeconds(60);
      while (activities.values().stream().noneMatch(e -> e.getRecordId().equals("9"))) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("the generator's records did not come out in 60 s");
        }
        // generator only (-Dsavepoint.update): waits for a running job, not part of a test run
        Thread.sleep(50);
      }
      Path written =
          Path.of(
              java.net.URI.create(
                  job.stopWithSavepoint(
                          false, taken.toUri().toString(), SavepointFormatType.CANONICAL)
                      .get()));
      replace(target, written);
    } catch (Exception e) {
      throw new IllegalStateException("generating the savepoint failed", e);
    } finally {
      deleteTree(taken);
    }
  }

  private static void replace(Path target, Path written) throws IOException {
    deleteTree(target);
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(written)) {
      for (Path file : files.toList()) {
        Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(root)) {
      for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Index to record: the records before the savepoint, then tombstones forever. */
  private static final class BeforeSavepoint implements GeneratorFunction<Long, RawRecord> {
    private transient List<RawRecord> records;

    @Override
    public RawRecord map(Long index) {
      if (records == null) {
        records = beforeSavepoint();
      }
      return index < records.size()
          ? records.get(index.intValue())
          : new RawRecord(
              Fixtures.TICKETS_TOPIC, 0, 1_000 + index, 0L, null, null, new LinkedHashMap<>());
    }
  }
}
