package io.activitytrail.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.event.ActivityEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ActivityJsonWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @DisplayName("the streaming writer writes, line for line, the same JSON trees as toRow")
  void sameRowsAsTheRowMaps() throws IOException {
    ActivityEvent noPosition = TestEvents.ticketUpdated("e-np", "w", "1", 2, 0);
    noPosition.getSource().setLsn(null);
    noPosition.getSource().setTxOrder(null);
    noPosition.setRetentionDays(null);
    List<ActivityEvent> events =
        List.of(
            TestEvents.tricky("a", "w"),
            TestEvents.ticketUpdated("e-1", "w", "1", 1, 7),
            noPosition);

    String[] lines =
        new String(ActivityJsonWriter.write(events), java.nio.charset.StandardCharsets.UTF_8)
            .split("\n");

    List<JsonNode> expected = new ArrayList<>();
    for (ActivityEvent e : events) {
      // Through text, so numbers compare as parsed values rather than as Long vs Integer nodes.
      expected.add(JSON.readTree(JSON.writeValueAsString(ActivityRows.toRow(e))));
    }
    List<JsonNode> actual = new ArrayList<>();
    for (String line : lines) {
      actual.add(JSON.readTree(line));
    }
    assertThat(actual).containsExactlyElementsOf(expected);
  }
}
