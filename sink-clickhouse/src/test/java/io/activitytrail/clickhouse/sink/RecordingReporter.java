package io.activitytrail.clickhouse.sink;

import io.activitytrail.clickhouse.ClickHouseException;
import io.activitytrail.event.ActivityEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Keeps the reports in memory; can be told to fail them, as an unreachable topic would. */
final class RecordingReporter implements RefusedRowReporter<ActivityEvent> {

  record Report(String eventId, int code, String message) {}

  final List<Report> reports = new ArrayList<>();
  IOException failure;
  boolean closed;

  @Override
  public void report(ActivityEvent event, ClickHouseException reason) throws IOException {
    if (failure != null) {
      throw failure;
    }
    reports.add(new Report(event.getEventId(), reason.code(), reason.getMessage()));
  }

  List<String> eventIds() {
    return reports.stream().map(Report::eventId).toList();
  }

  @Override
  public void close() {
    closed = true;
  }
}
