package io.activitytrail.clickhouse.http;

import com.clickhouse.data.ClickHouseCityHash;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;

/**
 * ClickHouse's own compressed format, which a client asks for with {@code compress=1} (client-v2
 * and JDBC do by default): blocks of a CityHash128 checksum (16 bytes), the method (0x82, LZ4), the
 * compressed size with the 9-byte header, the raw size, and an LZ4 block.
 */
final class CompressedBlocks {

  private static final int BLOCK = 1 << 20;
  private static final byte LZ4 = (byte) 0x82;
  private static final int HEADER = 9;
  private static final LZ4Compressor COMPRESSOR = LZ4Factory.fastestInstance().fastCompressor();

  private CompressedBlocks() {}

  static byte[] compress(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
    for (int offset = 0; offset < data.length; offset += BLOCK) {
      int length = Math.min(BLOCK, data.length - offset);
      byte[] block = new byte[HEADER + COMPRESSOR.maxCompressedLength(length)];
      int compressed =
          COMPRESSOR.compress(data, offset, length, block, HEADER, block.length - HEADER);
      ByteBuffer header = ByteBuffer.wrap(block, 0, HEADER).order(ByteOrder.LITTLE_ENDIAN);
      header.put(LZ4).putInt(HEADER + compressed).putInt(length);
      long[] hash = ClickHouseCityHash.cityHash128(block, 0, HEADER + compressed);
      ByteBuffer checksum = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
      checksum.putLong(hash[0]).putLong(hash[1]);
      out.write(checksum.array(), 0, 16);
      out.write(block, 0, HEADER + compressed);
    }
    return out.toByteArray();
  }
}
