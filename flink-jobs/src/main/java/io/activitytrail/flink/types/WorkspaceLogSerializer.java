package io.activitytrail.flink.types;

import io.activitytrail.integrity.WorkspaceLog;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** A workspace's tamper-evidence state (the integrity operator's). */
public final class WorkspaceLogSerializer extends TrailSerializer<WorkspaceLog> {
  private static final long serialVersionUID = 1L;

  public WorkspaceLogSerializer() {
    this(TrailFormat.VERSION);
  }

  WorkspaceLogSerializer(int readVersion) {
    super(readVersion);
  }

  @Override
  protected void write(WorkspaceLog value, DataOutputView out) throws IOException {
    Codecs.writeWorkspaceLog(out, value);
  }

  @Override
  protected WorkspaceLog read(DataInputView in, int version) throws IOException {
    return Codecs.readWorkspaceLog(in, version);
  }

  @Override
  public TypeSerializerSnapshot<WorkspaceLog> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Named in checkpoints and savepoints: never rename or move it. */
  public static final class Snapshot extends TrailSerializerSnapshot<WorkspaceLog> {
    public Snapshot() {
      super(WorkspaceLogSerializer::new);
    }
  }
}
