package io.activitytrail.flink.types;

import io.activitytrail.integrity.Verifier.SignedInterval;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** A signed checkpoint with its entries, on the wire and while it waits to be published. */
public final class SignedIntervalSerializer extends TrailSerializer<SignedInterval> {
  private static final long serialVersionUID = 1L;

  public SignedIntervalSerializer() {
    this(TrailFormat.VERSION);
  }

  SignedIntervalSerializer(int readVersion) {
    super(readVersion);
  }

  @Override
  protected void write(SignedInterval value, DataOutputView out) throws IOException {
    Codecs.writeSignedInterval(out, value);
  }

  @Override
  protected SignedInterval read(DataInputView in, int version) throws IOException {
    return Codecs.readSignedInterval(in, version);
  }

  @Override
  public TypeSerializerSnapshot<SignedInterval> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Named in checkpoints and savepoints: never rename or move it. */
  public static final class Snapshot extends TrailSerializerSnapshot<SignedInterval> {
    public Snapshot() {
      super(SignedIntervalSerializer::new);
    }
  }
}
