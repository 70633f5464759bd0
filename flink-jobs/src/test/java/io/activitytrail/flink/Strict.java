package io.activitytrail.flink;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;

/**
 * Flink set-ups for tests with generic types disabled, as the job runs: any Kryo fallback in a
 * shuffled or stored type fails the test loudly.
 */
public final class Strict {
  private Strict() {}

  /** The test environment (a MiniCluster's, under the MiniCluster extension), Kryo off. */
  public static StreamExecutionEnvironment environment() {
    return environment(new Configuration());
  }

  /** The test environment with {@code configuration} and Kryo off. */
  public static StreamExecutionEnvironment environment(Configuration configuration) {
    Configuration strict = new Configuration(configuration);
    strict.set(PipelineOptions.GENERIC_TYPES, false);
    return StreamExecutionEnvironment.getExecutionEnvironment(strict);
  }

  /** The harness, Kryo off: call before open(), which creates the operator's state. */
  public static <H extends AbstractStreamOperatorTestHarness<?>> H harness(H harness) {
    ((SerializerConfigImpl) harness.getExecutionConfig().getSerializerConfig())
        .setGenericTypes(false);
    return harness;
  }
}
