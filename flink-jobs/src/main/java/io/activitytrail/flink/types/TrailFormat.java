package io.activitytrail.flink.types;

/**
 * The version of the binary format the job's serializers write, on the wire between operators and
 * in checkpoints and savepoints: one number for every type of this package, so a change to any
 * nested value (a {@code RowChange} field) is one bump, seen by every serializer that embeds it.
 *
 * <p>To change a type: bump {@link #VERSION}, make its codec read both the old and the new layout
 * (each read method gets the version it reads), keep {@link #OLDEST_READABLE} at the oldest layout
 * still read, and add a savepoint of the new release (docs/normalizer.md). A restored serializer
 * snapshot of an older readable version is "compatible after migration": Flink reads the state with
 * the old layout and writes it with the new.
 */
public final class TrailFormat {
  public static final int VERSION = 1;
  public static final int OLDEST_READABLE = 1;

  private TrailFormat() {}

  public static boolean readable(int version) {
    return version >= OLDEST_READABLE && version <= VERSION;
  }
}
