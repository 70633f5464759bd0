package io.activitytrail.flink.types;

import io.activitytrail.integrity.LeafEntry;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** An event's entry in its workspace's tree, until a checkpoint takes it. */
public final class LeafEntrySerializer extends TrailSerializer<LeafEntry> {
  private static final long serialVersionUID = 1L;

  public LeafEntrySerializer() {
    this(TrailFormat.VERSION);
  }

  LeafEntrySerializer(int readVersion) {
    super(readVersion);
  }

  @Override
  protected void write(LeafEntry value, DataOutputView out) throws IOException {
    Codecs.writeLeafEntry(out, value);
  }

  @Override
  protected LeafEntry read(DataInputView in, int version) throws IOException {
    return Codecs.readLeafEntry(in, version);
  }

  @Override
  public TypeSerializerSnapshot<LeafEntry> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Named in checkpoints and savepoints: never rename or move it. */
  public static final class Snapshot extends TrailSerializerSnapshot<LeafEntry> {
    public Snapshot() {
      super(LeafEntrySerializer::new);
    }
  }
}
