package io.activitytrail.flink.types;

import static io.activitytrail.flink.Changes.ADA;
import static io.activitytrail.flink.Changes.begin;
import static io.activitytrail.flink.Changes.context;
import static io.activitytrail.flink.Changes.end;
import static io.activitytrail.flink.Changes.ticketUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.flink.attribution.Attributed;
import io.activitytrail.flink.attribution.Emitted;
import io.activitytrail.flink.attribution.TransactionBatch;
import io.activitytrail.flink.deadletter.DeadLetter;
import io.activitytrail.flink.decode.AppEvent;
import io.activitytrail.flink.decode.ColumnValue;
import io.activitytrail.flink.decode.Decoded;
import io.activitytrail.flink.decode.ForeignMessage;
import io.activitytrail.flink.decode.Op;
import io.activitytrail.flink.decode.RowChange;
import io.activitytrail.flink.decode.SourceRef;
import io.activitytrail.flink.ordering.CommitOrderState.Place;
import io.activitytrail.flink.source.RawRecord;
import io.activitytrail.schemas.context.ActorContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TrailSerializersTest {
  private static final ClassLoader LOADER = TrailSerializersTest.class.getClassLoader();

  private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(value, out);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    T read = serializer.deserialize(in);
    assertThat(in.available()).as("every byte read").isZero();
    return read;
  }

  /** A change with every column kind, a null, an unsent TOAST value and nullable fields unset. */
  private static RowChange everyKind() {
    LinkedHashMap<String, ColumnValue> row = new LinkedHashMap<>();
    for (ColumnValue.Kind kind : ColumnValue.Kind.values()) {
      row.put(
          kind.name().toLowerCase(),
          switch (kind) {
            case NULL -> ColumnValue.NULL;
            case UNAVAILABLE -> ColumnValue.UNAVAILABLE;
            default -> ColumnValue.of(kind, "v-" + kind);
          });
    }
    row.put("body", ColumnValue.of(ColumnValue.Kind.TEXT, "é".repeat(70_000)));
    return new RowChange(
        "helpdesk",
        "helpdesk",
        "tickets",
        Op.DELETE,
        row,
        new LinkedHashMap<>(),
        1_764_100_000_123L,
        null,
        null,
        null,
        null,
        new SourceRef("helpdesk.helpdesk.tickets", 3, 99));
  }

  @Test
  @DisplayName(
      "every decoded variant reads back equal: every column kind, nulls, unsent values, text past 64 KiB, unset fields")
  void decoded() throws IOException {
    LinkedHashMap<String, String> fields = new LinkedHashMap<>();
    fields.put("type", "login_failed");
    fields.put("workspace_id", "acme");
    List<Decoded> events =
        List.of(
            everyKind(),
            ticketUpdate("734", 2, 42, "3", null),
            end("734", 3),
            begin("734"),
            context("734", ADA),
            new AppEvent(
                "helpdesk", null, fields, 5L, null, "hash", null, new SourceRef("m", 0, 1)),
            new ForeignMessage("734", "other.app", new SourceRef("m", 0, 2)));

    for (Decoded event : events) {
      assertThat(roundTrip(new DecodedSerializer(), event)).isEqualTo(event);
    }
  }

  @Test
  @DisplayName(
      "contexts, attributed events, batches, the join's memory and the sequencer's places read back equal")
  void stateAndEdges() throws IOException {
    LinkedHashMap<String, String> extra = new LinkedHashMap<>();
    extra.put("tenant_region", "eu");
    ActorContext context =
        new ActorContext(
            "rule", null, "Escalate", null, null, null, "rule", "r-7", null, null, extra);
    TransactionBatch batch =
        new TransactionBatch(
            "734",
            TransactionBatch.Outcome.TIMED_OUT,
            context,
            List.of(ticketUpdate("734", 1, 41, "3", "3"), everyKind()),
            734_999L);

    assertThat(roundTrip(new ActorContextSerializer(), context)).isEqualTo(context);
    assertThat(roundTrip(new AttributedSerializer(), new Attributed(everyKind(), null)))
        .isEqualTo(new Attributed(everyKind(), null));
    assertThat(roundTrip(new TransactionBatchSerializer(), batch)).isEqualTo(batch);
    for (TransactionBatch.Outcome outcome : TransactionBatch.Outcome.values()) {
      TransactionBatch empty = new TransactionBatch("1", outcome, null, List.of(), null);
      assertThat(roundTrip(new TransactionBatchSerializer(), empty)).isEqualTo(empty);
    }
    var emitted = new Emitted(ADA, true);
    assertThat(roundTrip(new EmittedSerializer(), emitted)).isEqualTo(emitted);
    assertThat(roundTrip(new PlaceSerializer(), new Place("734", 42L)))
        .isEqualTo(new Place("734", 42L));
    assertThat(roundTrip(new TransactionBoundarySerializer(), end("734", 2)))
        .isEqualTo(end("734", 2));
  }

  @Test
  @DisplayName("raw records and dead letters keep their bytes, null keys and values, and headers")
  void bytes() throws IOException {
    LinkedHashMap<String, byte[]> headers = new LinkedHashMap<>();
    headers.put("trace", "t-1".getBytes(StandardCharsets.UTF_8));
    headers.put("empty", null);
    RawRecord record = new RawRecord("t", 1, 2, 3, null, new byte[] {0, 1, 2}, headers);
    DeadLetter letter =
        new DeadLetter(
            DeadLetter.Stage.CLICKHOUSE_SINK,
            "t",
            1,
            2,
            null,
            new byte[] {9},
            null,
            headers,
            "E",
            "why",
            469,
            4);

    RawRecord readRecord = roundTrip(new RawRecordSerializer(), record);
    DeadLetter readLetter = roundTrip(new DeadLetterRecordSerializer(), letter);

    assertThat(readRecord.key()).isNull();
    assertThat(readRecord.value()).containsExactly(0, 1, 2);
    assertThat(readRecord.headers().get("trace")).isEqualTo("t-1".getBytes(StandardCharsets.UTF_8));
    assertThat(readRecord.headers()).containsKey("empty").containsEntry("empty", null);
    assertThat(readLetter.key()).containsExactly(9);
    assertThat(readLetter.value()).isNull();
    assertThat(readLetter)
        .extracting(
            DeadLetter::errorClass,
            DeadLetter::errorMessage,
            DeadLetter::errorCode,
            DeadLetter::timestamp,
            DeadLetter::failedAt,
            DeadLetter::stage)
        .containsExactly("E", "why", 469, null, 4L, DeadLetter.Stage.CLICKHOUSE_SINK);
  }

  @Test
  @DisplayName(
      "the job's type information hands Flink these serializers even with generic types off")
  void typeInformation() {
    SerializerConfigImpl strict = new SerializerConfigImpl();
    strict.setGenericTypes(false);
    for (TypeInformation<?> type :
        List.of(
            TrailTypes.RAW_RECORD,
            TrailTypes.DECODED,
            TrailTypes.TRANSACTION_BOUNDARY,
            TrailTypes.TRANSACTION_BATCH,
            TrailTypes.ATTRIBUTED,
            TrailTypes.DEAD_LETTER)) {
      assertThat(type.createSerializer(strict)).isInstanceOf(TrailSerializer.class);
    }
  }

  private static <T> TypeSerializerSnapshot<T> written(TypeSerializerSnapshot<T> snapshot)
      throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
    return TypeSerializerSnapshot.readVersionedSnapshot(
        new DataInputDeserializer(out.getCopyOfBuffer()), LOADER);
  }

  @Test
  @DisplayName(
      "a snapshot of this format restores as is; one of a newer format, or of another type, is refused rather than misread")
  void compatibility() throws IOException {
    TypeSerializerSnapshot<Decoded> current = new DecodedSerializer().snapshotConfiguration();
    TypeSerializerSnapshot<Decoded> restored = written(current);

    assertThat(current.resolveSchemaCompatibility(restored).isCompatibleAsIs()).isTrue();
    assertThat(restored.restoreSerializer()).isEqualTo(new DecodedSerializer());

    DataOutputSerializer out = new DataOutputSerializer(64);
    out.writeUTF(DecodedSerializer.Snapshot.class.getName());
    out.writeInt(TrailFormat.VERSION + 1);
    TypeSerializerSnapshot<Decoded> newer =
        TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(out.getCopyOfBuffer()), LOADER);
    TypeSerializerSchemaCompatibility<Decoded> fromNewer =
        current.resolveSchemaCompatibility(newer);
    assertThat(fromNewer.isIncompatible()).isTrue();

    @SuppressWarnings({"unchecked", "rawtypes"})
    TypeSerializerSnapshot<Decoded> other =
        (TypeSerializerSnapshot) new AttributedSerializer().snapshotConfiguration();
    assertThat(current.resolveSchemaCompatibility(other).isIncompatible()).isTrue();
  }
}
