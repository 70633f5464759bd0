package io.activitytrail.flink.types;

import io.activitytrail.flink.ordering.CommitOrderState.Place;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** A transaction's place in commit order (the sequencer's state). */
public final class PlaceSerializer extends TrailSerializer<Place> {
  private static final long serialVersionUID = 1L;

  public PlaceSerializer() {
    this(TrailFormat.VERSION);
  }

  PlaceSerializer(int readVersion) {
    super(readVersion);
  }

  @Override
  protected void write(Place value, DataOutputView out) throws IOException {
    Codecs.writePlace(out, value);
  }

  @Override
  protected Place read(DataInputView in, int version) throws IOException {
    return Codecs.readPlace(in, version);
  }

  @Override
  public TypeSerializerSnapshot<Place> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Named in checkpoints and savepoints: never rename or move it. */
  public static final class Snapshot extends TrailSerializerSnapshot<Place> {
    public Snapshot() {
      super(PlaceSerializer::new);
    }
  }
}
