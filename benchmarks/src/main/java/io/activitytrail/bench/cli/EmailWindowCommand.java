package io.activitytrail.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.bench.BenchFiles;
import io.activitytrail.bench.NotificationTriggerBenchmark;
import io.activitytrail.clickhouse.ClickHouse;
import io.activitytrail.clickhouse.ClickHouseMigrations;
import io.activitytrail.clickhouse.RetryPolicy;
import io.activitytrail.clickhouse.target.ClickHouseTarget;
import io.activitytrail.event.Notification;
import io.activitytrail.notifications.Channels;
import io.activitytrail.notifications.Decision;
import io.activitytrail.notifications.Member;
import io.activitytrail.notifications.Notifications;
import io.activitytrail.notifications.Reason;
import io.activitytrail.notifications.email.ClickHouseSentLog;
import io.activitytrail.notifications.email.EmailLinks;
import io.activitytrail.notifications.email.EmailMessage;
import io.activitytrail.notifications.email.EmailRenderer;
import io.activitytrail.notifications.email.EmailSender;
import io.activitytrail.notifications.email.MailException;
import io.activitytrail.notifications.email.Mailer;
import io.activitytrail.notifications.email.SentLog;
import io.activitytrail.notifications.email.SmtpMailer;
import io.activitytrail.notifications.email.SmtpSettings;
import io.activitytrail.stack.Engine;
import io.activitytrail.stack.StackConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How often a crash of the sender would send an email twice: the sender's one unclosable window
 * lies between the SMTP server accepting a message and the sent log's insert returning
 * (docs/notifications.md). This sends real emails, one at a time, through the local stack's SMTP
 * server with a sent log in an embedded ClickHouse of its own, and times both parts of each send.
 */
@Command(
    name = "email-window",
    mixinStandardHelpOptions = true,
    description =
        "Send N emails through the running stack's SMTP server (needs `trail up`) with a sent log"
            + " in an embedded ClickHouse and measure the window between the server's acceptance"
            + " and the sent log's record: the share of a send that a SIGKILL would turn into a"
            + " second copy.")
public final class EmailWindowCommand implements Callable<Integer> {

  private static final String DATABASE = "bench_email";

  @Option(names = "--emails", defaultValue = "300", description = "Emails to send (default 300).")
  int emails;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (emails < 1 || emails > 10_000) {
      throw new IllegalArgumentException("--emails must be 1 to 10000, got " + emails);
    }
    StackConfig config = StackConfig.fromEnvironment(System.getenv());
    Path path = config.home().resolve("bench/email-window");
    BenchFiles.deleteTree(path);
    Files.createDirectories(path);
    ClickHouseTarget target =
        ClickHouseTarget.embedded(Engine.chdbLibrary(config, System.getenv()), path, DATABASE);
    List<Duration> sends = new ArrayList<>();
    List<Duration> windows = new ArrayList<>();
    // the sent log owns the connection and closes it with the sender
    ClickHouse ch = target.connect();
    ClickHouseMigrations.apply(ch, DATABASE);
    Timing timing = new Timing();
    try (EmailSender sender = sender(config, ch, timing)) {
      String run = Long.toString(System.currentTimeMillis(), 36);
      SplittableRandom random = new SplittableRandom(7);
      Member recipient =
          new Member("9001", "email-window-" + run + "@bench.test", "Bench Reader", "agent");
      for (int i = 0; i < emails; i++) {
        Notification n =
            Notifications.of(
                    NotificationTriggerBenchmark.activity(random, i),
                    List.of(new Decision(recipient, Reason.ASSIGNED, new Channels(false, true))))
                .get(0);
        long start = System.nanoTime();
        sender.send(List.of(n));
        long end = System.nanoTime();
        sends.add(Duration.ofNanos(end - start));
        windows.add(Duration.ofNanos(timing.recordedAt - timing.acceptedAt));
      }
    }
    print(WindowShare.of(sends, windows));
    return 0;
  }

  /** The engine's sender, one try per email, its mailer and sent log timed. */
  private static EmailSender sender(StackConfig config, ClickHouse ch, Timing timing) {
    SmtpSettings smtp =
        new SmtpSettings(
            config.smtp().host(),
            config.smtp().port(),
            SmtpSettings.Tls.none,
            null,
            null,
            "Activity Trail <trail@localhost>");
    return new EmailSender(
        new EmailRenderer(
            new EmailLinks(
                "http://localhost:8080/{workspace}/{record_type}s/{record_id}",
                "http://localhost:8080/{workspace}/settings/notifications",
                "http://localhost:8080/{workspace}/audit?{query}")),
        timing.mailer(new SmtpMailer(smtp)),
        timing.sentLog(new ClickHouseSentLog(ch, DATABASE)),
        new RetryPolicy(1, Duration.ofMillis(100), Duration.ofMillis(100)),
        Thread::sleep,
        (message, batch, reason) -> {
          throw new IOException("the stack's SMTP server refused an email", reason);
        },
        Clock.systemUTC());
  }

  private void print(WindowShare share) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("emails", emails);
    out.put("send", LatencyStats.of(share.sends(), 0).toJson());
    out.put("window", LatencyStats.of(share.windows(), 0).toJson());
    out.put("window_share", share.share());
    if (json) {
      System.out.println(new ObjectMapper().writeValueAsString(out));
      return;
    }
    System.out.printf(
        "%d emails, one at a time; send = render + SMTP + sent log, window = accepted -> recorded%n",
        emails);
    System.out.println("send:   " + LatencyStats.of(share.sends(), 0).toJson());
    System.out.println("window: " + LatencyStats.of(share.windows(), 0).toJson());
    System.out.printf(
        "a SIGKILL at a random instant of sending doubles an email with probability %.3f%n",
        share.share());
  }

  /** Sends' and windows' durations, and the windows' share of the time spent sending. */
  record WindowShare(List<Duration> sends, List<Duration> windows, double share) {
    static WindowShare of(List<Duration> sends, List<Duration> windows) {
      if (sends.size() != windows.size() || sends.isEmpty()) {
        throw new IllegalArgumentException(
            "need one window per send, got " + sends.size() + " and " + windows.size());
      }
      long sent = sends.stream().mapToLong(Duration::toNanos).sum();
      long open = windows.stream().mapToLong(Duration::toNanos).sum();
      return new WindowShare(List.copyOf(sends), List.copyOf(windows), (double) open / sent);
    }
  }

  /** Wraps the mailer and the sent log to note when the server accepted and when the log wrote. */
  private static final class Timing {
    long acceptedAt;
    long recordedAt;

    Mailer mailer(Mailer delegate) {
      return new Mailer() {
        @Override
        public void send(EmailMessage message) throws MailException {
          delegate.send(message);
          acceptedAt = System.nanoTime();
        }

        @Override
        public void close() {
          delegate.close();
        }
      };
    }

    SentLog sentLog(SentLog delegate) {
      return new SentLog() {
        @Override
        public Set<String> alreadySent(Collection<String> notificationIds) {
          return delegate.alreadySent(notificationIds);
        }

        @Override
        public void record(
            EmailMessage message, String workspaceId, String recipientId, Instant sentAt) {
          delegate.record(message, workspaceId, recipientId, sentAt);
          recordedAt = System.nanoTime();
        }

        @Override
        public void close() {
          delegate.close();
        }
      };
    }
  }
}
