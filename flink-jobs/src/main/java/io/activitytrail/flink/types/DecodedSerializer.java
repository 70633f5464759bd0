package io.activitytrail.flink.types;

import io.activitytrail.flink.decode.Decoded;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A decoded CDC record: a row change, a transaction marker or a logical message, tagged by variant.
 */
public final class DecodedSerializer extends TrailSerializer<Decoded> {
  private static final long serialVersionUID = 1L;

  public DecodedSerializer() {
    this(TrailFormat.VERSION);
  }

  DecodedSerializer(int readVersion) {
    super(readVersion);
  }

  @Override
  protected void write(Decoded value, DataOutputView out) throws IOException {
    Codecs.writeDecoded(out, value);
  }

  @Override
  protected Decoded read(DataInputView in, int version) throws IOException {
    return Codecs.readDecoded(in, version);
  }

  @Override
  public TypeSerializerSnapshot<Decoded> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Named in checkpoints and savepoints: never rename or move it. */
  public static final class Snapshot extends TrailSerializerSnapshot<Decoded> {
    public Snapshot() {
      super(DecodedSerializer::new);
    }
  }
}
