package io.activitytrail.flink.types;

import io.activitytrail.flink.decode.TransactionBoundary;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** A transaction marker on its way to the sequencer: the END markers, in commit order. */
public final class TransactionBoundarySerializer extends TrailSerializer<TransactionBoundary> {
  private static final long serialVersionUID = 1L;

  public TransactionBoundarySerializer() {
    this(TrailFormat.VERSION);
  }

  TransactionBoundarySerializer(int readVersion) {
    super(readVersion);
  }

  @Override
  protected void write(TransactionBoundary value, DataOutputView out) throws IOException {
    Codecs.writeBoundary(out, value);
  }

  @Override
  protected TransactionBoundary read(DataInputView in, int version) throws IOException {
    return Codecs.readBoundary(in, version);
  }

  @Override
  public TypeSerializerSnapshot<TransactionBoundary> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Named in checkpoints and savepoints: never rename or move it. */
  public static final class Snapshot extends TrailSerializerSnapshot<TransactionBoundary> {
    public Snapshot() {
      super(TransactionBoundarySerializer::new);
    }
  }
}
