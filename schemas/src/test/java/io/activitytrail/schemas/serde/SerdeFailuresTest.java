package io.activitytrail.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The serde's framing, settings and failures")
class SerdeFailuresTest {

  @Test
  @DisplayName("frames as magic byte 0, big-endian schema id, then the Avro bytes")
  void framesConfluentWireFormat() {
    byte[] framed = WireFormat.frame(0x01020304, new byte[] {42, 43});

    assertThat(framed).containsExactly(0, 1, 2, 3, 4, 42, 43);
    assertThat(WireFormat.schemaId(framed)).isEqualTo(0x01020304);
  }

  @Test
  @DisplayName("rejects a message whose magic byte is not 0")
  void rejectsWrongMagicByte() {
    assertThatThrownBy(
            () ->
                new ActivityEventDeserializer(null).deserialize("t", new byte[] {'{', 0, 0, 0, 1}))
        .isInstanceOf(SerializationException.class)
        .hasMessage("not in the Confluent wire format: magic byte is 123, expected 0");
  }

  @Test
  @DisplayName("rejects a message shorter than the header")
  void rejectsShortMessage() {
    assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {0, 0, 1}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("3 bytes, shorter than the 5-byte header");
  }

  @Test
  @DisplayName("requires registry.url, saying what it should look like")
  void requiresRegistryUrl() {
    assertThatThrownBy(
            () ->
                new ActivityEventSerializer()
                    .configure(Map.of("bootstrap.servers", "x:9092"), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("registry.url is required")
        .hasMessageContaining("/apis/ccompat/v7");
  }

  @Test
  @DisplayName("reads registry.url without a trailing slash and registry.timeout.ms as a duration")
  void readsSettings() {
    RegistryConfig config =
        RegistryConfig.from(
            Map.of(
                "registry.url",
                "http://127.0.0.1:18081/apis/ccompat/v7/",
                "registry.timeout.ms",
                "2500"));

    assertThat(config.url()).hasToString("http://127.0.0.1:18081/apis/ccompat/v7");
    assertThat(config.timeout()).isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  @DisplayName(
      "rejects a registry.url that is not http(s) and a timeout that is not a positive number")
  void rejectsBadSettings() {
    assertThatThrownBy(() -> RegistryConfig.from(Map.of("registry.url", "ftp://127.0.0.1:18081")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("must be an http or https URL");
    assertThatThrownBy(
            () ->
                RegistryConfig.from(
                    Map.of("registry.url", "http://localhost:1", "registry.timeout.ms", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("registry.timeout.ms")
        .hasMessageContaining("must be positive");
  }

  @Test
  @DisplayName("names the registry when it cannot be reached")
  void namesUnreachableRegistry() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    ActivityEventSerializer serializer = new ActivityEventSerializer();
    serializer.configure(Map.of("registry.url", "http://127.0.0.1:" + closedPort), false);

    assertThatThrownBy(
            () -> serializer.serialize("trail.activities", SampleEvents.ticketStatusChanged()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("cannot register a schema under subject trail.activities-value")
        .hasMessageContaining("registry http://127.0.0.1:" + closedPort + " unreachable");
  }

  @Test
  @DisplayName("passes null through, as Kafka expects for tombstones")
  void passesNullThrough() {
    assertThat(new ActivityEventSerializer(null, false).serialize("t", null)).isNull();
    assertThat(new ActivityEventDeserializer(null).deserialize("t", null)).isNull();
  }
}
