package io.activitytrail.notifications.email;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The links an email carries, from URL templates the platform configures: {@code {workspace}},
 * {@code {record_type}}, {@code {record_id}} and {@code {recipient}} are replaced, URL-encoded.
 *
 * @param recordTemplate e.g. {@code
 *     https://help.example.com/{workspace}/{record_type}s/{record_id}}
 * @param unsubscribeTemplate e.g. {@code
 *     https://help.example.com/{workspace}/settings/notifications?user={recipient}}: the target of
 *     List-Unsubscribe (and its one-click POST)
 * @param auditTemplate e.g. {@code https://help.example.com/{workspace}/audit?{query}}: an alert's
 *     link to the audit log, {@code {query}} being the alert's filter as the API's parameters
 */
public record EmailLinks(String recordTemplate, String unsubscribeTemplate, String auditTemplate)
    implements Serializable {

  public String record(String workspace, String recordType, String recordId) {
    return recordTemplate
        .replace("{workspace}", encode(workspace))
        .replace("{record_type}", encode(recordType))
        .replace("{record_id}", encode(recordId));
  }

  public String unsubscribe(String workspace, String recipient) {
    return unsubscribeTemplate
        .replace("{workspace}", encode(workspace))
        .replace("{recipient}", encode(recipient));
  }

  /** The audit log of a workspace filtered by {@code parameters} (API parameter names). */
  public String audit(String workspace, Map<String, String> parameters) {
    StringBuilder query = new StringBuilder();
    parameters.forEach(
        (name, value) -> {
          if (value != null) {
            query.append(query.isEmpty() ? "" : "&").append(name).append('=').append(encode(value));
          }
        });
    return auditTemplate.replace("{workspace}", encode(workspace)).replace("{query}", query);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
