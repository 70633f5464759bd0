package io.activitytrail.ingest.simulate;

/** The database refused a simulated write; the operation was rolled back. */
public final class SimulationException extends RuntimeException {
  public SimulationException(String message, Throwable cause) {
    super(message, cause);
  }
}
