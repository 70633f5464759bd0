package io.activitytrail.flink.types;

import static io.activitytrail.flink.types.Wire.*;

import io.activitytrail.alerts.GroupState;
import io.activitytrail.alerts.Hit;
import io.activitytrail.alerts.OpenAlert;
import io.activitytrail.flink.attribution.Attributed;
import io.activitytrail.flink.attribution.Emitted;
import io.activitytrail.flink.attribution.TransactionBatch;
import io.activitytrail.flink.deadletter.DeadLetter;
import io.activitytrail.flink.decode.AppEvent;
import io.activitytrail.flink.decode.ColumnValue;
import io.activitytrail.flink.decode.ContextMessage;
import io.activitytrail.flink.decode.Decoded;
import io.activitytrail.flink.decode.ForeignMessage;
import io.activitytrail.flink.decode.Op;
import io.activitytrail.flink.decode.RowChange;
import io.activitytrail.flink.decode.SourceRef;
import io.activitytrail.flink.decode.TransactionBoundary;
import io.activitytrail.flink.ordering.CommitOrderState.Place;
import io.activitytrail.flink.source.RawRecord;
import io.activitytrail.integrity.Checkpoint;
import io.activitytrail.integrity.Frontier;
import io.activitytrail.integrity.LeafEntry;
import io.activitytrail.integrity.Verifier.SignedInterval;
import io.activitytrail.integrity.WorkspaceLog;
import io.activitytrail.schemas.context.ActorContext;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary layout of every value the job shuffles or keeps in state, format {@link
 * TrailFormat#VERSION}. Fields are written in a fixed order by their accessors; enums as fixed
 * codes (never ordinals, so reordering constants changes nothing); nullable values behind a
 * presence flag. Each read method takes the format version it reads, for the day a layout changes.
 */
public final class Codecs {
  private Codecs() {}

  // --- Decoded: a tag, then the variant ------------------------------------------------------

  private static final byte ROW_CHANGE = 1;
  private static final byte TRANSACTION_BOUNDARY = 2;
  private static final byte CONTEXT_MESSAGE = 3;
  private static final byte APP_EVENT = 4;
  private static final byte FOREIGN_MESSAGE = 5;

  public static void writeDecoded(DataOutput out, Decoded event) throws IOException {
    if (event instanceof RowChange change) {
      out.writeByte(ROW_CHANGE);
      writeRowChange(out, change);
    } else if (event instanceof TransactionBoundary boundary) {
      out.writeByte(TRANSACTION_BOUNDARY);
      writeBoundary(out, boundary);
    } else if (event instanceof ContextMessage message) {
      out.writeByte(CONTEXT_MESSAGE);
      writeString(out, message.transactionId());
      writeContext(out, message.context());
      writeSource(out, message.source());
    } else if (event instanceof AppEvent app) {
      out.writeByte(APP_EVENT);
      writeString(out, app.connector());
      writeString(out, app.transactionId());
      writeStrings(out, app.fields());
      out.writeLong(app.commitTimeMillis());
      writeLong(out, app.lsn());
      writeString(out, app.contentHash());
      writeLong(out, app.txOrder());
      writeSource(out, app.source());
    } else if (event instanceof ForeignMessage foreign) {
      out.writeByte(FOREIGN_MESSAGE);
      writeString(out, foreign.transactionId());
      writeString(out, foreign.prefix());
      writeSource(out, foreign.source());
    } else {
      throw new IOException("no layout for " + event);
    }
  }

  public static Decoded readDecoded(DataInput in, int version) throws IOException {
    byte tag = in.readByte();
    return switch (tag) {
      case ROW_CHANGE -> readRowChange(in, version);
      case TRANSACTION_BOUNDARY -> readBoundary(in, version);
      case CONTEXT_MESSAGE ->
          new ContextMessage(readString(in), readContext(in, version), readSource(in, version));
      case APP_EVENT ->
          new AppEvent(
              readString(in),
              readString(in),
              readStrings(in),
              in.readLong(),
              Wire.readLong(in),
              readString(in),
              Wire.readLong(in),
              readSource(in, version));
      case FOREIGN_MESSAGE ->
          new ForeignMessage(readString(in), readString(in), readSource(in, version));
      default -> throw new IOException("unknown decoded event tag " + tag);
    };
  }

  public static void writeBoundary(DataOutput out, TransactionBoundary boundary)
      throws IOException {
    writeString(out, boundary.transactionId());
    out.writeByte(boundary.status() == TransactionBoundary.Status.BEGIN ? 1 : 2);
    writeLong(out, boundary.eventCount());
    out.writeLong(boundary.tsMillis());
    writeLong(out, boundary.lsn());
    writeSource(out, boundary.source());
  }

  public static TransactionBoundary readBoundary(DataInput in, int version) throws IOException {
    return new TransactionBoundary(
        readString(in),
        in.readByte() == 1 ? TransactionBoundary.Status.BEGIN : TransactionBoundary.Status.END,
        Wire.readLong(in),
        in.readLong(),
        Wire.readLong(in),
        readSource(in, version));
  }

  static void writeRowChange(DataOutput out, RowChange change) throws IOException {
    writeString(out, change.connector());
    writeString(out, change.schema());
    writeString(out, change.table());
    out.writeByte(opCode(change.op()));
    writeColumns(out, change.before());
    writeColumns(out, change.after());
    out.writeLong(change.commitTimeMillis());
    writeLong(out, change.lsn());
    writeString(out, change.transactionId());
    writeLong(out, change.txOrder());
    writeString(out, change.dbUser());
    writeSource(out, change.source());
  }

  static RowChange readRowChange(DataInput in, int version) throws IOException {
    return new RowChange(
        readString(in),
        readString(in),
        readString(in),
        op(in.readByte()),
        readColumns(in),
        readColumns(in),
        in.readLong(),
        Wire.readLong(in),
        readString(in),
        Wire.readLong(in),
        readString(in),
        readSource(in, version));
  }

  private static byte opCode(Op op) {
    return switch (op) {
      case CREATE -> 1;
      case UPDATE -> 2;
      case DELETE -> 3;
      case READ -> 4;
    };
  }

  private static Op op(byte code) throws IOException {
    return switch (code) {
      case 1 -> Op.CREATE;
      case 2 -> Op.UPDATE;
      case 3 -> Op.DELETE;
      case 4 -> Op.READ;
      default -> throw new IOException("unknown op code " + code);
    };
  }

  private static void writeColumns(DataOutput out, Map<String, ColumnValue> row)
      throws IOException {
    out.writeInt(row.size());
    for (Map.Entry<String, ColumnValue> column : row.entrySet()) {
      writeString(out, column.getKey());
      out.writeByte(kindCode(column.getValue().kind()));
      writeString(out, column.getValue().text());
    }
  }

  private static LinkedHashMap<String, ColumnValue> readColumns(DataInput in) throws IOException {
    int size = in.readInt();
    LinkedHashMap<String, ColumnValue> row = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      String name = readString(in);
      ColumnValue.Kind kind = kind(in.readByte());
      String text = readString(in);
      row.put(
          name,
          switch (kind) {
            case NULL -> ColumnValue.NULL;
            case UNAVAILABLE -> ColumnValue.UNAVAILABLE;
            default -> ColumnValue.of(kind, text);
          });
    }
    return row;
  }

  private static byte kindCode(ColumnValue.Kind kind) {
    return switch (kind) {
      case NULL -> 0;
      case TEXT -> 1;
      case NUMBER -> 2;
      case BOOLEAN -> 3;
      case TIMESTAMP -> 4;
      case DATE -> 5;
      case TIME -> 6;
      case JSON -> 7;
      case BINARY -> 8;
      case UNAVAILABLE -> 9;
    };
  }

  private static ColumnValue.Kind kind(byte code) throws IOException {
    return switch (code) {
      case 0 -> ColumnValue.Kind.NULL;
      case 1 -> ColumnValue.Kind.TEXT;
      case 2 -> ColumnValue.Kind.NUMBER;
      case 3 -> ColumnValue.Kind.BOOLEAN;
      case 4 -> ColumnValue.Kind.TIMESTAMP;
      case 5 -> ColumnValue.Kind.DATE;
      case 6 -> ColumnValue.Kind.TIME;
      case 7 -> ColumnValue.Kind.JSON;
      case 8 -> ColumnValue.Kind.BINARY;
      case 9 -> ColumnValue.Kind.UNAVAILABLE;
      default -> throw new IOException("unknown column value kind code " + code);
    };
  }

  private static void writeSource(DataOutput out, SourceRef source) throws IOException {
    writeString(out, source.topic());
    out.writeInt(source.partition());
    out.writeLong(source.offset());
  }

  private static SourceRef readSource(DataInput in, int version) throws IOException {
    return new SourceRef(readString(in), in.readInt(), in.readLong());
  }

  // --- Actor context: by its accessors only (the type moves to module schemas) ----------------

  /** A nullable context. */
  public static void writeContext(DataOutput out, ActorContext context) throws IOException {
    out.writeBoolean(context != null);
    if (context == null) {
      return;
    }
    writeString(out, context.actorType());
    writeString(out, context.actorId());
    writeString(out, context.actorName());
    writeString(out, context.ip());
    writeString(out, context.userAgent());
    writeString(out, context.requestId());
    writeString(out, context.channel());
    writeString(out, context.ruleId());
    writeString(out, context.onBehalfOf());
    writeString(out, context.impersonatorId());
    writeStrings(out, context.extra());
  }

  public static ActorContext readContext(DataInput in, int version) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    return new ActorContext(
        readString(in),
        readString(in),
        readString(in),
        readString(in),
        readString(in),
        readString(in),
        readString(in),
        readString(in),
        readString(in),
        readString(in),
        readStrings(in));
  }

  // --- What the join, the sequencer and the normalizer pass on --------------------------------

  public static void writeAttributed(DataOutput out, Attributed attributed) throws IOException {
    writeDecoded(out, attributed.event());
    writeContext(out, attributed.context());
  }

  public static Attributed readAttributed(DataInput in, int version) throws IOException {
    return new Attributed(readDecoded(in, version), readContext(in, version));
  }

  public static void writeBatch(DataOutput out, TransactionBatch batch) throws IOException {
    writeString(out, batch.transactionId());
    out.writeByte(outcomeCode(batch.outcome()));
    writeContext(out, batch.context());
    out.writeInt(batch.events().size());
    for (Decoded event : batch.events()) {
      writeDecoded(out, event);
    }
    writeLong(out, batch.endLsn());
  }

  public static TransactionBatch readBatch(DataInput in, int version) throws IOException {
    String transactionId = readString(in);
    TransactionBatch.Outcome outcome = outcome(in.readByte());
    ActorContext context = readContext(in, version);
    int size = in.readInt();
    List<Decoded> events = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      events.add(readDecoded(in, version));
    }
    return new TransactionBatch(transactionId, outcome, context, events, Wire.readLong(in));
  }

  private static byte outcomeCode(TransactionBatch.Outcome outcome) {
    return switch (outcome) {
      case COMPLETE -> 1;
      case TIMED_OUT -> 2;
      case NO_END -> 3;
      case LATE -> 4;
      case ANSWERED -> 5;
    };
  }

  private static TransactionBatch.Outcome outcome(byte code) throws IOException {
    return switch (code) {
      case 1 -> TransactionBatch.Outcome.COMPLETE;
      case 2 -> TransactionBatch.Outcome.TIMED_OUT;
      case 3 -> TransactionBatch.Outcome.NO_END;
      case 4 -> TransactionBatch.Outcome.LATE;
      case 5 -> TransactionBatch.Outcome.ANSWERED;
      default -> throw new IOException("unknown batch outcome code " + code);
    };
  }

  public static void writeEmitted(DataOutput out, Emitted emitted) throws IOException {
    writeContext(out, emitted.context());
    out.writeBoolean(emitted.endSeen());
  }

  public static Emitted readEmitted(DataInput in, int version) throws IOException {
    return new Emitted(readContext(in, version), in.readBoolean());
  }

  /** An alert rule's memory of one group: its hits and the alert that suppresses, if any. */
  public static void writeGroupState(DataOutput out, GroupState state) throws IOException {
    out.writeInt(state.hits().size());
    for (Hit hit : state.hits()) {
      out.writeLong(hit.at().toEpochMilli());
      writeString(out, hit.eventId());
      writeString(out, hit.distinctValue());
      writeString(out, hit.summary());
    }
    OpenAlert open = state.open();
    out.writeBoolean(open != null);
    if (open != null) {
      writeString(out, open.alertId());
      out.writeLong(open.firedAt().toEpochMilli());
      out.writeLong(open.suppressUntil().toEpochMilli());
      out.writeInt(open.absorbed());
    }
  }

  public static GroupState readGroupState(DataInput in, int version) throws IOException {
    int size = in.readInt();
    List<Hit> hits = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      hits.add(
          new Hit(
              Instant.ofEpochMilli(in.readLong()), readString(in), readString(in), readString(in)));
    }
    OpenAlert open =
        in.readBoolean()
            ? new OpenAlert(
                readString(in),
                Instant.ofEpochMilli(in.readLong()),
                Instant.ofEpochMilli(in.readLong()),
                in.readInt())
            : null;
    return new GroupState(hits, open);
  }

  /** A workspace's tamper-evidence state: the tree's frontier and the last checkpoint. */
  public static void writeWorkspaceLog(DataOutput out, WorkspaceLog log) throws IOException {
    writeString(out, log.workspaceId());
    out.writeLong(log.frontier().size());
    for (byte[] subtree : log.frontier().subtrees()) {
      writeBytes(out, subtree);
    }
    out.writeLong(log.lastNumber());
    writeBytes(out, log.lastHash());
    writeLong(out, log.lastOccurredAt() == null ? null : log.lastOccurredAt().toEpochMilli());
  }

  public static WorkspaceLog readWorkspaceLog(DataInput in, int version) throws IOException {
    String workspace = readString(in);
    long size = in.readLong();
    List<byte[]> subtrees = new ArrayList<>();
    for (int i = 0; i < Long.bitCount(size); i++) {
      subtrees.add(readBytes(in));
    }
    long number = in.readLong();
    byte[] hash = readBytes(in);
    Long last = readLong(in);
    return new WorkspaceLog(
        workspace,
        new Frontier(size, subtrees),
        number,
        hash,
        last == null ? null : Instant.ofEpochMilli(last));
  }

  public static void writeLeafEntry(DataOutput out, LeafEntry entry) throws IOException {
    out.writeLong(entry.seq());
    writeString(out, entry.eventId());
    writeBytes(out, entry.leaf());
    writeLong(out, entry.expiresAt() == null ? null : entry.expiresAt().toEpochMilli());
  }

  public static LeafEntry readLeafEntry(DataInput in, int version) throws IOException {
    long seq = in.readLong();
    String eventId = readString(in);
    byte[] leaf = readBytes(in);
    Long expires = readLong(in);
    return new LeafEntry(
        seq, eventId, leaf, expires == null ? null : Instant.ofEpochMilli(expires));
  }

  /** A signed checkpoint with its entries (published, or prepared and waiting to be). */
  public static void writeSignedInterval(DataOutput out, SignedInterval interval)
      throws IOException {
    Checkpoint c = interval.checkpoint();
    writeString(out, c.workspaceId());
    out.writeLong(c.number());
    out.writeLong(c.treeSize());
    writeBytes(out, c.root());
    writeBytes(out, c.previous());
    writeLong(out, c.lastOccurredAt() == null ? null : c.lastOccurredAt().toEpochMilli());
    out.writeLong(c.issuedAt().toEpochMilli());
    writeString(out, c.keyId());
    writeBytes(out, c.signature());
    out.writeInt(interval.entries().size());
    for (LeafEntry entry : interval.entries()) {
      writeLeafEntry(out, entry);
    }
  }

  public static SignedInterval readSignedInterval(DataInput in, int version) throws IOException {
    String workspace = readString(in);
    long number = in.readLong();
    long size = in.readLong();
    byte[] root = readBytes(in);
    byte[] previous = readBytes(in);
    Long last = readLong(in);
    Instant issued = Instant.ofEpochMilli(in.readLong());
    String keyId = readString(in);
    byte[] signature = readBytes(in);
    int n = in.readInt();
    List<LeafEntry> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      entries.add(readLeafEntry(in, version));
    }
    return new SignedInterval(
        new Checkpoint(
            workspace,
            number,
            size,
            root,
            previous,
            last == null ? null : Instant.ofEpochMilli(last),
            issued,
            keyId,
            signature),
        entries);
  }

  public static void writePlace(DataOutput out, Place place) throws IOException {
    writeString(out, place.transactionId());
    out.writeLong(place.giveUpAt());
  }

  public static Place readPlace(DataInput in, int version) throws IOException {
    return new Place(readString(in), in.readLong());
  }

  // --- Records at the job's edges --------------------------------------------------------------

  public static void writeRawRecord(DataOutput out, RawRecord record) throws IOException {
    writeString(out, record.topic());
    out.writeInt(record.partition());
    out.writeLong(record.offset());
    out.writeLong(record.timestamp());
    writeBytes(out, record.key());
    writeBytes(out, record.value());
    writeByteArrays(out, record.headers() == null ? Map.of() : record.headers());
  }

  public static RawRecord readRawRecord(DataInput in, int version) throws IOException {
    return new RawRecord(
        readString(in),
        in.readInt(),
        in.readLong(),
        in.readLong(),
        readBytes(in),
        readBytes(in),
        readByteArrays(in));
  }

  public static void writeDeadLetter(DataOutput out, DeadLetter letter) throws IOException {
    writeString(out, letter.stage().name());
    writeString(out, letter.topic());
    out.writeInt(letter.partition());
    out.writeLong(letter.offset());
    Wire.writeLong(out, letter.timestamp());
    writeBytes(out, letter.key());
    writeBytes(out, letter.value());
    writeByteArrays(out, letter.headers());
    writeString(out, letter.errorClass());
    writeString(out, letter.errorMessage());
    Wire.writeLong(out, letter.errorCode() == null ? null : (long) letter.errorCode());
    out.writeLong(letter.failedAt());
  }

  public static DeadLetter readDeadLetter(DataInput in, int version) throws IOException {
    DeadLetter.Stage stage = DeadLetter.Stage.valueOf(readString(in));
    String topic = readString(in);
    int partition = in.readInt();
    long offset = in.readLong();
    Long timestamp = Wire.readLong(in);
    byte[] key = readBytes(in);
    byte[] value = readBytes(in);
    LinkedHashMap<String, byte[]> headers = readByteArrays(in);
    String errorClass = readString(in);
    String errorMessage = readString(in);
    Long code = Wire.readLong(in);
    return new DeadLetter(
        stage,
        topic,
        partition,
        offset,
        timestamp,
        key,
        value,
        headers,
        errorClass,
        errorMessage,
        code == null ? null : code.intValue(),
        in.readLong());
  }
}
