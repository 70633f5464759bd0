package io.activitytrail.stack;

import java.time.Duration;

/** A point in time shared by all the waits of one {@code up}. */
public record Deadline(long nanos, Duration total) {

  public static Deadline after(Duration timeout) {
    return new Deadline(System.nanoTime() + timeout.toNanos(), timeout);
  }

  public boolean expired() {
    return System.nanoTime() - nanos >= 0;
  }

  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, nanos - System.nanoTime()));
  }

  /** Polls until the probe succeeds; the probe's last error explains a timeout. */
  public void await(String what, Probe probe) throws InterruptedException {
    Exception last = null;
    while (!expired()) {
      try {
        if (probe.ready()) {
          return;
        }
        last = null;
      } catch (InterruptedException | StackException e) {
        // A StackException is a verdict (e.g. a FAILED connector), not a "not yet".
        throw e;
      } catch (Exception e) {
        last = e;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "not ready after "
            + total.toSeconds()
            + " s: "
            + what
            + (last == null ? "" : " (last error: " + last.getMessage() + ")"),
        last);
  }

  /** A readiness check; throwing counts as "not yet", except a {@link StackException}. */
  @FunctionalInterface
  public interface Probe {
    boolean ready() throws Exception;
  }
}
