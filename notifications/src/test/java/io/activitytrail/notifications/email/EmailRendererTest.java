package io.activitytrail.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.event.Actor;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.Notification;
import io.activitytrail.notifications.TestActivities;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rendered emails against golden files (src/test/resources/email-golden/*.eml; rewrite them with
 * -Dgolden.update=true and read the diff).
 */
class EmailRendererTest {

  private static final Path GOLDEN = Path.of("src/test/resources/email-golden");
  private static final EmailRenderer RENDERER =
      new EmailRenderer(
          new EmailLinks(
              "https://help.example.com/{workspace}/{record_type}s/{record_id}",
              "https://help.example.com/{workspace}/settings/notifications?user={recipient}",
              "https://help.example.com/{workspace}/audit?{query}"));

  record Case(String name, List<Notification> batch) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() {
    Notification byRule = TestActivities.email("assigned", "assigned", "42", 1);
    byRule.getActivity().setActor(automation());
    byRule.getActivity().setChanges(changes(change("assignee_id", null, "6", null, "Bo Agent")));

    Notification status = TestActivities.email("status_changed", "following", "42", 2);
    status.getActivity().setChanges(changes(change("status", "open", "pending", null, null)));
    Notification direct = TestActivities.email("updated", "following", "42", 3);
    direct.getActivity().setActor(unattributed());
    direct
        .getActivity()
        .setChanges(
            changes(
                change(
                    "subject", "Printer jam", "Printer jam <b>again</b> & \"more\"", null, null)));
    Notification secret = TestActivities.email("updated", "following", "42", 4);
    FieldChange hidden = change("api_key", null, null, null, null);
    hidden.setSensitive(true);
    secret.getActivity().setChanges(changes(hidden));

    Notification other = TestActivities.email("comment_added", "following", "43", 5);

    Notification alert = TestActivities.email("alert_fired", "alert", "builtin:brute_force", 6);
    alert.getActivity().setRecordType("alert_rule");
    alert.getActivity().setRecordDisplay("brute_force");
    alert
        .getActivity()
        .setDetails(
            new HashMap<>(
                Map.ofEntries(
                    Map.entry("rule_id", "builtin:brute_force"),
                    Map.entry("rule_name", "brute_force"),
                    Map.entry("severity", "high"),
                    Map.entry("group_by", "actor"),
                    Map.entry("group_key", "7"),
                    Map.entry("count", "5"),
                    Map.entry("threshold", "5"),
                    Map.entry("window_seconds", "600"),
                    Map.entry("window_start", "2026-03-01T08:55:00Z"),
                    Map.entry("quiet_until", "2026-03-01T09:10:00Z"),
                    Map.entry(
                        "events",
                        "2026-03-01 08:55:00 UTC  login_failed  team member Bo <bo@acme.test>  by"
                            + " Bo from 10.0.0.9\n2026-03-01 08:56:40 UTC  login_failed  team"
                            + " member Bo <bo@acme.test>  by Bo from 10.0.0.9"))));
    return List.of(
        new Case("alert-brute-force", List.of(alert)),
        new Case("assignment-by-automation", List.of(byRule)),
        new Case("burst-on-one-record", List.of(status, direct, secret)),
        new Case("digest-across-records", List.of(status, other)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersAsTheGoldenFile(Case c) throws IOException {
    EmailMessage email = RENDERER.render(c.batch());

    String actual =
        "Message-ID: "
            + email.messageId()
            + "\nTo: "
            + email.to()
            + "\nSubject: "
            + email.subject()
            + "\n"
            + headers(email.headers())
            + "\n--- text/plain\n"
            + email.text()
            + "--- text/html\n"
            + email.html();
    Path golden = GOLDEN.resolve(c.name() + ".eml");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  private static String headers(Map<String, String> headers) {
    StringBuilder out = new StringBuilder();
    headers.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
    return out.toString();
  }

  private static Actor automation() {
    return Actor.newBuilder()
        .setType("automation")
        .setId("rule-7")
        .setName("Route VPN tickets to Tier 2")
        .setRuleId("rule-7")
        .setSource("context")
        .setExtra(new HashMap<>())
        .build();
  }

  private static Actor unattributed() {
    return Actor.newBuilder()
        .setType("unattributed")
        .setSource("none")
        .setExtra(new HashMap<>())
        .build();
  }

  private static FieldChange change(
      String field, String old, String now, String oldDisplay, String newDisplay) {
    FieldChange c = TestActivities.change(field, old, now);
    c.setOldDisplay(oldDisplay);
    c.setNewDisplay(newDisplay);
    return c;
  }

  private static List<FieldChange> changes(FieldChange... changes) {
    return new ArrayList<>(List.of(changes));
  }
}
