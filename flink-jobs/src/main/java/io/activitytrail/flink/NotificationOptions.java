package io.activitytrail.flink;

import io.activitytrail.notifications.email.EmailLinks;
import io.activitytrail.notifications.email.SmtpSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;

/**
 * The notifier's options: the SMTP server, email batching, and the links emails carry. Which users,
 * settings and followers there are comes from the mapping's notification section; without a mail
 * host, notifications are in-app only.
 */
public final class NotificationOptions {

  public static final ConfigOption<String> SMTP_HOST =
      ConfigOptions.key("mail.smtp.host")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "SMTP server for email notifications. Unset: notifications are in-app only.");

  public static final ConfigOption<Integer> SMTP_PORT =
      ConfigOptions.key("mail.smtp.port").intType().defaultValue(25).withDescription("SMTP port.");

  public static final ConfigOption<SmtpSettings.Tls> SMTP_TLS =
      ConfigOptions.key("mail.smtp.tls")
          .enumType(SmtpSettings.Tls.class)
          .defaultValue(SmtpSettings.Tls.none)
          .withDescription("none, starttls (required) or ssl (SMTPS).");

  public static final ConfigOption<String> SMTP_USER =
      ConfigOptions.key("mail.smtp.user")
          .stringType()
          .noDefaultValue()
          .withDescription("SMTP login; unset for a server that takes mail without one.");

  public static final ConfigOption<String> SMTP_PASSWORD =
      ConfigOptions.key("mail.smtp.password")
          .stringType()
          .defaultValue("")
          .withDescription("SMTP password.");

  public static final ConfigOption<String> MAIL_FROM =
      ConfigOptions.key("mail.from")
          .stringType()
          .defaultValue("Activity Trail <trail@localhost>")
          .withDescription("From address of notification emails.");

  public static final ConfigOption<Duration> EMAIL_QUIET_PERIOD =
      ConfigOptions.key("notifications.email.quiet-period")
          .durationType()
          .defaultValue(Duration.ofSeconds(60))
          .withDescription(
              "A recipient's changes are batched into one email once they have been quiet this"
                  + " long (an assignment to them goes out at once).");

  public static final ConfigOption<Duration> EMAIL_MAX_DELAY =
      ConfigOptions.key("notifications.email.max-delay")
          .durationType()
          .defaultValue(Duration.ofMinutes(5))
          .withDescription("A batched change waits at most this long, quiet or not.");

  public static final ConfigOption<Integer> EMAIL_HOURLY_CAP =
      ConfigOptions.key("notifications.email.hourly-cap")
          .intType()
          .defaultValue(20)
          .withDescription(
              "Emails per recipient per hour; beyond it changes wait and go out as one digest.");

  public static final ConfigOption<String> LINK_TEMPLATE =
      ConfigOptions.key("notifications.link-template")
          .stringType()
          .defaultValue("http://localhost:8080/{workspace}/{record_type}s/{record_id}")
          .withDescription(
              "Link to a record in emails; {workspace}, {record_type}, {record_id} are replaced.");

  public static final ConfigOption<String> UNSUBSCRIBE_TEMPLATE =
      ConfigOptions.key("notifications.unsubscribe-template")
          .stringType()
          .defaultValue("http://localhost:8080/{workspace}/settings/notifications?user={recipient}")
          .withDescription(
              "List-Unsubscribe target (one-click POST too); {workspace} and {recipient} are"
                  + " replaced.");

  public static final ConfigOption<String> AUDIT_LINK_TEMPLATE =
      ConfigOptions.key("notifications.audit-link-template")
          .stringType()
          .defaultValue("http://localhost:8080/{workspace}/audit?{query}")
          .withDescription(
              "Link from an alert's email to the audit log; {workspace} is replaced, {query} by"
                  + " the alert's filter as the API's parameters (type, actor or ip, from, to).");

  public static final List<ConfigOption<?>> ALL =
      List.of(
          SMTP_HOST,
          SMTP_PORT,
          SMTP_TLS,
          SMTP_USER,
          SMTP_PASSWORD,
          MAIL_FROM,
          EMAIL_QUIET_PERIOD,
          EMAIL_MAX_DELAY,
          EMAIL_HOURLY_CAP,
          LINK_TEMPLATE,
          AUDIT_LINK_TEMPLATE,
          UNSUBSCRIBE_TEMPLATE);

  private NotificationOptions() {}

  /** The SMTP server, or empty when email is off. */
  public static Optional<SmtpSettings> smtp(Configuration options) {
    return options
        .getOptional(SMTP_HOST)
        .filter(host -> !host.isBlank())
        .map(
            host ->
                new SmtpSettings(
                    host,
                    options.get(SMTP_PORT),
                    options.get(SMTP_TLS),
                    options.getOptional(SMTP_USER).filter(u -> !u.isBlank()).orElse(null),
                    options.get(SMTP_PASSWORD),
                    options.get(MAIL_FROM)));
  }

  public static EmailLinks links(Configuration options) {
    return new EmailLinks(
        options.get(LINK_TEMPLATE),
        options.get(UNSUBSCRIBE_TEMPLATE),
        options.get(AUDIT_LINK_TEMPLATE));
  }
}
