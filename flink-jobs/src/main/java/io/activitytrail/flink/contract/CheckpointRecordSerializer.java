package io.activitytrail.flink.contract;

import io.activitytrail.clickhouse.CheckpointRows;
import io.activitytrail.integrity.Checkpoint;
import io.activitytrail.integrity.Verifier.SignedInterval;
import io.activitytrail.schemas.ContractTopics;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A signed checkpoint to {@code trail.checkpoints}: the value its row as one JSON object (with its
 * entries), the key {@code <workspace>/<number>}, so a checkpoint published again after a restore
 * is the same record to a compacting consumer.
 */
public final class CheckpointRecordSerializer
    implements KafkaRecordSerializationSchema<SignedInterval> {

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      SignedInterval interval, KafkaSinkContext context, Long timestamp) {
    Checkpoint c = interval.checkpoint();
    byte[] line = CheckpointRows.toJsonEachRow(List.of(interval));
    return new ProducerRecord<>(
        ContractTopics.CHECKPOINTS,
        null,
        c.issuedAt().toEpochMilli(),
        key(c).getBytes(StandardCharsets.UTF_8),
        Arrays.copyOf(line, line.length - 1)); // without the row's newline
  }

  public static String key(Checkpoint c) {
    return c.workspaceId() + "/" + c.number();
  }
}
