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

  private final KeysetSelect select =
      new KeysetSelect("`db`.activity")
          .key("workspace_id = {workspace:String}", "workspace", HOSTILE)
          .key("category = 'activity'")
          .whereIn("actor_id", "actors", Set.of("u-1"))
          .during(Instant.ofEpochMilli(1_000), null);

  @Test
  @DisplayName("step one reads only the positions, in the sorting key's order, after the cursor")
  void positionsStatement() throws IOException {
    KeysetSelect.Statement s =
        select.positions(true, new Keyset(Instant.ofEpochMilli(5_000), 7, 1, "e-9"), 51);

    assertThat(s.sql()).isEqualTo(golden("keyset-positions.sql"));
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
  @DisplayName(
      "a page is one statement: every column of the positions step one finds, inside the key"
          + " prefix, on one thread")
  void pageStatement() throws IOException {
    KeysetSelect.Statement s = select.page(false, null, 11);

    assertThat(s.sql()).isEqualTo(golden("keyset-page.sql"));
    assertThat(s.params())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("workspace", HOSTILE, "actors", List.of("u-1"), "from_ms", 1_000L, "rows", 11));
  }

  @Test
  @DisplayName("a narrow (one record's) page reads every column in key order, after the cursor")
  void narrowPageStatement() throws IOException {
    KeysetSelect.Statement s =
        new KeysetSelect("`db`.activity_by_record")
            .key("workspace_id = {workspace:String}", "workspace", "ws-1")
            .key("timeline_record_id = {record_id:String}", "record_id", HOSTILE)
            .narrow()
            .page(true, new Keyset(Instant.ofEpochMilli(5_000), 7, 1, "e-9"), 51);

    assertThat(s.sql()).isEqualTo(golden("keyset-narrow-page.sql"));
    assertThat(s.params())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "workspace",
                "ws-1",
                "record_id",
                HOSTILE,
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

  private static String golden(String name) throws IOException {
    try (InputStream in =
        KeysetSelectTest.class.getClassLoader().getResourceAsStream("golden/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }
}
