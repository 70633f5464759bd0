package io.activitytrail.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.api.ApiSecret;
import io.activitytrail.bench.cli.NotificationPlan.Kind;
import io.activitytrail.clickhouse.http.SqlCredentials;
import io.activitytrail.stack.StackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "notifications",
    mixinStandardHelpOptions = true,
    description = {
      "Measure commit-to-notification latency on the running local stack: in the app (the"
          + " recipient's GET /v1/workspaces/{ws}/notifications shows it) and by email (the"
          + " recipient's inbox on the stack's mail server, read over IMAP, holds it).",
      "Creates its own workspace, an acting user and the recipients (each with an email), one"
          + " ticket per change; then commits --changes changes at --rate, each by the acting user"
          + " on its own ticket, notifying the ticket's assignee: --kind assign (assign the ticket"
          + " to them: email at once) or --kind comment (comment on their ticket: email after"
          + " their changes have been quiet for the quiet period, 10 s on the local stack).",
      "The recipients take the changes in blocks of at most the engine's hourly email cap per"
          + " recipient (notifications.email.hourly-cap, 20 unless .trail/conf/engine.properties"
          + " says otherwise): beyond it emails are held back for up to an hour.",
      "Email times are those of the IMAP poll that first saw the message (upper bounds by one"
          + " --poll plus a round trip), not the server's arrival stamp (whole seconds)."
    })
