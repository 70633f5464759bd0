package io.activitytrail.ingest.simulate;

import static io.activitytrail.ingest.simulate.OperationKind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.ingest.schema.HelpdeskSchema;
import io.activitytrail.ingest.testing.DecodingSlot;
import io.activitytrail.ingest.testing.RealPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("HelpdeskSimulator on a real PostgreSQL")
class HelpdeskSimulatorTest {
  private static final int OPERATIONS = 400;
  private static final SimulatorOptions OPTIONS = new SimulatorOptions(3, 1234L);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String url;
  private static SimulationReport report;
  private static List<String> decoded;

  @BeforeAll
  static void simulate() throws SQLException {
    url = freshDatabase("sim");
    try (DecodingSlot slot = DecodingSlot.create(url)) {
      report =
          simulator(url, OPTIONS).run(OPERATIONS, Duration.ofMinutes(2), Double.POSITIVE_INFINITY);
      int events =
          report.count(LOGIN_SUCCEEDED)
              + failedLogins()
              + report.count(DATA_EXPORTED)
              + report.count(FILE_DOWNLOADED);
      // Non-transactional messages are decodable a moment after they are written: wait for the last
      // ones.
      decoded =
          slot.awaitUntil(
              lines ->
                  lines.stream().filter(l -> l.contains(" prefix: trail.event,")).count()
                      >= events);
    }
  }

  /** Failed logins written: one per LOGIN_FAILED, a burst per BRUTE_FORCE. */
  private static int failedLogins() {
    return report.count(LOGIN_FAILED)
        + report.count(BRUTE_FORCE) * AuditOperations.BRUTE_FORCE_ATTEMPTS;
  }

