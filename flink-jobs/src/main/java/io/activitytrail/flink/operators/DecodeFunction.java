package io.activitytrail.flink.operators;

import io.activitytrail.clickhouse.sink.PipelineMetrics;
import io.activitytrail.clickhouse.sink.PipelineMetrics.Stage;
import io.activitytrail.flink.deadletter.DeadLetter;
import io.activitytrail.flink.deadletter.Reasons;
import io.activitytrail.flink.decode.DebeziumDecoder;
import io.activitytrail.flink.decode.Decoded;
import io.activitytrail.flink.source.RawRecord;
import io.activitytrail.flink.types.TrailTypes;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Decodes raw records; any record that cannot be read or mapped goes to the {@link #DEAD_LETTERS}
 * side output with its original bytes, and the job keeps running. Metrics ({@link PipelineMetrics},
 * stage {@code decode}): {@code events} decoded, {@code deadLetters} by reason.
 */
public final class DecodeFunction extends ProcessFunction<RawRecord, Decoded> {
  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("dead-letters", TrailTypes.DEAD_LETTER);

  private final DebeziumDecoder decoder;
  private transient Counter decoded;
  private transient PipelineMetrics.DeadLetters deadLetters;

  public DecodeFunction(DebeziumDecoder decoder) {
    this.decoder = decoder;
  }

  @Override
  public void open(OpenContext openContext) {
    decoded = PipelineMetrics.events(getRuntimeContext().getMetricGroup(), Stage.DECODE);
    deadLetters = PipelineMetrics.deadLetters(getRuntimeContext().getMetricGroup(), Stage.DECODE);
  }

  @Override
  public void processElement(RawRecord record, Context ctx, Collector<Decoded> out) {
    try {
      decoder
          .decode(record)
          .ifPresent(
              event -> {
                decoded.inc();
                out.collect(event);
              });
    } catch (RuntimeException e) {
      // Data errors and decoder bugs alike: one bad record must not stop the pipeline.
      deadLetters.inc(Reasons.of(e));
      ctx.output(DEAD_LETTERS, DeadLetter.of(record, e, System.currentTimeMillis()));
    }
  }
}
