package io.activitytrail.flink.types;

import io.activitytrail.flink.attribution.Attributed;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** A decoded event with its transaction's actor context, as the normalizer takes it. */
public final class AttributedSerializer extends TrailSerializer<Attributed> {
  private static final long serialVersionUID = 1L;

  public AttributedSerializer() {
    this(TrailFormat.VERSION);
  }

  AttributedSerializer(int readVersion) {
    super(readVersion);
  }

  @Override
  protected void write(Attributed value, DataOutputView out) throws IOException {
    Codecs.writeAttributed(out, value);
  }

  @Override
  protected Attributed read(DataInputView in, int version) throws IOException {
    return Codecs.readAttributed(in, version);
  }

  @Override
  public TypeSerializerSnapshot<Attributed> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Named in checkpoints and savepoints: never rename or move it. */
  public static final class Snapshot extends TrailSerializerSnapshot<Attributed> {
    public Snapshot() {
      super(AttributedSerializer::new);
    }
  }
}
