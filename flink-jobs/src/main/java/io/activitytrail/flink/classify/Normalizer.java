package io.activitytrail.flink.classify;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Category;
import io.activitytrail.flink.attribution.Attributed;
import io.activitytrail.flink.decode.AppEvent;
import io.activitytrail.flink.decode.RowChange;
import io.activitytrail.flink.reference.ReferenceStore;
import io.activitytrail.flink.reference.ReferenceUpdate;
import io.activitytrail.mapping.Mapping;
import io.activitytrail.mapping.TableMapping;
import io.activitytrail.schemas.ContractClasses;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One attributed change or app event of a workspace to its events, given what is known about the
 * workspace's reference rows.
 *
 * <p>The change first updates the references (a workspace's new plan applies to its own change
 * event; a renamed user is shown with the new name from then on), then is classified. Every event
 * carries the workspace's retention. Audit events of the mapping's {@code feed_audit_types} are
 * also team actions: each gets an activity copy for the workspace feed with a derived id and the
 * same change id.
 */
public final class Normalizer implements Serializable {
  private final Mapping mapping;
  private final Classifier classifier;

  public Normalizer(Mapping mapping) {
    this.mapping = mapping;
    this.classifier = new Classifier(mapping);
  }

  public List<ActivityEvent> normalize(
      Attributed attributed, ReferenceStore references, Instant processedAt) {
    List<ActivityEvent> events;
    if (attributed.event() instanceof RowChange change) {
      TableMapping table =
          mapping
              .table(change.schema(), change.table())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          change.qualifiedTable() + " passed decoding unmapped"));
      references.apply(ReferenceUpdate.of(change, table, mapping));
      events = classifier.classify(change, attributed.context(), references, processedAt);
    } else if (attributed.event() instanceof AppEvent appEvent) {
      events = List.of(AuditEvents.classify(appEvent, processedAt));
    } else {
      return List.of();
    }
    Integer retention = references.retentionDays();
    List<ActivityEvent> out = new ArrayList<>(events.size() + 1);
    for (ActivityEvent event : events) {
      event.setRetentionDays(retention);
      out.add(event);
      if (event.getCategory() == Category.audit
          && mapping.feedAuditTypes().contains(event.getType())) {
        out.add(feedCopy(event));
      }
    }
    return out;
  }

  /** The workspace a decoded event belongs to: the key of the normalizer's state. */
  public static String workspaceOf(Attributed attributed, Mapping mapping) {
    if (attributed.event() instanceof RowChange change) {
      return mapping
          .table(change.schema(), change.table())
          .map(table -> change.current().get(table.workspaceColumn()).text())
          .orElse("");
    }
    if (attributed.event() instanceof AppEvent appEvent) {
      String workspace = appEvent.fields().get("workspace_id");
      return workspace == null ? "" : workspace;
    }
    return "";
  }

  private static ActivityEvent feedCopy(ActivityEvent audit) {
    ContractClasses.trust();
    return ActivityEvent.newBuilder(audit)
        .setEventId(EventIds.feedCopyId(audit.getEventId()))
        .setCategory(Category.activity)
        .build();
  }
}
