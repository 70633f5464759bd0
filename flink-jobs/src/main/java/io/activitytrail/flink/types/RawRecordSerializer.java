package io.activitytrail.flink.types;

import io.activitytrail.flink.source.RawRecord;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** A Kafka record as it arrived, between the source and decoding. */
public final class RawRecordSerializer extends TrailSerializer<RawRecord> {
  private static final long serialVersionUID = 1L;

  public RawRecordSerializer() {
    this(TrailFormat.VERSION);
  }

  RawRecordSerializer(int readVersion) {
    super(readVersion);
  }

  @Override
  protected void write(RawRecord value, DataOutputView out) throws IOException {
    Codecs.writeRawRecord(out, value);
  }

  @Override
  protected RawRecord read(DataInputView in, int version) throws IOException {
    return Codecs.readRawRecord(in, version);
  }

  @Override
  public TypeSerializerSnapshot<RawRecord> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Named in checkpoints and savepoints: never rename or move it. */
  public static final class Snapshot extends TrailSerializerSnapshot<RawRecord> {
    public Snapshot() {
      super(RawRecordSerializer::new);
    }
  }
}
