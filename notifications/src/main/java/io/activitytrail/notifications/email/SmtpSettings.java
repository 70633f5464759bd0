package io.activitytrail.notifications.email;

import java.io.Serializable;

/**
 * The SMTP server the notifier sends through.
 *
 * @param tls {@code none}, {@code starttls} (required, not opportunistic) or {@code ssl}
 * @param user null for a server that takes mail without login
 * @param from the From address, e.g. {@code Activity Trail <trail@example.com>}
 */
public record SmtpSettings(
    String host, int port, Tls tls, String user, String password, String from)
    implements Serializable {

  public enum Tls {
    none,
    starttls,
    ssl
  }

  @Override
  public String toString() {
    // never the password
    return "smtp://" + (user == null ? "" : user + "@") + host + ":" + port + " (" + tls + ")";
  }
}
