package io.activitytrail.flink.types;

import io.activitytrail.flink.attribution.TransactionBatch;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** A transaction's events as the attribution join lets them go, held by the sequencer. */
public final class TransactionBatchSerializer extends TrailSerializer<TransactionBatch> {
  private static final long serialVersionUID = 1L;

  public TransactionBatchSerializer() {
    this(TrailFormat.VERSION);
  }

  TransactionBatchSerializer(int readVersion) {
    super(readVersion);
  }

  @Override
  protected void write(TransactionBatch value, DataOutputView out) throws IOException {
    Codecs.writeBatch(out, value);
  }

  @Override
  protected TransactionBatch read(DataInputView in, int version) throws IOException {
    return Codecs.readBatch(in, version);
  }

  @Override
  public TypeSerializerSnapshot<TransactionBatch> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Named in checkpoints and savepoints: never rename or move it. */
  public static final class Snapshot extends TrailSerializerSnapshot<TransactionBatch> {
    public Snapshot() {
      super(TransactionBatchSerializer::new);
    }
  }
}
