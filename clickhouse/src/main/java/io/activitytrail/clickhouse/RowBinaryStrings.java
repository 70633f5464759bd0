package io.activitytrail.clickhouse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the RowBinary output of a one-{@code String}-column SELECT: each value is its length as an
 * unsigned LEB128 varint, then its bytes.
 */
public final class RowBinaryStrings {

  private RowBinaryStrings() {}

  /** The values, in the order ClickHouse sent them. */
  public static List<byte[]> parse(byte[] rowBinary) {
    List<byte[]> values = new ArrayList<>();
    int at = 0;
    while (at < rowBinary.length) {
      long length = 0;
      int shift = 0;
      while (true) {
        if (at >= rowBinary.length || shift > 35) {
          throw malformed("a truncated or oversized length at byte " + at);
        }
        byte b = rowBinary[at++];
        length |= (long) (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          break;
        }
        shift += 7;
      }
      if (length > rowBinary.length - at) {
        throw malformed(
            "a value of " + length + " bytes where " + (rowBinary.length - at) + " remain");
      }
      values.add(Arrays.copyOfRange(rowBinary, at, at + (int) length));
      at += (int) length;
    }
    return values;
  }

  private static ClickHouseException malformed(String what) {
    return new ClickHouseException(
        "ClickHouse returned RowBinary strings with " + what,
        ClickHouseException.NO_CODE,
        false,
        null);
  }
}
