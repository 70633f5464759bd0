package io.activitytrail.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RowBinaryStringsTest {

  @Test
  @DisplayName("values are read by their varint lengths, one byte or several, empty ones included")
  void readsVarintLengthPrefixedValues() {
    byte[] longValue = new byte[300];
    Arrays.fill(longValue, (byte) 'x');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(2);
    out.writeBytes("é".getBytes(StandardCharsets.UTF_8));
    out.write(0);
    // 300 = 0b1_0010_1100: low seven bits with the continuation bit, then the rest.
    out.write(0xAC);
    out.write(0x02);
    out.writeBytes(longValue);

    List<byte[]> values = RowBinaryStrings.parse(out.toByteArray());

    assertThat(values)
        .containsExactly("é".getBytes(StandardCharsets.UTF_8), new byte[0], longValue);
  }

  @Test
  @DisplayName("no bytes are no values")
  void emptyIsNoRows() {
    assertThat(RowBinaryStrings.parse(new byte[0])).isEmpty();
  }

  @Test
  @DisplayName("a value cut short is an error saying how many bytes were missing")
  void truncatedValueIsAnError() {
    assertThatThrownBy(() -> RowBinaryStrings.parse(new byte[] {5, 'a', 'b'}))
        .isInstanceOf(ClickHouseException.class)
        .hasMessageContaining("a value of 5 bytes where 2 remain");
  }

  @Test
  @DisplayName("a length whose varint never ends is an error, not a hang")
  void unterminatedLengthIsAnError() {
    assertThatThrownBy(() -> RowBinaryStrings.parse(new byte[] {(byte) 0x80, (byte) 0x80}))
        .isInstanceOf(ClickHouseException.class)
        .hasMessageContaining("truncated or oversized length");
  }
}
