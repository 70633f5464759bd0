package io.activitytrail.ingest.simulate;

/**
 * @param workspaces how many workspaces the simulated helpdesk serves (1 to {@value
 *     Texts#MAX_WORKSPACES})
 * @param seed the same seed on the same starting database yields the same rows and messages
 */
public record SimulatorOptions(int workspaces, long seed) {
  public SimulatorOptions {
    if (workspaces < 1 || workspaces > Texts.MAX_WORKSPACES) {
      throw new IllegalArgumentException(
          "workspaces must be between 1 and " + Texts.MAX_WORKSPACES + ", got " + workspaces);
    }
  }

  public static SimulatorOptions defaults() {
    return new SimulatorOptions(3, 20_240_601L);
  }
}
