package io.activitytrail.ingest.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.ingest.simulate.HelpdeskState.Person;
import io.activitytrail.ingest.simulate.NotificationSettings.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Simulated notification settings")
class NotificationSettingsTest {
  private static final Person OWNER = new Person(1, "Ada Park", "ada.park@acme.test", "owner");
  private static final Person ADMIN = new Person(2, "Ben Novak", "ben.novak@acme.test", "admin");
  private static final Person AGENT =
      new Person(3, "Chloe Rossi", "chloe.rossi@acme.test", "agent");
  private static final Person AGENT_2 =
      new Person(4, "Dana Silva", "dana.silva@acme.test", "agent");
  private static final Person LIGHT =
      new Person(5, "Eli Tanaka", "eli.tanaka@acme.test", "light_agent");

  @Test
  @DisplayName(
      "a new team starts with: the admin watching every type of the workspace in the app only, the"
          + " first agent without comment emails, the light agent following closely by email")
  void seededRows() {
    assertThat(NotificationSettings.seeded(List.of(OWNER, ADMIN, AGENT, AGENT_2, LIGHT)))
        .containsExactly(
            new Row(2, "*", "workspace", true, false),
            new Row(3, "comment_added", "assigned", true, false),
            new Row(3, "comment_added", "following", true, false),
            new Row(5, "*", "following", true, true));
  }

  @Test
  @DisplayName("a team without a role's member simply has no row for it")
  void seededRowsSkipMissingRoles() {
    assertThat(NotificationSettings.seeded(List.of(OWNER, AGENT_2)))
        .containsExactly(
            new Row(4, "comment_added", "assigned", true, false),
            new Row(4, "comment_added", "following", true, false));
    assertThat(NotificationSettings.seeded(List.of(OWNER))).isEmpty();
  }

  @Test
  @DisplayName(
      "a change is the user's own row, with a type the schema accepts, a known scope, and never"
          + " 'nothing at all' for the whole workspace")
  void changesAreValidRows() {
    SplittableRandom random = new SplittableRandom(5);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      rows.add(NotificationSettings.change(AGENT, random));
    }
    assertThat(rows).allSatisfy(r -> assertThat(r.userId()).isEqualTo(AGENT.id()));
    // The CHECK constraint of helpdesk.notification_preferences (V4__notifications.sql).
    assertThat(rows)
        .allSatisfy(r -> assertThat(r.activityType()).matches("\\*|[a-z][a-z0-9_]{0,62}"));
    assertThat(rows).extracting(Row::scope).containsOnly("assigned", "following", "workspace");
    assertThat(rows)
        .filteredOn(r -> r.scope().equals("workspace"))
        .allSatisfy(r -> assertThat(r.inApp() || r.email()).isTrue());
    assertThat(rows).extracting(Row::activityType).containsAll(NotificationSettings.TYPES);
    // Email is switched off more often than on.
    assertThat(rows.stream().filter(Row::email).count()).isLessThan(rows.size() / 2);
  }

  @Test
  @DisplayName("the same seed makes the same change")
  void deterministic() {
    assertThat(NotificationSettings.change(ADMIN, new SplittableRandom(42)))
        .isEqualTo(NotificationSettings.change(ADMIN, new SplittableRandom(42)));
  }
}
