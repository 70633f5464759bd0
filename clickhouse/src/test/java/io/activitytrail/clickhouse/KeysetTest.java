package io.activitytrail.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KeysetTest {

  private static final Instant T = Instant.ofEpochMilli(1_000);

  @Test
  @DisplayName("commit order is time, then lsn (missing first), then tx order, then event id")
  void commitOrder() {
    Keyset missingLsn = new Keyset(T, Keyset.MISSING, 5, "z");
    Keyset lsn1tx1 = new Keyset(T, 1, 1, "b");
    Keyset lsn1tx2a = new Keyset(T, 1, 2, "a");
    Keyset lsn1tx2b = new Keyset(T, 1, 2, "b");
    Keyset later = new Keyset(T.plusMillis(1), Keyset.MISSING, Keyset.MISSING, "a");
    List<Keyset> keys = new ArrayList<>(List.of(later, lsn1tx2b, missingLsn, lsn1tx2a, lsn1tx1));

    keys.sort(Keyset.COMMIT_ORDER);

    assertThat(keys).containsExactly(missingLsn, lsn1tx1, lsn1tx2a, lsn1tx2b, later);
  }

  @Test
  @DisplayName("event ids compare as UTF-8 bytes, as ClickHouse sorts strings, not as UTF-16 chars")
  void eventIdsInByteOrder() {
    // U+FF5E is one UTF-16 char above any surrogate, but its UTF-8 bytes (EF ...) sort below the
    // 4-byte encoding (F0 ...) of U+1F600.
    Keyset fullwidth = new Keyset(T, 1, 1, "\uFF5E");
    Keyset emoji = new Keyset(T, 1, 1, "\uD83D\uDE00");

    assertThat(Keyset.COMMIT_ORDER.compare(fullwidth, emoji)).isNegative();
    assertThat("\uFF5E".compareTo("\uD83D\uDE00")).isPositive();
  }
}
