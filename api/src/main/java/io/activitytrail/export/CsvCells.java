package io.activitytrail.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.api.ActivityJson;
import io.activitytrail.api.Role;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import java.util.List;

/** One activity as the flat cells of a CSV row (docs/exports.md), pure. */
public final class CsvCells {

  public static final List<String> HEADER =
      List.of(
          "event_id",
          "occurred_at",
          "workspace_id",
          "category",
          "type",
          "record_type",
          "record_id",
          "record_display",
          "actor_type",
          "actor_id",
          "actor_name",
          "actor_ip",
          "actor_user_agent",
          "actor_channel",
          "transaction_id",
          "changes");

  private static final ObjectMapper JSON = new ObjectMapper();

  private CsvCells() {}

  /** The row's cells in {@link #HEADER} order; null for an absent value (an empty cell). */
  public static String[] of(ActivityEvent e, Role role) {
    Actor a = e.getActor();
    boolean context = role.seesRequestContext();
    return new String[] {
      cell(e.getEventId()),
      ActivityJson.timestamp(e.getOccurredAt()),
      cell(e.getWorkspaceId()),
      e.getCategory().name(),
      cell(e.getType()),
      cell(e.getRecordType()),
      cell(e.getRecordId()),
      cell(e.getRecordDisplay()),
      cell(a.getType()),
      cell(a.getId()),
      cell(a.getName()),
      context ? cell(a.getIp()) : null,
      context ? cell(a.getUserAgent()) : null,
      context ? cell(a.getChannel()) : null,
      cell(e.getTransactionId()),
      changes(e, role)
    };
  }

  /**
   * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return, which some
   * strip before looking) as a formula, so a record named {@code =HYPERLINK(...)} written by a
   * customer would run on the auditor's machine. A leading apostrophe makes it text (OWASP "CSV
   * injection"); the value is otherwise unchanged.
   */
  public static String cell(CharSequence value) {
    if (value == null) {
      return null;
    }
    String s = value.toString();
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      return "'" + s;
    }
    return s;
  }

  /** The changes as the API's JSON array (sensitive values hidden), compact, one cell. */
  private static String changes(ActivityEvent e, Role role) {
    try {
      return JSON.writeValueAsString(ActivityJson.item(e, role).get("changes"));
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("cannot write the changes of " + e.getEventId(), ex);
    }
  }
}
