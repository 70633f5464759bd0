package io.activitytrail.bench;

import io.activitytrail.flink.source.RawRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The benchmark workload: Debezium envelopes recorded from the reference helpdesk (flink-jobs' test
 * fixtures and golden inputs, under {@code src/main/resources/envelopes}), as the Kafka records the
 * job reads.
 */
public final class Envelopes {
  public static final String PREFIX = "helpdesk";
  public static final String TRANSACTION_TOPIC = PREFIX + ".transaction";
  public static final String MESSAGE_TOPIC = PREFIX + ".message";

  /**
   * A realistic mix of row changes: three ticket updates (status, assignee, priority, subject) and
   * one customer reply.
   */
  public static List<RawRecord> rowChanges() {
    return List.of(
        record(PREFIX + ".helpdesk.tickets", "ticket-update.json"),
        record(PREFIX + ".helpdesk.tickets", "ticket-status-assignee-priority.json"),
        record(PREFIX + ".helpdesk.tickets", "ticket-subject-and-priority.json"),
        record(PREFIX + ".helpdesk.ticket_messages", "ticket-message-inbound.json"));
  }

  public static RawRecord contextMessage() {
    return record(MESSAGE_TOPIC, "context-message.json");
  }

  public static RawRecord transactionBegin() {
    return record(TRANSACTION_TOPIC, "transaction-begin.json");
  }

  public static RawRecord transactionEnd() {
    return record(TRANSACTION_TOPIC, "transaction-end.json");
  }

  private Envelopes() {}

  private static RawRecord record(String topic, String file) {
    return new RawRecord(
        topic, 0, 0, 1_764_100_001_000L, null, bytes("envelopes/" + file), new LinkedHashMap<>());
  }

  private static byte[] bytes(String resource) {
    try (InputStream in = Envelopes.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("benchmark resource " + resource + " is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
