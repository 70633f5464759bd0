package io.activitytrail.flink.types;

import io.activitytrail.schemas.context.ActorContext;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** A transaction's actor context (the attribution join's state); written by its accessors only. */
public final class ActorContextSerializer extends TrailSerializer<ActorContext> {
  private static final long serialVersionUID = 1L;

  public ActorContextSerializer() {
    this(TrailFormat.VERSION);
  }

  ActorContextSerializer(int readVersion) {
    super(readVersion);
  }

  @Override
  protected void write(ActorContext value, DataOutputView out) throws IOException {
    Codecs.writeContext(out, value);
  }

  @Override
  protected ActorContext read(DataInputView in, int version) throws IOException {
    return Codecs.readContext(in, version);
  }

  @Override
  public TypeSerializerSnapshot<ActorContext> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Named in checkpoints and savepoints: never rename or move it. */
  public static final class Snapshot extends TrailSerializerSnapshot<ActorContext> {
    public Snapshot() {
      super(ActorContextSerializer::new);
    }
  }
}
