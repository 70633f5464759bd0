package io.activitytrail.flink.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.flink.Fixtures;
import io.activitytrail.flink.decode.DecodeException;
import io.activitytrail.flink.source.RawRecord;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeadLetterSerializerTest {

  @Test
  @DisplayName(
      "a dead letter keeps the original key, value and headers, and names reason and source position")
  void serialize() {
    LinkedHashMap<String, byte[]> headers = new LinkedHashMap<>();
    headers.put("trace", "t-1".getBytes(StandardCharsets.UTF_8));
    byte[] value = Fixtures.bytes("fixtures/malformed.txt");
    RawRecord record =
        new RawRecord(
            "helpdesk.helpdesk.tickets",
            3,
            1234,
            1_764_100_000_000L,
            new byte[] {7},
            value,
            headers);
    DeadLetter letter =
        DeadLetter.of(
            record, new DecodeException("record value is not valid JSON"), 1_764_100_009_000L);

    ProducerRecord<byte[], byte[]> out =
        new DeadLetterSerializer("trail.dead-letters").serialize(letter, null, null);

    assertThat(out.topic()).isEqualTo("trail.dead-letters");
    assertThat(out.key()).containsExactly(7);
    assertThat(out.value()).isEqualTo(value);
    Map<String, String> named = new LinkedHashMap<>();
    for (Header header : out.headers()) {
      named.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    assertThat(named)
        .containsEntry("trace", "t-1")
        .containsEntry(DeadLetterSerializer.ERROR_STAGE, "decode")
        .containsEntry(DeadLetterSerializer.ERROR_CLASS, DecodeException.class.getName())
        .containsEntry(DeadLetterSerializer.ERROR_MESSAGE, "record value is not valid JSON")
        .containsEntry(DeadLetterSerializer.SOURCE_TOPIC, "helpdesk.helpdesk.tickets")
        .containsEntry(DeadLetterSerializer.SOURCE_PARTITION, "3")
        .containsEntry(DeadLetterSerializer.SOURCE_OFFSET, "1234")
        .containsEntry(DeadLetterSerializer.SOURCE_TIMESTAMP, "1764100000000")
        .containsEntry(DeadLetterSerializer.FAILED_AT, "1764100009000")
        .containsEntry(DeadLetterSerializer.ERROR_STAGE, "decode")
        .doesNotContainKey(DeadLetterSerializer.ERROR_CODE);
  }
}