public final class NotificationsBenchCommand implements Callable<Integer> {
  static final int MAX_CHANGES = 2_000;

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--changes",
      defaultValue = "100",
      description = "Changes to commit and time, 1-" + MAX_CHANGES + " (default ${DEFAULT-VALUE}).")
  int changes;

  @Option(
      names = "--rate",
      defaultValue = "5/s",
      converter = Rate.Converter.class,
      description = "Commits per second: 5/s, 120/min (at most 100/s; default ${DEFAULT-VALUE}).")
  Rate rate;

  @Option(
      names = "--kind",
      defaultValue = "assign",
      converter = KindConverter.class,
      description = "assign or comment (default ${DEFAULT-VALUE}).")
  Kind kind;

  @Option(
      names = "--wait",
      defaultValue = "90s",
      description =
          "How long to wait for what is still missing after the last commit, and for the setup to"
              + " appear; above the stack's 60 s most an email may be held (default"
              + " ${DEFAULT-VALUE}).")
  Duration wait;

  @Option(
      names = "--poll",
      defaultValue = "100ms",
      description =
          "Poll interval of the API and the inboxes: the figures' resolution (default"
              + " ${DEFAULT-VALUE}).")
  Duration poll;

  @Option(
      names = "--workspace",
      description = "Id of the workspace to create (default nbench-<time>); must not exist yet.")
  String workspace;

  @Option(names = "--json", description = "Print one JSON object instead of the summary.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    validate();
    StackConfig config = StackConfig.fromEnvironment(System.getenv());
    Path secret = ApiSecret.file(config.confDir());
    if (!Files.isRegularFile(secret)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "no API secret at " + secret + ": start the local stack first (trail up)");
    }
    NotificationPlan plan =
        new NotificationPlan(changes, NotificationPlan.hourlyCap(config.engineOptionsFile()));
    String quiet = NotificationPlan.quietPeriod(config.engineOptionsFile());
    String ws =
        workspace != null ? workspace : "nbench-" + Long.toString(System.currentTimeMillis(), 36);
    NotificationProbe.Result result =
        new NotificationProbe(
                new NotificationProbe.Settings(
                    config.postgresJdbcUrl(),
                    StackConfig.POSTGRES_USER,
                    StackConfig.POSTGRES_PASSWORD,
                    config.apiUrl(),
                    ApiSecret.read(secret),
                    config.imap(),
                    ws,
                    plan,
                    kind,
                    rate,
                    poll,
                    wait,
                    sentLog(config)))
            .run();
    LatencyStats inApp = LatencyStats.of(result.inApp(), result.inAppMissing());
    LatencyStats email = LatencyStats.of(result.email(), result.emailMissing());
    LatencyStats accepted =
        result.accepted() == null
            ? null
            : LatencyStats.of(result.accepted(), result.acceptedMissing());
    if (json) {
      System.out.println(
          new ObjectMapper()
              .writeValueAsString(toJson(result, plan, quiet, inApp, email, accepted)));
    } else {
      print(result, plan, quiet, inApp, email, accepted);
    }
    return inApp.missing() == 0 && email.missing() == 0 ? 0 : 1;
  }

  /** The engine's sent log on the SQL interface, when the engine has made its credentials. */
  private static SentLogReader sentLog(StackConfig config) {
    SqlCredentials credentials = config.clickHouseHttpCredentials();
    return credentials == null ? null : new SentLogReader(config.clickHouseHttpUrl(), credentials);
  }

  void validate() {
    if (changes < 1 || changes > MAX_CHANGES) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--changes must be from 1 to " + MAX_CHANGES + ", got " + changes);
    }
    if (wait.isNegative() || wait.isZero() || poll.isNegative() || poll.isZero()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--wait and --poll must be positive");
    }
    if (workspace != null && !workspace.matches("[a-z0-9][a-z0-9-]{0,62}")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--workspace must be lowercase letters, digits and dashes (at most 63), got '"
              + workspace
              + "'");
    }
  }

  /** What the email figure includes, in words: the quiet period unless assignments. */
  static String emailNote(Kind kind, String quietPeriod) {
    return kind == Kind.ASSIGN
        ? "assignments to the recipient go out at once: no quiet period in these figures"
        : "includes the quiet period ("
            + quietPeriod
            + "): a recipient's comments wait until they have been quiet that long, then go as one"
            + " email";
  }

  private Map<String, Object> toJson(
      NotificationProbe.Result result,
      NotificationPlan plan,
      String quiet,
      LatencyStats inApp,
      LatencyStats email,
      LatencyStats accepted) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("changes", changes);
    json.put("rate_per_s", rate.perSecond());
    json.put("kind", kind.wireName());
    json.put("poll_interval_ms", poll.toMillis());
    json.put("workspace", result.workspace());
    json.put("recipients", plan.recipients());
    json.put("changes_per_recipient", plan.blockSize());
    json.put("in_app", inApp.toJson());
    Map<String, Object> mail = new LinkedHashMap<>(email.toJson());
    mail.put("emails_received", result.emails());
    mail.put("quiet_period", quiet);
    mail.put("measured_at", "IMAP poll that first saw the message");
    mail.put("note", emailNote(kind, quiet));
    json.put("email", mail);
    if (accepted != null) {
      Map<String, Object> smtp = new LinkedHashMap<>(accepted.toJson());
      smtp.put(
          "measured_at",
          "sent_at of the engine's sent log (email_sent), recorded after the"
              + " SMTP server accepted the message");
      json.put("email_accepted_by_smtp", smtp);
    }
    return json;
  }

  private void print(
      NotificationProbe.Result result,
      NotificationPlan plan,
      String quiet,
      LatencyStats inApp,
      LatencyStats email,
      LatencyStats accepted) {
    System.out.printf(
        "commit-to-notification latency, %d %s changes at %s (workspace %s, %d recipient(s), at"
            + " most %d changes each):%n",
        changes, kind.wireName(), rate, result.workspace(), plan.recipients(), plan.blockSize());
    line("in the app (API)     ", inApp);
    if (accepted != null) {
      line("email accepted (SMTP)", accepted);
    }
    line("email readable (IMAP)", email);
    System.out.printf(
        "  %d email(s) received; email %s%n", result.emails(), emailNote(kind, quiet));
    System.out.printf(
        "  polled every %d ms (API and inboxes); accepted = the engine's sent log (sent_at,"
            + " written after the SMTP server's OK); readable = the IMAP poll that first saw it;"
            + " waited at most %d s after the last commit%n",
        poll.toMillis(), wait.toSeconds());
  }

  private static void line(String label, LatencyStats s) {
    if (s.observed() == 0) {
      System.out.printf("  %s nothing seen, %d missing%n", label, s.missing());
      return;
    }
    System.out.printf(
        "  %s p50 %.1f ms   p90 %.1f ms   p99 %.1f ms   (min %.1f, max %.1f; %d seen, %d"
            + " missing)%n",
        label,
        LatencyStats.millis(s.p50()),
        LatencyStats.millis(s.p90()),
        LatencyStats.millis(s.p99()),
        LatencyStats.millis(s.min()),
        LatencyStats.millis(s.max()),
        s.observed(),
        s.missing());
  }

  /** For picocli: {@code assign} or {@code comment}, a usage error otherwise. */
  static final class KindConverter implements CommandLine.ITypeConverter<Kind> {
    @Override
    public Kind convert(String value) {
      for (Kind k : Kind.values()) {
        if (k.wireName().equals(value)) {
          return k;
        }
      }
      throw new CommandLine.TypeConversionException(
          "--kind must be assign or comment, got '" + value + "'");
    }
  }
}
