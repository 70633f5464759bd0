package io.activitytrail.bench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pure part of {@code trail bench notifications}: which change touches which ticket and
 * notifies whom, how a change is recognised in an email, and the engine's email options that shape
 * the figures.
 *
 * <p>Each change touches its own ticket: a ticket's notifications then never share a batch with
 * another change's, and every email names the changes it carries. The recipients take the changes
 * in consecutive blocks of at most the engine's hourly cap: beyond the cap a recipient's emails are
 * held back (up to an hour) and folded into a digest, which would measure the cap, not the
 * pipeline.
 */
record NotificationPlan(int changes, int blockSize) {

  /** What the changes are; both notify the ticket's assignee. */
  enum Kind {
    /**
     * The acting user assigns a fresh ticket to the recipient: in the app and by email at once (an
     * assignment to the recipient skips the quiet period).
     */
    ASSIGN,
    /**
     * The acting user comments on a ticket assigned to the recipient: in the app at once, by email
     * after the recipient's changes have been quiet for the quiet period.
     */
    COMMENT;

    String activityType() {
      return this == ASSIGN ? "assigned" : "comment_added";
    }

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The engine option, and its default, that caps each recipient's emails per hour. */
  static final String HOURLY_CAP_KEY = "notifications.email.hourly-cap";

  static final int DEFAULT_HOURLY_CAP = 20;

  /** The engine option of the quiet period, and the local stack's value (Engine.jobOptions). */
  static final String QUIET_PERIOD_KEY = "notifications.email.quiet-period";

  static final String STACK_QUIET_PERIOD = "10 s";

  /** A ticket's subject carries its change's index; the email's record title repeats it. */
  private static final Pattern MARKER = Pattern.compile("\\bnb-(\\d{1,5})\\b");

  NotificationPlan {
    if (changes < 1 || blockSize < 1) {
      throw new IllegalArgumentException(
          "need at least one change and a block of one, got " + changes + ", " + blockSize);
    }
  }

  /** How many recipients the changes need: one per block. */
  int recipients() {
    return (changes + blockSize - 1) / blockSize;
  }

  /** The recipient (0-based) of change {@code index}: block by block, in commit order. */
  int recipientOf(int index) {
    if (index < 0 || index >= changes) {
      throw new IllegalArgumentException("no change " + index + " of " + changes);
    }
    return index / blockSize;
  }

  /** The subject of change {@code index}'s ticket. */
  static String ticketSubject(int index) {
    return "nb-" + index + " notification bench";
  }

  /** The change indexes an email's text names, each once, in order of appearance. */
  static List<Integer> changesIn(String text) {
    if (text == null) {
      return List.of();
    }
    LinkedHashSet<Integer> found = new LinkedHashSet<>();
    Matcher m = MARKER.matcher(text);
    while (m.find()) {
      found.add(Integer.parseInt(m.group(1)));
    }
    return List.copyOf(found);
  }

  /** The hourly cap the engine runs with: {@code engine.properties} over the job's default. */
  static int hourlyCap(Path engineProperties) {
    return engineOption(engineProperties, HOURLY_CAP_KEY)
        .map(
            v -> {
              try {
                return Integer.parseInt(v.trim());
              } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                    engineProperties + ": " + HOURLY_CAP_KEY + " is not a number: " + v);
              }
            })
        .orElse(DEFAULT_HOURLY_CAP);
  }

  /** The quiet period as configured, for the summary; the local stack's when not overridden. */
  static String quietPeriod(Path engineProperties) {
    return engineOption(engineProperties, QUIET_PERIOD_KEY)
        .map(String::trim)
        .orElse(STACK_QUIET_PERIOD);
  }

  private static Optional<String> engineOption(Path file, String key) {
    if (file == null || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return Optional.ofNullable(properties.getProperty(key));
  }
}
