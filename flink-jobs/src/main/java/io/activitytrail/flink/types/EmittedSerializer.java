package io.activitytrail.flink.types;

import io.activitytrail.flink.attribution.Emitted;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** The attribution join's memory of a transaction it let go. */
public final class EmittedSerializer extends TrailSerializer<Emitted> {
  private static final long serialVersionUID = 1L;

  public EmittedSerializer() {
    this(TrailFormat.VERSION);
  }

  EmittedSerializer(int readVersion) {
    super(readVersion);
  }

  @Override
  protected void write(Emitted value, DataOutputView out) throws IOException {
    Codecs.writeEmitted(out, value);
  }

  @Override
  protected Emitted read(DataInputView in, int version) throws IOException {
    return Codecs.readEmitted(in, version);
  }

  @Override
  public TypeSerializerSnapshot<Emitted> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Named in checkpoints and savepoints: never rename or move it. */
  public static final class Snapshot extends TrailSerializerSnapshot<Emitted> {
    public Snapshot() {
      super(EmittedSerializer::new);
    }
  }
}
