package io.activitytrail.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.activitytrail.stack.LocalStack;
import io.activitytrail.stack.ServiceId;
import io.activitytrail.stack.StackConfig;
import io.activitytrail.stack.StackException;
import io.activitytrail.stack.mail.DeliveredMail;
import io.activitytrail.stack.mail.MailAddress;
import io.activitytrail.stack.mail.MailboxReader;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "mail",
    mixinStandardHelpOptions = true,
    description = {
      "List the email the local stack's mail server received (newest first): time, mailbox,"
          + " sender and subject, or with --json every header and the plain and HTML bodies.",
      "Each recipient has a mailbox of their own: a message to two people is listed twice.",
      "Any mailbox can also be read with an IMAP client: server 127.0.0.1, port TRAIL_IMAP_PORT"
          + " (default 13143), user name and password both the address.",
      "Mail lives in the server's memory: trail down empties every mailbox.",
      "Exit code 0 ok (also when nothing was delivered), 1 when the mail server is not running"
          + " or cannot be read, 2 usage error."
    })
final class MailCommand implements Callable<Integer> {

  static final int MAX_LIMIT = 10_000;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  @Spec CommandSpec spec;

  @Option(
      names = "--to",
      paramLabel = "ADDR",
      description = "Only the mailbox of this address (case-insensitive).")
  String to;

  @Option(names = "--json", description = "One JSON array: headers and bodies of each message.")
  boolean json;

  @Option(
      names = "--limit",
      defaultValue = "50",
      description =
          "At most this many messages, the newest (1-" + MAX_LIMIT + ", default ${DEFAULT-VALUE}).")
  int limit;

  /** Where mail is read: the local stack's server once it runs; tests hand their own. */
  private final Supplier<MailboxReader> server;

  MailCommand() {
    this(() -> localStack(Trail.stackConfig()));
  }

  MailCommand(Supplier<MailboxReader> server) {
    this.server = server;
  }

  /** A reader of the stack's mail piece, or a clear error when it does not run. */
  static MailboxReader localStack(StackConfig config) {
    if (!LocalStack.create(config).status().service(ServiceId.MAIL).running()) {
      throw new StackException(
          "mail",
          "the local stack's mail server is not running (TRAIL_HOME="
              + config.home()
              + "): start it with trail up");
    }
    return MailboxReader.forLocalStack(config.imap(), config.mailApiUrl());
  }

  @Override
  public Integer call() throws Exception {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ParameterException(
          spec.commandLine(), "--limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    MailboxReader reader = server.get();
    List<DeliveredMail> mails = to == null ? reader.all(limit) : reader.messages(to, limit);
    PrintStream out = System.out;
    if (json) {
      out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(mails.stream().map(DeliveredMail::toJson).toList()));
    } else if (mails.isEmpty()) {
      out.println(to == null ? "(no mail delivered)" : "(no mail delivered to " + to + ")");
    } else {
      print(mails, out);
    }
    return 0;
  }

  /** Columns as wide as their longest cell; the subject last, never cut. */
  static void print(List<DeliveredMail> mails, PrintStream out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"TIME (UTC)", "TO", "FROM", "SUBJECT"});
    for (DeliveredMail mail : mails) {
      rows.add(
          new String[] {
            mail.receivedAt() == null ? "-" : TIME.format(mail.receivedAt()),
            mail.mailbox(),
            String.join(", ", mail.from().stream().map(MailAddress::toString).toList()),
            mail.subject() == null ? "(no subject)" : mail.subject()
          });
    }
    int[] widths = new int[3];
    for (String[] row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      out.printf(
          "%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %s%n",
          row[0],
          row[1],
          row[2],
          row[3]);
    }
  }
}
