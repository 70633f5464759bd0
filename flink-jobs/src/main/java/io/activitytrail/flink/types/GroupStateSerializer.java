package io.activitytrail.flink.types;

import io.activitytrail.alerts.GroupState;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** What an alert rule remembers of one group (the alert operator's state). */
public final class GroupStateSerializer extends TrailSerializer<GroupState> {
  private static final long serialVersionUID = 1L;

  public GroupStateSerializer() {
    this(TrailFormat.VERSION);
  }

  GroupStateSerializer(int readVersion) {
    super(readVersion);
  }

  @Override
  protected void write(GroupState value, DataOutputView out) throws IOException {
    Codecs.writeGroupState(out, value);
  }

  @Override
  protected GroupState read(DataInputView in, int version) throws IOException {
    return Codecs.readGroupState(in, version);
  }

  @Override
  public TypeSerializerSnapshot<GroupState> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Named in checkpoints and savepoints: never rename or move it. */
  public static final class Snapshot extends TrailSerializerSnapshot<GroupState> {
    public Snapshot() {
      super(GroupStateSerializer::new);
    }
  }
}
