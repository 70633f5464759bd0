package io.activitytrail.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KeysetSelectTest {

  private static final String HOSTILE = "ws'); DROP TABLE activity; --";

  @Test
  @DisplayName(
      "a page reads the payload in the sorting key's order, after the cursor, on one thread, with"
          + " every value bound apart from the SQL")
  void pageAfterCursor() throws IOException {
    KeysetSelect.Statement s =
        new KeysetSelect("`db`.activity_by_workspace")
            .where("workspace_id = {workspace:String}", "workspace", HOSTILE)
            .where("category = 'activity'")
            .whereIn("actor_id", "actors", Set.of("u-1"))
            .during(Instant.ofEpochMilli(1_000), null)
            .page(true, new Keyset(Instant.ofEpochMilli(5_000), 7, 1, "e-9"), 51);

    assertThat(s.sql()).isEqualTo(golden("keyset-page-after.sql"));
    assertThat(s.params())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "workspace",
                HOSTILE,
                "actors",
                List.of("u-1"),
                "from_ms",
                1_000L,
                "after_ms",
                5_000L,
                "after_lsn",
                7L,
                "after_tx_order",
                1L,
                "after_event",
                "e-9",
                "rows",
                51));
  }

  @Test
  @DisplayName("a first page oldest first has no cursor condition and leaves out absent filters")
  void firstPageOldestFirst() throws IOException {
    KeysetSelect.Statement s =
        new KeysetSelect("`db`.activity_by_record")
            .where("workspace_id = {workspace:String}", "workspace", "ws-1")
            .where("timeline_record_id = {record_id:String}", "record_id", HOSTILE)
            .whereIn("type", "types", Set.of())
            .during(null, null)
            .page(false, null, 11);

    assertThat(s.sql()).isEqualTo(golden("keyset-page-first.sql"));
    assertThat(s.params())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("workspace", "ws-1", "record_id", HOSTILE, "rows", 11));
  }

  @Test
  @DisplayName("an unordered read has the same conditions and limit, and no ORDER BY")
  void unorderedRead() {
    KeysetSelect select =
        new KeysetSelect("`db`.activity_by_record")
            .where("workspace_id = {workspace:String}", "workspace", "ws-1");
    Keyset after = new Keyset(Instant.ofEpochMilli(5_000), 7, 1, "e-9");

    KeysetSelect.Statement ordered = select.page(false, after, 1000);
    KeysetSelect.Statement unordered = select.unordered(false, after, 1000);

    assertThat(unordered.sql())
        .isEqualTo(
            ordered.sql().replace(" ORDER BY occurred_at, sort_lsn, sort_tx_order, event_id", ""))
        .doesNotContain("ORDER BY");
    assertThat(unordered.params()).isEqualTo(ordered.params());
  }

  private static String golden(String name) throws IOException {
    try (InputStream in =
        KeysetSelectTest.class.getClassLoader().getResourceAsStream("golden/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }
}
