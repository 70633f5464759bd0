package io.activitytrail.api.server;

import io.activitytrail.api.ApiServer;
import io.activitytrail.api.Health;
import io.activitytrail.api.TokenVerifier;
import io.activitytrail.api.alerts.AlertRoutes;
import io.activitytrail.api.integrity.IntegrityRoutes;
import io.activitytrail.api.notifications.NotificationRoutes;
import io.activitytrail.clickhouse.ActivityQueries;
import io.activitytrail.clickhouse.ClickHouse;
import io.activitytrail.clickhouse.IntegrityQueries;
import io.activitytrail.clickhouse.NotificationQueries;
import io.activitytrail.export.ExportLog;
import io.activitytrail.export.ExportRoutes;
import io.activitytrail.mapping.Taxonomy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The HTTP API as deployed, over one ClickHouse store: the reads and every other group of routes.
 * The engine (local stack) and {@code trail api} (production) both start it here, so they serve the
 * same endpoints.
 */
public final class TrailApi {

  /**
   * @param address where to listen; port 0 picks a free one
   * @param database the ClickHouse database holding the activity tables
   * @param tokens how bearer tokens are verified
   * @param taxonomy the types and record types filters may name: the loaded mapping's
   * @param health what /health reports
   * @param clock dates what the API writes: export manifests, read markers
   * @param integrityKeys the public keys (X.509) the job signs checkpoints with; empty: none
   */
  public record Settings(
      InetSocketAddress address,
      String database,
      TokenVerifier tokens,
      Taxonomy taxonomy,
      Supplier<Health> health,
      Clock clock,
      List<byte[]> integrityKeys) {}

  private TrailApi() {}

  public static ApiServer start(ClickHouse ch, Settings settings) throws IOException {
    ActivityQueries queries = new ActivityQueries(ch, settings.database());
    ExportRoutes exports =
        new ExportRoutes(
            queries,
            new ExportLog(ch, settings.database()),
            settings.tokens(),
            settings.taxonomy(),
            settings.clock());
    NotificationRoutes notifications =
        new NotificationRoutes(
            new NotificationQueries(ch, settings.database()), settings.tokens(), settings.clock());
    return ApiServer.start(
        settings.address(),
        queries,
        settings.tokens(),
        settings.taxonomy(),
        settings.health(),
        List.of(
            exports,
            notifications,
            new AlertRoutes(queries, settings.tokens()),
            new IntegrityRoutes(
                new IntegrityQueries(ch, settings.database()),
                settings.tokens(),
                settings.integrityKeys())));
  }
}
