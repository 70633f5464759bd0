package io.activitytrail.flink.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activitytrail.clickhouse.ActivityRows;
import io.activitytrail.clickhouse.ClickHouseException;
import io.activitytrail.clickhouse.TestEvents;
import io.activitytrail.event.ActivityEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KafkaDeadLetterReporterTest {

  private static final ClickHouseException NEGATIVE_RETENTION =
      ClickHouseException.fromMessage(
          "chDB failed on: INSERT INTO `trail`.`activity`",
          "Code: 72. DB::Exception: Unsigned type must not contain '-' symbol: (while reading the"
              + " value of key retention_days)");

  private final ActivityEvent event = TestEvents.ticketUpdated("e-42", "ws-dl", "t-9", 1, 77);

  @Test
  @DisplayName(
      "a refused row becomes a dead letter: key = event id, value = its activity row, stage"
          + " clickhouse-sink, ClickHouse's code and message, the event's source position")
  void refusedRowBecomesADeadLetter() throws Exception {
    MockProducer<byte[], byte[]> producer = producer(true);

    new KafkaDeadLetterReporter<ActivityEvent>(
            producer, "trail.dead-letters", DeadLetter::refusedRow, () -> 1_764_100_009_000L)
        .report(event, NEGATIVE_RETENTION);

    assertThat(producer.history()).hasSize(1);
    ProducerRecord<byte[], byte[]> out = producer.history().get(0);
    assertThat(out.topic()).isEqualTo("trail.dead-letters");
    assertThat(new String(out.key(), StandardCharsets.UTF_8)).isEqualTo("e-42");
    assertThat(ActivityRows.fromPayload(out.value())).isEqualTo(event);
    assertThat(headers(out))
        .containsEntry(DeadLetterSerializer.ERROR_STAGE, "clickhouse-sink")
        .containsEntry(DeadLetterSerializer.ERROR_CODE, "72")
        .containsEntry(DeadLetterSerializer.ERROR_CLASS, ClickHouseException.class.getName())
        .containsEntry(DeadLetterSerializer.ERROR_MESSAGE, NEGATIVE_RETENTION.getMessage())
        .containsEntry(DeadLetterSerializer.SOURCE_TOPIC, "helpdesk.helpdesk.tickets")
        .containsEntry(DeadLetterSerializer.SOURCE_PARTITION, "0")
        .containsEntry(DeadLetterSerializer.SOURCE_OFFSET, "77")
        .containsEntry(DeadLetterSerializer.FAILED_AT, "1764100009000")
        .doesNotContainKey(DeadLetterSerializer.SOURCE_TIMESTAMP);
  }

  @Test
  @DisplayName("a dead letter the broker does not acknowledge fails the report, naming the event")
  void unacknowledgedSendFails() throws Exception {
    MockProducer<byte[], byte[]> producer = producer(false);
    KafkaDeadLetterReporter reporter =
        new KafkaDeadLetterReporter<ActivityEvent>(
            producer, "trail.dead-letters", DeadLetter::refusedRow, () -> 0L);

    CompletableFuture<Void> report =
        CompletableFuture.runAsync(
            () -> {
              try {
                reporter.report(event, NEGATIVE_RETENTION);
              } catch (IOException e) {
                throw new RuntimeException(e);
              }
            });
    while (producer.history().isEmpty()) {
      Thread.onSpinWait();
    }
    assertThat(report).isNotDone();
    producer.errorNext(new RecordTooLargeException("too large"));

    assertThatThrownBy(report::join)
        .hasRootCauseInstanceOf(RecordTooLargeException.class)
        .cause()
        .isInstanceOf(RuntimeException.class)
        .cause()
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot dead-letter e-42 to trail.dead-letters");
  }

  @Test
  @DisplayName("a send refused at once (no broker in time) fails the report too")
  void refusedSendFails() {
    MockProducer<byte[], byte[]> producer = producer(true);
    producer.sendException = new TimeoutException("metadata not available");

    assertThatThrownBy(
            () ->
                new KafkaDeadLetterReporter<ActivityEvent>(
                        producer, "trail.dead-letters", DeadLetter::refusedRow, () -> 0L)
                    .report(event, NEGATIVE_RETENTION))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("e-42")
        .hasCauseInstanceOf(TimeoutException.class);
  }

  private static MockProducer<byte[], byte[]> producer(boolean autoComplete) {
    return new MockProducer<>(
        autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static Map<String, String> headers(ProducerRecord<byte[], byte[]> record) {
    Map<String, String> named = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      named.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    return named;
  }
}
