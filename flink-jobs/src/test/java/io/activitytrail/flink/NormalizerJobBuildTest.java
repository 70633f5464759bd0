package io.activitytrail.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NormalizerJobBuildTest {

  @Test
  @DisplayName(
      "build wires the Kafka source, every stage and both sinks, each operator named, with checkpointing on")
  void wiring() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

    NormalizerJob.build(
        env,
        NormalizerOptions.fromMap(
            Map.of(
                "kafka.bootstrap-servers", "127.0.0.1:1",
                "clickhouse.mode", "server",
                "clickhouse.url", "http://127.0.0.1:1")));

    List<String> names =
        env.getStreamGraph(false).getStreamNodes().stream()
            .map(StreamNode::getOperatorName)
            .toList();
    assertThat(String.join(",", names))
        .contains(
            "cdc-topics",
            "decode",
            "in-transaction",
            "attribute",
            "commit-markers",
            "sequence",
            "outside-transaction",
            "without-context",
            "normalize",
            "activities",
            "dead-letters");
    assertThat(env.getCheckpointConfig().isCheckpointingEnabled()).isTrue();
  }

  @Test
  @DisplayName(
      "the sequencer is one subtask, fed by commit markers that stay on the subtasks that read them")
  void sequencerParallelism() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(3);

    NormalizerJob.build(
        env,
        NormalizerOptions.fromMap(
            Map.of(
                "kafka.bootstrap-servers", "127.0.0.1:1",
                "clickhouse.mode", "server",
                "clickhouse.url", "http://127.0.0.1:1")));

    Map<String, Integer> parallelism =
        env.getStreamGraph(false).getStreamNodes().stream()
            .collect(
                Collectors.toMap(
                    StreamNode::getOperatorName, StreamNode::getParallelism, (a, b) -> a));
    assertThat(parallelism.get("sequence")).isEqualTo(1);
    assertThat(parallelism.get("commit-markers")).isEqualTo(parallelism.get("decode"));
    assertThat(parallelism.get("decode")).isEqualTo(3);
  }

  @Test
  @DisplayName("build without Kafka brokers fails naming the option")
  void missingBootstrap() {
    assertThatThrownBy(
            () ->
                NormalizerJob.build(
                    StreamExecutionEnvironment.getExecutionEnvironment(),
                    NormalizerOptions.fromMap(Map.of())))
        .hasMessageContaining("kafka.bootstrap-servers");
  }

  @Test
  @DisplayName("embedded ClickHouse without its library path fails naming the option")
  void embeddedNeedsLibrary() {
    assertThatThrownBy(
            () ->
                NormalizerJob.build(
                    StreamExecutionEnvironment.getExecutionEnvironment(),
                    NormalizerOptions.fromMap(Map.of("kafka.bootstrap-servers", "127.0.0.1:1"))))
        .hasMessageContaining("clickhouse.embedded.library");
  }
}
