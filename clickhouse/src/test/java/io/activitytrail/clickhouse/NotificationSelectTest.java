package io.activitytrail.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NotificationSelectTest {

  private static final String HOSTILE = "u'); DROP TABLE notification; --";
  private static final NotificationSelect SELECT =
      new NotificationSelect("`db`.notification", "`db`.notification_read");

  @Test
  @DisplayName(
      "a first page reads one recipient's key range newest first, its read state computed from the"
          + " markers, every value bound apart from the SQL")
  void firstPage() throws IOException {
    KeysetSelect.Statement s = SELECT.page(new Recipient("ws-1", HOSTILE, true), false, null, 51);

    assertThat(s.sql()).isEqualTo(golden("notification-page-first.sql"));
    assertThat(s.params())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("workspace", "ws-1", "recipient", HOSTILE, "rows", 51));
  }

  @Test
  @DisplayName(
      "an unread page of a member after a cursor leaves out audit notifications and what a marker"
          + " covers, and cuts at the cursor")
  void unreadPageAfterCursor() throws IOException {
    Keyset after = new Keyset(Instant.ofEpochMilli(5_000), Keyset.MISSING, Keyset.MISSING, HOSTILE);
    KeysetSelect.Statement s = SELECT.page(new Recipient(HOSTILE, "u-7", false), true, after, 11);

    assertThat(s.sql()).isEqualTo(golden("notification-page-unread-after.sql"));
    assertThat(s.params())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "workspace",
                HOSTILE,
                "recipient",
                "u-7",
                "after_ms",
                5_000L,
                "after_id",
                HOSTILE,
                "rows",
                11));
  }

  @Test
  @DisplayName(
      "the unread count reads the unread page's rows in the same order, up to a bound, and counts"
          + " distinct ids")
  void unreadCount() throws IOException {
    KeysetSelect.Statement s = SELECT.unreadCount(new Recipient("ws-1", "u-7", false), 1_001);

    assertThat(s.sql()).isEqualTo(golden("notification-unread-count.sql"));
    assertThat(s.params())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("workspace", "ws-1", "recipient", "u-7", "up_to", 1_001));
  }

  private static String golden(String name) throws IOException {
    try (InputStream in =
        NotificationSelectTest.class.getClassLoader().getResourceAsStream("golden/" + name)) {
      assertThat(in).as("golden/" + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }
}
