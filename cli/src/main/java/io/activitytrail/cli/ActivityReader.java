package io.activitytrail.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.api.ActivityJson;
import io.activitytrail.clickhouse.ActivityQueries;
import io.activitytrail.clickhouse.ClickHouse;
import io.activitytrail.clickhouse.ClickHouseTarget;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.stack.Http;
import io.activitytrail.stack.StackConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * Where feed and timeline read from: the local stack's engine API by default (it owns the embedded
 * ClickHouse), or a ClickHouse server directly with --clickhouse-url.
 */
final class ActivityReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(
      names = "--clickhouse-url",
      description =
          "Read from this ClickHouse server (e.g. http://host:8123) instead of the local stack.")
  String clickhouseUrl;

  @Option(
      names = "--clickhouse-user",
      defaultValue = "default",
      description = "Default: ${DEFAULT-VALUE}.")
  String clickhouseUser;

  @Option(names = "--clickhouse-password", defaultValue = "", description = "Default: empty.")
  String clickhousePassword;

  @Option(names = "--database", defaultValue = "trail", description = "Default: ${DEFAULT-VALUE}.")
  String database;

  List<Map<String, Object>> feed(String workspace, int limit) throws Exception {
    if (clickhouseUrl != null) {
      return direct(q -> q.feed(workspace, limit));
    }
    return viaApi("/v1/workspaces/" + encode(workspace) + "/activities?limit=" + limit);
  }

  List<Map<String, Object>> timeline(
      String workspace, String recordType, String recordId, int limit) throws Exception {
    if (clickhouseUrl != null) {
      return direct(q -> q.timeline(workspace, recordType, recordId, limit));
    }
    return viaApi(
        "/v1/workspaces/"
            + encode(workspace)
            + "/records/"
            + encode(recordType)
            + "/"
            + encode(recordId)
            + "/timeline?limit="
            + limit);
  }

  private List<Map<String, Object>> direct(Function<ActivityQueries, List<ActivityEvent>> query) {
    ClickHouseTarget target =
        ClickHouseTarget.server(clickhouseUrl, clickhouseUser, clickhousePassword, database);
    try (ClickHouse ch = target.connect()) {
      return query.apply(new ActivityQueries(ch, database)).stream()
          .map(ActivityJson::item)
          .toList();
    }
  }

  private static List<Map<String, Object>> viaApi(String path) throws Exception {
    StackConfig config = Trail.stackConfig();
    Http.Response response;
    try {
      response = Http.get(config.apiUrl() + path);
    } catch (java.net.ConnectException e) {
      throw new IllegalStateException(
          "the local stack's engine does not answer on "
              + config.apiUrl()
              + ": start it with ./trail up (or read a server with --clickhouse-url)");
    }
    if (!response.ok()) {
      throw new IllegalStateException(
          "the engine API answered " + response.status() + ": " + response.body());
    }
    Map<String, Object> page = JSON.readValue(response.body(), new TypeReference<>() {});
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
    return items;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