  @Test
  @DisplayName("runs exactly the operations asked for, and the report adds up")
  void reportAddsUp() {
    assertThat(report.operations()).isEqualTo(OPERATIONS);
    assertThat(report.byKind().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(OPERATIONS);
    assertThat(report.count(TICKET_CREATED)).isPositive();
    assertThat(report.count(AGENT_REPLIED)).isPositive();
    assertThat(report.count(DIRECT_SQL)).isPositive();
  }

  @Test
  @DisplayName("seeds each workspace once, with its team, customers, settings and assets")
  void seedsWorkspaces() throws SQLException {
    assertThat(count("SELECT count(*) FROM helpdesk.workspaces")).isEqualTo(3);
    assertThat(count("SELECT count(*) FROM helpdesk.users"))
        .isEqualTo(3 * Seeder.USERS_PER_WORKSPACE);
    assertThat(count("SELECT count(*) FROM helpdesk.workspace_settings"))
        .isEqualTo(3 * Seeder.SETTING_KEYS.size());
    assertThat(count("SELECT count(DISTINCT retention_days) FROM helpdesk.workspaces"))
        .isEqualTo(3);
    assertThat(count("SELECT count(*) FROM helpdesk.users WHERE password_hash !~ '^\\$2b\\$12\\$'"))
        .isZero();
  }

  @Test
  @DisplayName(
      "seeds each team's first notification settings: the admin watches the workspace in the app,"
          + " an agent mutes comment emails, the owner follows assets")
  void seedsNotificationSettings() throws SQLException {
    assertThat(
            count(
                "SELECT count(*) FROM helpdesk.notification_preferences p JOIN helpdesk.users u"
                    + " ON u.id = p.user_id WHERE p.activity_type = '*' AND p.scope = 'workspace'"
                    + " AND p.in_app AND NOT p.email AND u.role IN ('admin', 'owner')"))
        .isEqualTo(3);
    assertThat(
            count(
                "SELECT count(DISTINCT workspace_id) FROM helpdesk.notification_preferences"
                    + " WHERE activity_type = 'comment_added' AND scope = 'assigned' AND NOT email"))
        .isEqualTo(3);
    // Read from the change stream: the workload may since have unfollowed some of them.
    assertThat(
            decoded.stream()
                .filter(l -> l.startsWith("table helpdesk.record_followers: INSERT:"))
                .filter(l -> l.contains("record_type[text]:'asset'")))
        .hasSize(3 * Seeder.FOLLOWED_ASSETS);
    assertThat(
            count(
                "SELECT count(*) FROM helpdesk.record_followers f JOIN helpdesk.users u"
                    + " ON u.id = f.user_id WHERE f.record_type = 'asset' AND u.role <> 'owner'"))
        .isZero();
    assertThat(count("SELECT count(*) FROM helpdesk.users WHERE email IS NULL")).isZero();
  }

  @Test
  @DisplayName("the rows in each table match the operations reported")
  void rowCountsMatchOperations() throws SQLException {
    assertThat(count("SELECT count(*) FROM helpdesk.tickets"))
        .isEqualTo(report.count(TICKET_CREATED));
    assertThat(count("SELECT count(*) FROM helpdesk.ticket_messages"))
        .isEqualTo(
            report.count(TICKET_CREATED)
                + report.count(AGENT_REPLIED)
                + report.count(CUSTOMER_REPLIED));
    assertThat(count("SELECT count(*) FROM helpdesk.ticket_messages WHERE direction = 'outbound'"))
        .isEqualTo(report.count(AGENT_REPLIED));
    assertThat(count("SELECT count(*) FROM helpdesk.ticket_comments"))
        .isEqualTo(report.count(COMMENT_ADDED));
    assertThat(count("SELECT count(*) FROM helpdesk.attachments WHERE deleted_at IS NULL"))
        .isEqualTo(report.count(FILE_ATTACHED) - report.count(ATTACHMENT_DELETED));
    assertThat(count("SELECT count(*) FROM helpdesk.tickets WHERE deleted_at IS NOT NULL"))
        .isEqualTo(report.count(TICKET_DELETED) - report.count(TICKET_RESTORED));
    assertThat(count("SELECT count(*) FROM helpdesk.customers"))
        .isEqualTo(3 * Seeder.CUSTOMERS_PER_WORKSPACE + report.count(CUSTOMER_CREATED));
    assertThat(count("SELECT count(*) FROM helpdesk.assets"))
        .isEqualTo(3 * Seeder.ASSETS_PER_WORKSPACE + report.count(ASSET_CREATED));
    assertThat(count("SELECT count(*) FROM helpdesk.record_followers WHERE record_type = 'ticket'"))
        .isEqualTo(
            report.count(RECORD_FOLLOWED) - report.count(RECORD_UNFOLLOWED) + assetUnfollows());
    assertThat(count("SELECT count(*) FROM helpdesk.notification_preferences"))
        .isBetween(
            3 * SEEDED_PREFERENCES,
            3 * SEEDED_PREFERENCES + report.count(NOTIFICATION_SETTINGS_CHANGED));
  }

  @Test
  @DisplayName(
      "follows, unfollows and settings changes happen, each in a transaction whose context names"
          + " the team member the row belongs to")
  void notificationOperationsNameTheirUser() throws Exception {
    assertThat(report.count(RECORD_FOLLOWED)).isPositive();
    assertThat(report.count(RECORD_UNFOLLOWED)).isPositive();
    assertThat(report.count(NOTIFICATION_SETTINGS_CHANGED)).isPositive();
    Pattern userColumn = Pattern.compile("user_id\\[bigint\\]:(\\d+)");
    int checked = 0;
    JsonNode context = null;
    for (String line : decoded) {
      if (line.startsWith("message: transactional: 1 prefix: trail.context,")) {
        context = JSON.readTree(line.substring(line.indexOf(" content:") + 9));
      } else if (line.startsWith("table helpdesk.record_followers:")
          || line.startsWith("table helpdesk.notification_preferences:")) {
        assertThat(context).as(line).isNotNull();
        if (context.path("actor_type").asText().equals("system")) {
          continue; // the seed, by workspace provisioning
        }
        Matcher user = userColumn.matcher(line);
        assertThat(user.find()).as(line).isTrue();
        assertThat(
                List.of(context.path("actor_id").asText(), context.path("on_behalf_of").asText()))
            .as(line)
            .contains(user.group(1));
        checked++;
      } else if (line.startsWith("COMMIT")) {
        context = null;
      }
    }
    assertThat(checked)
        .isEqualTo(
            report.count(RECORD_FOLLOWED)
                + report.count(RECORD_UNFOLLOWED)
                + report.count(NOTIFICATION_SETTINGS_CHANGED));
  }

  @Test
  @DisplayName("every transaction opens with a trail.context message, except the direct-SQL ones")
  void everyTransactionCarriesContext() throws Exception {
    int transactions = 0;
    int withContext = 0;
    Set<String> actorTypes = new HashSet<>();
    for (int i = 0; i < decoded.size(); i++) {
      if (decoded.get(i).equals("BEGIN")) {
        transactions++;
        String first = decoded.get(i + 1);
        if (first.startsWith("message: transactional: 1 prefix: trail.context,")) {
          withContext++;
          actorTypes.add(
              JSON.readTree(first.substring(first.indexOf(" content:") + 9))
                  .get("actor_type")
                  .asText());
        }
      }
    }
    int seeding = 3;
    int audit =
        report.count(LOGIN_SUCCEEDED)
            + report.count(LOGIN_FAILED)
            + report.count(BRUTE_FORCE)
            + report.count(DATA_EXPORTED)
            + report.count(FILE_DOWNLOADED);
    assertThat(transactions).isEqualTo(seeding + OPERATIONS - audit);
    assertThat(transactions - withContext).isEqualTo(report.count(DIRECT_SQL));
    assertThat(actorTypes).contains("user", "customer", "automation", "system");
  }

  @Test
  @DisplayName("logins, exports and downloads are non-transactional trail.event messages")
  void auditEventsAreMessages() throws Exception {
    List<String> types = new ArrayList<>();
    for (String line : decoded) {
      if (line.startsWith("message: transactional: 0 prefix: trail.event,")) {
        types.add(
            JSON.readTree(line.substring(line.indexOf(" content:") + 9)).get("type").asText());
      }
    }
    assertThat(types.stream().filter("login_failed"::equals).count())
        .as("single failed logins and bursts of %d", AuditOperations.BRUTE_FORCE_ATTEMPTS)
        .isEqualTo(failedLogins());
    assertThat(types.stream().filter("login_succeeded"::equals).count())
        .isEqualTo(report.count(LOGIN_SUCCEEDED));
    assertThat(types.stream().filter("data_exported"::equals).count())
        .isEqualTo(report.count(DATA_EXPORTED));
    assertThat(types.stream().filter("file_downloaded"::equals).count())
        .isEqualTo(report.count(FILE_DOWNLOADED));
  }

  @Test
  @DisplayName("the same seed on a fresh database writes the same tickets and messages")
  void deterministicForASeed() throws SQLException {
    String again = freshDatabase("sim_again");
    SimulationReport second =
        simulator(again, OPTIONS).run(60, Duration.ofMinutes(1), Double.POSITIVE_INFINITY);
    String other = freshDatabase("sim_other");
    simulator(other, new SimulatorOptions(3, 99L))
        .run(60, Duration.ofMinutes(1), Double.POSITIVE_INFINITY);
    String third = freshDatabase("sim_third");
    SimulationReport thirdReport =
        simulator(third, OPTIONS).run(60, Duration.ofMinutes(1), Double.POSITIVE_INFINITY);

    String fingerprint =
        "SELECT string_agg(t.subject || '|' || t.status || '|' || t.priority, ',' ORDER BY t.id)"
            + " || (SELECT string_agg(body, ',' ORDER BY id) FROM helpdesk.ticket_messages)"
            + " FROM helpdesk.tickets t";
    assertThat(thirdReport.byKind()).isEqualTo(second.byKind());
    assertThat(text(third, fingerprint)).isEqualTo(text(again, fingerprint));
    assertThat(text(other, fingerprint)).isNotEqualTo(text(again, fingerprint));
  }

  @Test
  @DisplayName("stops at the time budget when it comes before the operation count")
  void boundedByTime() {
    String db = freshDatabase("sim_time");
    SimulationReport paced = simulator(db, OPTIONS).run(1_000_000, Duration.ofMillis(500), 10);
    assertThat(paced.operations()).isBetween(3, 6);
    assertThat(paced.elapsed()).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  @DisplayName("refuses a run without both bounds and a positive pace")
  void validatesArguments() {
    HelpdeskSimulator simulator = simulator("jdbc:postgresql://127.0.0.1:1/none", OPTIONS);
    assertThatThrownBy(() -> simulator.run(10, Duration.ZERO, 1))
        .hasMessageContaining("maxDuration");
    assertThatThrownBy(() -> simulator.run(10, null, 1)).hasMessageContaining("maxDuration");
    assertThatThrownBy(() -> simulator.run(-1, Duration.ofSeconds(1), 1))
        .hasMessageContaining("maxOperations");
    assertThatThrownBy(() -> simulator.run(10, Duration.ofSeconds(1), 0))
        .hasMessageContaining("operationsPerSecond");
    assertThatThrownBy(() -> new SimulatorOptions(0, 1)).hasMessageContaining("between 1 and");
  }

  /** The seeded settings rows of one workspace (admin 1, first agent 2, light agent 1). */
  private static final int SEEDED_PREFERENCES = 4;

  /** Seeded asset follows since removed by an unfollow: they count against the ticket follows. */
  private static int assetUnfollows() throws SQLException {
    return 3 * Seeder.FOLLOWED_ASSETS
        - count("SELECT count(*) FROM helpdesk.record_followers WHERE record_type = 'asset'");
  }

  private static HelpdeskSimulator simulator(String jdbcUrl, SimulatorOptions options) {
    return new HelpdeskSimulator(jdbcUrl, RealPostgres.USER, RealPostgres.PASSWORD, options);
  }

  private static String freshDatabase(String prefix) {
    String jdbcUrl = RealPostgres.newDatabase(prefix);
    HelpdeskSchema.migrate(jdbcUrl, RealPostgres.USER, RealPostgres.PASSWORD);
    return jdbcUrl;
  }

  private static int count(String sql) throws SQLException {
    return Integer.parseInt(text(url, sql));
  }

  private static String text(String jdbcUrl, String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(jdbcUrl, RealPostgres.USER, RealPostgres.PASSWORD);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
