package io.activitytrail.clickhouse.sink;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * The pipeline's own metrics, one vocabulary for every operator (the job's stages and this sink),
 * registered through Flink's metric system so any Flink reporter exposes them: under the operator's
 * group, {@code trail} then {@code stage=<stage>} (a label), with
 *
 * <ul>
 *   <li>{@code events}: events the stage handed on (decode: decoded records; attribute: events let
 *       go in transaction batches; sequence: events released; normalize: activities and audit
 *       events produced; sink: events written to ClickHouse);
 *   <li>{@code reason=<reason>} {@code deadLetters}: records the stage gave up on, by {@link
 *       Reason} (a closed set, so the label stays small).
 * </ul>
 *
 * The sink's batch size, write latency and end-to-end lag are in {@link SinkMetrics}. Flink's
 * Prometheus reporter turns the groups into names and labels as in {@link #PROMETHEUS_NAMES}.
 */
public final class PipelineMetrics {

  public static final String GROUP = "trail";

  /** A stage of the pipeline; its id is the {@code stage} label. */
  public enum Stage {
    DECODE("decode"),
    ATTRIBUTE("attribute"),
    SEQUENCE("sequence"),
    NORMALIZE("normalize"),
    SINK("sink");

    private final String id;

    Stage(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /** Why a record was dead-lettered, as a class of causes; its id is the {@code reason} label. */
  public enum Reason {
    /** The record breaks the contract: not JSON, a missing or mistyped field, a bad envelope. */
    INVALID_RECORD("invalid_record"),
    /** A captured table the mapping does not describe: a table added to the publication. */
    UNMAPPED_TABLE("unmapped_table"),
    /** Any other exception: a bug of the decoder or normalizer. */
    UNEXPECTED("unexpected_error"),
    /** ClickHouse refused the event's row for what it holds. */
    REFUSED_ROW("refused_row");

    private final String id;

    Reason(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /**
   * The names Flink's Prometheus reporter gives these metrics ({@code flink_} + the logical scope +
   * the metric name; the {@code stage}, {@code reason} and Flink's own scope variables become
   * labels; counters are exposed as gauges, histograms as summaries with {@code quantile} labels).
   * Alert rules and dashboards use these; {@code PipelineMetricsTest} checks the reporter's output
   * has each of them.
   */
  public static final String EVENTS = "flink_taskmanager_job_task_operator_trail_stage_events";

  public static final String DEAD_LETTERS =
      "flink_taskmanager_job_task_operator_trail_stage_reason_deadLetters";
  public static final String SINK_BATCH_SIZE =
      "flink_taskmanager_job_task_operator_trail_sink_batchSize";
  public static final String SINK_WRITE_LATENCY_MS =
      "flink_taskmanager_job_task_operator_trail_sink_writeLatencyMs";
  public static final String END_TO_END_LAG_MS =
      "flink_taskmanager_job_task_operator_trail_sink_endToEndLagMs";

  /** Notifications decided (in the app and by email) by {@code normalize}. */
  public static final String NOTIFICATIONS =
      "flink_taskmanager_job_task_operator_trail_notifications";

  /** Emails the mail server accepted, and emails dead-lettered after the retries. */
  public static final String EMAILS_SENT = "flink_taskmanager_job_task_operator_trail_email_sent";

  public static final String EMAILS_DEAD_LETTERED =
      "flink_taskmanager_job_task_operator_trail_email_deadLettered";

  /** Flink's own job-level checkpoint metrics (the JobManager registers them). */
  public static final String CHECKPOINT_DURATION_MS = "flink_jobmanager_job_lastCheckpointDuration";

  public static final String FAILED_CHECKPOINTS = "flink_jobmanager_job_numberOfFailedCheckpoints";

  public static final List<String> PROMETHEUS_NAMES =
      List.of(
          EVENTS,
          DEAD_LETTERS,
          SINK_BATCH_SIZE,
          SINK_WRITE_LATENCY_MS,
          END_TO_END_LAG_MS,
          CHECKPOINT_DURATION_MS,
          FAILED_CHECKPOINTS,
          NOTIFICATIONS);

  /** Registered only when the job sends email ({@code mail.smtp.host} set). */
  public static final List<String> EMAIL_NAMES = List.of(EMAILS_SENT, EMAILS_DEAD_LETTERED);

  private PipelineMetrics() {}

  /** The stage's group under an operator's group. */
  static MetricGroup stage(MetricGroup operator, Stage stage) {
    return operator.addGroup(GROUP).addGroup("stage", stage.id());
  }

  /** The {@code events} counter of {@code stage}. */
  public static Counter events(MetricGroup operator, Stage stage) {
    return stage(operator, stage).counter("events");
  }

  /** The {@code notifications} counter of the operator that decides them. */
  public static Counter notifications(MetricGroup operator) {
    return operator.addGroup(GROUP).counter("notifications");
  }

  /** The {@code email} group: {@code sent} and {@code deadLettered} counters. */
  public static MetricGroup email(MetricGroup operator) {
    return operator.addGroup(GROUP).addGroup("email");
  }

  /** The {@code deadLetters} counters of {@code stage}, one per reason, registered on first use. */
  public static DeadLetters deadLetters(MetricGroup operator, Stage stage) {
    return new DeadLetters(stage(operator, stage));
  }

  /** Dead letters of one stage by reason. Used from one task thread, as Flink calls operators. */
  public static final class DeadLetters {
    private final MetricGroup stage;
    private final Map<Reason, Counter> byReason = new EnumMap<>(Reason.class);

    private DeadLetters(MetricGroup stage) {
      this.stage = stage;
    }

    public void inc(Reason reason) {
      byReason
          .computeIfAbsent(reason, r -> stage.addGroup("reason", r.id()).counter("deadLetters"))
          .inc();
    }
  }
}
