package io.activitytrail.clickhouse.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.clickhouse.GoldenFiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SQL surface (docs/sql.md): every view over the compliance dataset, acme's rows against a
 * golden file (regenerate with -Dgolden.update=true and read the diff).
 */
class SqlViewsTest {

  static List<String> views() {
    return List.of(
        "events",
        "activities",
        "audit_events",
        "field_changes",
        "logins",
        "permission_changes",
        "member_roles",
        "settings_changes",
        "exports_and_downloads",
        "record_views",
        "notifications",
        "alerts");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("views")
  @DisplayName("each view gives acme's rows as documented, a replayed event once")
  void view(String view) {
    String rows =
        ReadOnlyStore.run(
            "SELECT * EXCEPT (workspace_id) FROM "
                + view
                + " WHERE workspace_id = 'acme' ORDER BY ALL",
            "TSVWithNamesAndTypes",
            Map.of());
    GoldenFiles.assertMatches("sql/views/" + view + ".tsv", rows);
  }

  @Test
  @DisplayName("every view names workspace_id, and no view shows another workspace's rows")
  void everyViewCarriesTheWorkspace() {
    for (String view : views()) {
      String workspaces =
          ReadOnlyStore.run(
              "SELECT DISTINCT workspace_id FROM " + view + " ORDER BY 1 FORMAT TSV",
              "TSV",
              Map.of());
      assertThat(workspaces).as(view).isIn("acme\nglobex\n", "acme\n");
      String acmeOnly =
          ReadOnlyStore.run(
              "SELECT DISTINCT workspace_id FROM " + view + " WHERE workspace_id = {w:String}",
              "TSV",
              Map.of("w", "acme"));
      assertThat(acmeOnly).as(view).isEqualTo("acme\n");
    }
  }

  @Test
  @DisplayName("the event written twice counts once in every view")
  void replayCountsOnce() {
    String count =
        ReadOnlyStore.run(
            "SELECT count() FROM events WHERE type = 'comment_added'", "TSV", Map.of());
    assertThat(count).isEqualTo("1\n");
    String notified =
        ReadOnlyStore.run(
            "SELECT count() FROM notifications WHERE activity_type = 'comment_added'",
            "TSV",
            Map.of());
    assertThat(notified).isEqualTo("1\n");
  }

  @Test
  @DisplayName(
      "a notification is read from its first covering marker: by id, or the earliest 'mark all' at"
          + " or after its creation; another user's marker and an earlier 'mark all' count for"
          + " nothing")
  void notificationReadState() {
    String rows =
        ReadOnlyStore.run(
            "SELECT recipient_id, activity_type, read, read_at FROM notifications"
                + " WHERE workspace_id = 'acme' ORDER BY created_at",
            "TSV",
            Map.of());
    assertThat(rows)
        .isEqualTo(
            """
            u3\tassigned\ttrue\t2025-03-05 00:00:00.000
            u4\tassigned\tfalse\t\\N
            u2\trole_changed\ttrue\t2025-03-12 08:00:00.000
            u3\tupdated\tfalse\t\\N
            u3\tcomment_added\ttrue\t2025-03-11 12:00:00.000
            u2\tdata_exported\ttrue\t2025-03-20 08:00:00.000
            """);
  }
}
