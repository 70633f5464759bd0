package io.activitytrail.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The topics trail up makes for the mapped tables")
class MappedTableTopicsTest {

  @Test
  @DisplayName(
      "one per table of the bundled mapping, empty tables included (their first row must not wait"
          + " for the source's next discovery)")
  void everyMappedTable(@TempDir Path home) {
    StackConfig config = new StackConfig(home, home, StackPorts.defaults());

    assertThat(LocalStack.mappedTableTopics(config, "helpdesk"))
        .contains(
            "helpdesk.helpdesk.tickets",
            "helpdesk.helpdesk.users",
            "helpdesk.helpdesk.notification_preferences",
            "helpdesk.helpdesk.record_followers",
            "helpdesk.helpdesk.alert_rules")
        .isSorted()
        .doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("the mapping named in conf/engine.properties, and its errors, are the job's")
  void theUsersMapping(@TempDir Path home) throws Exception {
    StackConfig config = new StackConfig(home, home, StackPorts.defaults());
    Files.createDirectories(config.confDir());
    Files.writeString(config.engineOptionsFile(), "mapping.file=" + home.resolve("none.yaml"));

    assertThatThrownBy(() -> LocalStack.mappedTableTopics(config, "helpdesk"))
        .hasMessageContaining("none.yaml");
  }
}
