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
    return StreamExecutionEnvironment.getExecutionEnvironment(configuration());
  }

  public static Configuration configuration() {
    Configuration configuration = new Configuration();
    configuration.set(PipelineOptions.GENERIC_TYPES, false);
    return configuration;
  }

  /** The harness, Kryo off: call before open(), which creates the operator's state. */
  public static <H extends AbstractStreamOperatorTestHarness<?>> H harness(H harness) {
    ((SerializerConfigImpl) harness.getExecutionConfig().getSerializerConfig())
        .setGenericTypes(false);
    return harness;
  }
}
