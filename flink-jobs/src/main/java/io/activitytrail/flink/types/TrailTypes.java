package io.activitytrail.flink.types;

import io.activitytrail.flink.attribution.Attributed;
import io.activitytrail.flink.attribution.TransactionBatch;
import io.activitytrail.flink.deadletter.DeadLetter;
import io.activitytrail.flink.decode.Decoded;
import io.activitytrail.flink.decode.TransactionBoundary;
import io.activitytrail.flink.source.RawRecord;
import io.activitytrail.integrity.Verifier.SignedInterval;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * The type information of every value the job shuffles between operators, each with an explicit,
 * versioned serializer ({@link TrailFormat}). {@code TypeInformation.of(Decoded.class)} would be a
 * generic type serialized by Kryo: a restore after a field change could fail or misread silently,
 * and the job runs with {@code pipeline.generic-types=false} so that any such fallback fails at
 * once instead.
 */
public final class TrailTypes {
  public static final TypeInformation<RawRecord> RAW_RECORD =
      new TrailTypeInfo<>(RawRecord.class, RawRecordSerializer::new);
  public static final TypeInformation<Decoded> DECODED =
      new TrailTypeInfo<>(Decoded.class, DecodedSerializer::new);
  public static final TypeInformation<TransactionBoundary> TRANSACTION_BOUNDARY =
      new TrailTypeInfo<>(TransactionBoundary.class, TransactionBoundarySerializer::new);
  public static final TypeInformation<TransactionBatch> TRANSACTION_BATCH =
      new TrailTypeInfo<>(TransactionBatch.class, TransactionBatchSerializer::new);
  public static final TypeInformation<Attributed> ATTRIBUTED =
      new TrailTypeInfo<>(Attributed.class, AttributedSerializer::new);
  public static final TypeInformation<DeadLetter> DEAD_LETTER =
      new TrailTypeInfo<>(DeadLetter.class, DeadLetterRecordSerializer::new);

  public static final TypeInformation<SignedInterval> SIGNED_INTERVAL =
      new TrailTypeInfo<>(SignedInterval.class, SignedIntervalSerializer::new);

  private TrailTypes() {}
}
