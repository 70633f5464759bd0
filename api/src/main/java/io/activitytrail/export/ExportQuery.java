package io.activitytrail.export;

import io.activitytrail.clickhouse.ActivityQueries;
import io.activitytrail.clickhouse.AuditFilter;
import io.activitytrail.clickhouse.FeedFilter;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.schemas.filter.EventFilter;
import java.time.Instant;
import java.util.function.Consumer;

/** The rows an export reads: a feed filter or an audit filter, each streamed oldest first. */
public sealed interface ExportQuery {

  ExportKind kind();

  String workspaceId();

  /** The filter, in the one definition shared with the reads and alert rules. */
  EventFilter events();

  Instant from();

  Instant to();

  void stream(ActivityQueries queries, Consumer<ActivityEvent> sink);

  record Activities(FeedFilter filter) implements ExportQuery {
    @Override
    public ExportKind kind() {
      return ExportKind.activities;
    }

    @Override
    public String workspaceId() {
      return filter.workspaceId();
    }

    @Override
    public EventFilter events() {
      return filter.events();
    }

    @Override
    public Instant from() {
      return filter.from();
    }

    @Override
    public Instant to() {
      return filter.to();
    }

    @Override
    public void stream(ActivityQueries queries, Consumer<ActivityEvent> sink) {
      queries.stream(filter, sink);
    }
  }

  record AuditEvents(AuditFilter filter) implements ExportQuery {
    @Override
    public ExportKind kind() {
      return ExportKind.audit_events;
    }

    @Override
    public String workspaceId() {
      return filter.workspaceId();
    }

    @Override
    public EventFilter events() {
      return filter.events();
    }

    @Override
    public Instant from() {
      return filter.from();
    }

    @Override
    public Instant to() {
      return filter.to();
    }

    @Override
    public void stream(ActivityQueries queries, Consumer<ActivityEvent> sink) {
      queries.stream(filter, sink);
    }
  }
}
