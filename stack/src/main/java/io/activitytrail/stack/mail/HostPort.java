package io.activitytrail.stack.mail;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mail server's host and port, as {@code trail status --json} gives {@code smtp} and {@code
 * imap}.
 */
public record HostPort(String host, int port) {

  public HostPort {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("a host is required");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
    }
  }

  /** {@code {"host": ..., "port": ...}}. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("host", host);
    json.put("port", port);
    return json;
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
