package io.activitytrail.api.notifications;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.activitytrail.api.BadParameter;
import io.activitytrail.api.QueryString;
import io.activitytrail.api.ReadRequest;
import io.activitytrail.clickhouse.NotificationQueries;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The validated parameters and bodies of the notification endpoints, parsed by pure functions:
 * every value a caller sends becomes a typed request or a 400 naming it.
 */
final class NotificationRequest {

  static final Set<String> LIST_PARAMETERS = Set.of("unread", "limit", "cursor");
  static final Set<String> MARK_READ_FIELDS = Set.of("ids", "all");

  private static final String SHAPE = "{\"ids\": [\"<notification_id>\", ...]} or {\"all\": true}";
  private static final JsonMapper JSON =
      JsonMapper.builder()
          // {"all": true, "all": false} or a second document after the first is not one request.
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private NotificationRequest() {}

  /** GET .../notifications: which page. */
  record Listing(boolean unreadOnly, int limit, String cursor) {}

  /** POST .../notifications/read: the ids to mark, or all (ids empty). */
  record MarkRead(Set<String> ids, boolean all) {}

  static Listing listing(QueryString q) {
    q.allowOnly(LIST_PARAMETERS);
    String unread = q.single("unread");
    if (unread != null && !unread.equals("true") && !unread.equals("false")) {
      throw new BadParameter("unread", "unread must be true or false, got '" + unread + "'");
    }
    return new Listing("true".equals(unread), ReadRequest.limit(q), q.single("cursor"));
  }

  /** GET .../unread-count and POST .../read take no query parameters. */
  static void noParameters(QueryString q) {
    q.allowOnly(Set.of());
  }

  static MarkRead markRead(byte[] body) {
    JsonNode tree;
    try {
      tree = JSON.readTree(body);
    } catch (IOException e) {
      throw new BadParameter("body", "the body is not valid JSON; send " + SHAPE);
    }
    if (tree == null || !tree.isObject()) {
      throw new BadParameter("body", "the body must be a JSON object: " + SHAPE);
    }
    for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!MARK_READ_FIELDS.contains(name)) {
        throw new BadParameter(name, "unknown field '" + name + "'; the body takes ids or all");
      }
    }
    if (tree.has("ids") == tree.has("all")) {
      throw new BadParameter("body", "give either ids or all, not both and not neither: " + SHAPE);
    }
    if (tree.has("all")) {
      if (!tree.get("all").isBoolean() || !tree.get("all").booleanValue()) {
        throw new BadParameter("all", "all must be true (to mark some, give ids)");
      }
      return new MarkRead(Set.of(), true);
    }
    return new MarkRead(ids(tree.get("ids")), false);
  }

  private static Set<String> ids(JsonNode ids) {
    int max = NotificationQueries.MAX_READ_IDS;
    if (!ids.isArray() || ids.isEmpty() || ids.size() > max) {
      throw new BadParameter(
          "ids", "ids must be a list of 1 to " + max + " notification ids, got " + describe(ids));
    }
    Set<String> distinct = new LinkedHashSet<>();
    for (JsonNode id : ids) {
      // "*" is how a marker says "all": an id may not smuggle it in.
      if (!id.isTextual()
          || id.textValue().isEmpty()
          || id.textValue().length() > NotificationQueries.MAX_ID_LENGTH
          || id.textValue().equals("*")) {
        throw new BadParameter(
            "ids",
            "each id must be a notification id (a non-empty string of at most "
                + NotificationQueries.MAX_ID_LENGTH
                + " characters, not '*'), got "
                + describe(id));
      }
      distinct.add(id.textValue());
    }
    return distinct;
  }

  private static String describe(JsonNode node) {
    if (node.isArray()) {
      return "a list of " + node.size();
    }
    String text = node.toString();
    return text.length() > 40 ? text.substring(0, 39) + "…" : text;
  }
}
