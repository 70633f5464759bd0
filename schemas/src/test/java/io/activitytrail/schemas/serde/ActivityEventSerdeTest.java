package io.activitytrail.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.schemas.ContractSchemas;
import io.activitytrail.schemas.SchemaEdit;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The ActivityEvent serde against a real Apicurio Registry (Confluent-compatible API)")
class ActivityEventSerdeTest {

  private static final String TOPIC = "trail.activities";
  private static final Schema CONTRACT = ContractSchemas.current("ActivityEvent");

  private static ApicurioRegistry registry;
  private static ActivityEventSerializer serializer;
  private static ActivityEventDeserializer deserializer;

  @BeforeAll
  static void startRegistry() throws Exception {
    registry = ApicurioRegistry.start();
    Map<String, Object> config =
        Map.of(RegistryConfig.REGISTRY_URL, registry.ccompatUrl().toString());
    serializer = new ActivityEventSerializer();
    serializer.configure(config, false);
    deserializer = new ActivityEventDeserializer();
    deserializer.configure(config, false);
  }

  @AfterAll
  static void stopRegistry() throws Exception {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  @DisplayName(
      "writes magic byte 0 and a schema id that the registry resolves to the contract schema")
  void writesConfluentWireFormat() throws Exception {
    byte[] message = serializer.serialize(TOPIC, SampleEvents.ticketStatusChanged());

    assertThat(message[0]).isEqualTo((byte) 0);
    int id = ByteBuffer.wrap(message, 1, 4).getInt();
    String reply = get("/schemas/ids/" + id);
    Schema registered =
        new Schema.Parser().parse(new ObjectMapper().readTree(reply).get("schema").asText());
    assertThat(registered).isEqualTo(CONTRACT);
  }

  @Test
  @DisplayName("reads back an event equal to the one written")
  void roundTrips() {
    ActivityEvent event = SampleEvents.ticketStatusChanged();

    assertThat(deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, event)))
        .isEqualTo(event);
  }

  @Test
  @DisplayName("registers under the subject <topic>-value (TopicNameStrategy)")
  void usesTopicNameStrategy() throws Exception {
    serializer.serialize("trail.audit-events", SampleEvents.ticketStatusChanged());

    assertThat(get("/subjects")).contains("\"trail.audit-events-value\"");
  }

  @Test
  @DisplayName(
      "reads a record written with an older schema by that schema's id, filling the default")
  void resolvesOlderWriterSchema() throws Exception {
    Schema older = SchemaEdit.dropField(CONTRACT, "record_display");
    ActivityEvent event = SampleEvents.ticketStatusChanged();
    int olderId =
        new RegistryClient(
                RegistryConfig.from(
                    Map.of(RegistryConfig.REGISTRY_URL, registry.ccompatUrl().toString())))
            .register("legacy-value", older);
    byte[] message = WireFormat.frame(olderId, encodeAs(older, serializer.serialize(TOPIC, event)));

    ActivityEvent read = deserializer.deserialize("legacy", message);

    assertThat(read).isEqualTo(ActivityEvent.newBuilder(event).setRecordDisplay(null).build());
  }

  @Test
  @DisplayName("fails with the registry's answer when the schema id is unknown")
  void rejectsUnknownSchemaId() {
    byte[] message = WireFormat.frame(987654, new byte[] {2, 'x'});

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, message))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("fetch schema id 987654")
        .hasMessageContaining("HTTP 404");
  }

  /**
   * Re-encodes a framed current-schema message with {@code older}, as a producer on that version
   * would have.
   */
  private static byte[] encodeAs(Schema older, byte[] currentMessage) throws Exception {
    GenericRecord record =
        new GenericDatumReader<GenericRecord>(CONTRACT, older)
            .read(
                null,
                DecoderFactory.get()
                    .binaryDecoder(
                        currentMessage,
                        WireFormat.HEADER_LENGTH,
                        currentMessage.length - WireFormat.HEADER_LENGTH,
                        null));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(older).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static String get(String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(registry.ccompatUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return response.body();
  }
}
