package io.activitytrail.flink.types;

import io.activitytrail.flink.deadletter.DeadLetter;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** A dead letter on its way to the dead-letter topic. */
public final class DeadLetterRecordSerializer extends TrailSerializer<DeadLetter> {
  private static final long serialVersionUID = 1L;

  public DeadLetterRecordSerializer() {
    this(TrailFormat.VERSION);
  }

  DeadLetterRecordSerializer(int readVersion) {
    super(readVersion);
  }

  @Override
  protected void write(DeadLetter value, DataOutputView out) throws IOException {
    Codecs.writeDeadLetter(out, value);
  }

  @Override
  protected DeadLetter read(DataInputView in, int version) throws IOException {
    return Codecs.readDeadLetter(in, version);
  }

  @Override
  public TypeSerializerSnapshot<DeadLetter> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Named in checkpoints and savepoints: never rename or move it. */
  public static final class Snapshot extends TrailSerializerSnapshot<DeadLetter> {
    public Snapshot() {
      super(DeadLetterRecordSerializer::new);
    }
  }
}
