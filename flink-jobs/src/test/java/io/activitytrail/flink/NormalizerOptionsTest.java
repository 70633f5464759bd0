package io.activitytrail.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NormalizerOptionsTest {

  @Test
  @DisplayName("unknown keys are rejected with a message listing the valid ones")
  void unknownKey() {
    assertThatThrownBy(
            () -> NormalizerOptions.fromMap(Map.of("kafka.bootstrap-server", "localhost:9092")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown option(s) [kafka.bootstrap-server]")
        .hasMessageContaining("kafka.bootstrap-servers")
        .hasMessageContaining("attribution.max-wait");
  }

  @Test
  @DisplayName("typed values are parsed, defaults apply, and a badly typed value names its option")
  void typed() {
    Configuration options =
        NormalizerOptions.fromMap(
            Map.of("kafka.bootstrap-servers", "127.0.0.1:19092", "attribution.max-wait", "5 s"));

    assertThat(options.get(NormalizerOptions.ATTRIBUTION_MAX_WAIT))
        .isEqualTo(Duration.ofSeconds(5));
    assertThat(options.get(NormalizerOptions.CDC_TOPIC_PREFIX)).isEqualTo("helpdesk");
    assertThat(options.get(NormalizerOptions.DEAD_LETTER_TOPIC)).isEqualTo("trail.dead-letters");
    assertThat(options.get(NormalizerOptions.CLICKHOUSE_DATABASE)).isEqualTo("trail");
    assertThat(options.get(NormalizerOptions.SINK_RETRY_MAX_ATTEMPTS)).isEqualTo(5);
    assertThat(options.get(NormalizerOptions.SINK_RETRY_MAX_BACKOFF))
        .isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(() -> NormalizerOptions.fromMap(Map.of("sink.batch-size", "many")))
        .hasMessageStartingWith("option sink.batch-size");
  }

  @Test
  @DisplayName("a missing required option names it and says what it is for")
  void required() {
    assertThatThrownBy(
            () ->
                NormalizerOptions.required(
                    new Configuration(), NormalizerOptions.KAFKA_BOOTSTRAP_SERVERS))
        .hasMessage(
            "missing required option kafka.bootstrap-servers: Kafka brokers holding the Debezium"
                + " topics (required).");
  }

  @Test
  @DisplayName("main takes --key value pairs or a single properties file")
  void args(@TempDir Path dir) throws Exception {
    assertThat(
            NormalizerJob.parseArgs(
                new String[] {"--cdc.topic-prefix", "shop", "--sink.batch-size", "5"}))
        .containsExactly(Map.entry("cdc.topic-prefix", "shop"), Map.entry("sink.batch-size", "5"));
    Path file = dir.resolve("job.properties");
    Files.writeString(file, "kafka.bootstrap-servers=127.0.0.1:19092\n");
    assertThat(NormalizerJob.parseArgs(new String[] {file.toString()}))
        .containsExactly(Map.entry("kafka.bootstrap-servers", "127.0.0.1:19092"));
    assertThatThrownBy(() -> NormalizerJob.parseArgs(new String[] {"--cdc.topic-prefix"}))
        .hasMessageContaining("expected --key value pairs");
  }
}
