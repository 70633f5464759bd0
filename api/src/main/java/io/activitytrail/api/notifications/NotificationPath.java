package io.activitytrail.api.notifications;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Which notification endpoint a raw path names, and its workspace. */
record NotificationPath(Endpoint endpoint, String workspace) {

  enum Endpoint {
    LIST("GET", NotificationRoutes.LIST_TEMPLATE),
    UNREAD_COUNT("GET", NotificationRoutes.UNREAD_COUNT_TEMPLATE),
    MARK_READ("POST", NotificationRoutes.MARK_READ_TEMPLATE);

    final String method;
    final String template;

    Endpoint(String method, String template) {
      this.method = method;
      this.template = template;
    }
  }

  /**
   * {@code /v1/workspaces/{ws}/notifications[/unread-count|/read]}; segments decoded after
   * splitting.
   */
  static Optional<NotificationPath> match(String rawPath) {
    String[] p = rawPath.replaceAll("^/+|/+$", "").split("/", -1);
    if (p.length < 4
        || p.length > 5
        || !p[0].equals("v1")
        || !p[1].equals("workspaces")
        || p[2].isEmpty()
        || !p[3].equals("notifications")) {
      return Optional.empty();
    }
    String ws;
    try {
      // URLDecoder would turn '+' into a space, which is form encoding, not path encoding.
      ws = URLDecoder.decode(p[2].replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException badEscape) {
      return Optional.empty();
    }
    if (p.length == 4) {
      return Optional.of(new NotificationPath(Endpoint.LIST, ws));
    }
    return switch (p[4]) {
      case "unread-count" -> Optional.of(new NotificationPath(Endpoint.UNREAD_COUNT, ws));
      case "read" -> Optional.of(new NotificationPath(Endpoint.MARK_READ, ws));
      default -> Optional.empty();
    };
  }
}
