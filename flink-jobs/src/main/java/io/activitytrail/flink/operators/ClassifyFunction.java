package io.activitytrail.flink.operators;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.flink.attribution.Attributed;
import io.activitytrail.flink.classify.AuditEvents;
import io.activitytrail.flink.classify.Classifier;
import io.activitytrail.flink.decode.AppEvent;
import io.activitytrail.flink.decode.RowChange;
import io.activitytrail.flink.mapping.Mapping;
import java.time.Instant;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.util.Collector;

/** Turns attributed changes and app events into activity events (the pure classifier, in Flink). */
public final class ClassifyFunction
    implements FlatMapFunction<Attributed, ActivityEvent>, ResultTypeQueryable<ActivityEvent> {
  private final Classifier classifier;

  public ClassifyFunction(Mapping mapping) {
    this.classifier = new Classifier(mapping);
  }

  @Override
  public void flatMap(Attributed attributed, Collector<ActivityEvent> out) {
    Instant now = Instant.now();
    if (attributed.event() instanceof RowChange change) {
      classifier.classify(change, attributed.context(), now).forEach(out::collect);
    } else if (attributed.event() instanceof AppEvent appEvent) {
      out.collect(AuditEvents.classify(appEvent, now));
    }
  }

  @Override
  public TypeInformation<ActivityEvent> getProducedType() {
    return new AvroSpecificTypeInfo<>(ActivityEvent.class);
  }
}
