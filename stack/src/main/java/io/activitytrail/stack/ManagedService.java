package io.activitytrail.stack;

import java.util.List;
import java.util.Map;

/** One process of the local stack: how to prepare it once, run it, and know it is ready. */
interface ManagedService {

  ServiceId id();

  /** The loopback ports the process binds, each with a label for error messages. */
  Map<Integer, String> ports();

  /** One-time or idempotent set-up that runs in the foreground before the process starts. */
  void prepare(Deadline deadline) throws Exception;

  List<String> command();

  default Map<String, String> environment() {
    return Map.of();
  }

  /** True once the process answers; called repeatedly until the deadline. */
  boolean isReady() throws Exception;

  /** Work that needs the process up (schema, topics, connector); must be idempotent. */
  default void afterReady(Deadline deadline) throws Exception {}

  /** The signal that makes the process shut down cleanly and quickly. */
  default String stopSignal() {
    return "TERM";
  }
}
