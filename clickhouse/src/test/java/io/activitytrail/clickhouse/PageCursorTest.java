package io.activitytrail.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activitytrail.clickhouse.PageCursor.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PageCursorTest {

  private static final Keyset AT =
      new Keyset(Instant.parse("2026-03-01T10:15:30.123Z"), 42L, -1L, "id\nwith|odd chars");

  private static String base64(String text) {
    return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("a cursor decodes to the position it was made from, for the same kind")
  void roundTrip() {
    for (Kind kind : Kind.values()) {
      assertThat(PageCursor.decode(kind, PageCursor.encode(kind, AT))).isEqualTo(AT);
    }
  }

  @Test
  @DisplayName("a cursor is URL-safe text")
  void urlSafe() {
    assertThat(PageCursor.encode(Kind.FEED, AT)).matches("[A-Za-z0-9_-]+");
  }

  @Test
  @DisplayName("no cursor means the first page")
  void nullIsFirstPage() {
    assertThat(PageCursor.decode(Kind.AUDIT, null)).isNull();
  }

  @Test
  @DisplayName("a cursor of another kind is refused, naming both kinds")
  void otherKind() {
    String feed = PageCursor.encode(Kind.FEED, AT);
    assertThatThrownBy(() -> PageCursor.decode(Kind.TIMELINE_ASC, feed))
        .isInstanceOf(InvalidCursorException.class)
        .hasMessageContaining("feed")
        .hasMessageContaining("timeline_asc");
  }

  @Test
  @DisplayName("text that is not base64url, not versioned, or holds no numbers is refused")
  void malformed() {
    for (String bad :
        new String[] {
          "%%%",
          base64("hello"),
          base64("v2\nFEED\n1\n2\n3\ne"),
          base64("v1\nFEED\nnoon\n2\n3\ne"),
          base64("v1\nFEED\n1\n2\n3"),
          ""
        }) {
      assertThatThrownBy(() -> PageCursor.decode(Kind.FEED, bad))
          .as(bad)
          .isInstanceOf(InvalidCursorException.class)
          .hasMessageContaining("cursor");
    }
  }
}
