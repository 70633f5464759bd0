package io.activitytrail.bench.queries;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.activitytrail.api.ApiServer;
import io.activitytrail.api.ApiTokens;
import io.activitytrail.api.Health;
import io.activitytrail.api.Role;
import io.activitytrail.api.TokenVerifier;
import io.activitytrail.bench.BenchFiles;
import io.activitytrail.clickhouse.ActivityQueries;
import io.activitytrail.clickhouse.ActivityRows;
import io.activitytrail.clickhouse.ClickHouse;
import io.activitytrail.clickhouse.ClickHouseMigrations;
import io.activitytrail.clickhouse.embedded.EmbeddedSession;
import io.activitytrail.clickhouse.http.ReadOnlyLimits;
import io.activitytrail.clickhouse.target.ClickHouseTarget;
import io.activitytrail.mapping.MappingLoader;
import io.activitytrail.schemas.ContractClasses;
import io.activitytrail.stack.Engine;
import io.activitytrail.stack.StackConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trail bench queries}: loads synthetic activities into a private embedded ClickHouse (chDB
 * allows one storage path per process, so never the stack's), serves them with the HTTP API
 * in-process, and times the product's questions through it; then loads the same rows into the local
 * stack's PostgreSQL and times the same questions there.
 */
@Command(
    name = "queries",
    mixinStandardHelpOptions = true,
    description =
        "Time feed, timeline and audit queries through the HTTP API over N synthetic activities,"
            + " compliance questions on the SQL views, the same on PostgreSQL (needs `trail up`),"
            + " and bytes on disk per event in both.")
public final class QueriesBenchCommand implements Callable<Integer> {

  private static final String DATABASE = "bench";
  // A running API has long been warm: unmeasured requests first, so the JIT has compiled the
  // request path (JSON, HTTP) before timing. 50 left the HTTP figures 2-3 ms above a warm server's.
  private static final int WARMUP = 200;
  // A compliance question scans a workspace: a couple of runs bring its columns into the page
  // cache, as a store in use would have them.
  private static final int COMPLIANCE_WARMUP = 2;
  private static final Duration BUDGET_PER_QUERY = Duration.ofSeconds(60);
  private static final Duration SETTLE_LIMIT = Duration.ofMinutes(5);
  private static final Duration QUIET = Duration.ofSeconds(5);

  @Option(names = "--events", description = "Activities to load (default ${DEFAULT-VALUE}).")
  long events = 10_000_000L;

  @Option(names = "--workspaces", description = "Workspaces (default ${DEFAULT-VALUE}).")
  int workspaces = 1000;

  @Option(
      names = "--requests",
      description = "Timed requests per query (default ${DEFAULT-VALUE}).")
  int requests = 200;

  @Option(
      names = "--compliance-requests",
      description =
          "Timed runs per compliance question and store (default ${DEFAULT-VALUE}; each stops"
              + " early after 60 s).")
  int complianceRequests = 20;

  @Option(names = "--batch", description = "Rows per insert (default ${DEFAULT-VALUE}).")
  // Two batches are in memory at once (one encoding, one inserting): sized for the launcher's 512
  // MiB heap.
  int batch = 50_000;

  @Option(names = "--no-postgres", description = "Skip the PostgreSQL comparison.")
  boolean noPostgres;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (events < 1 || workspaces < 1 || requests < 1 || batch < 1 || complianceRequests < 1) {
      throw new IllegalArgumentException(
          "--events, --workspaces, --requests, --compliance-requests and --batch must be positive");
    }
    ContractClasses.trust();
    PrintStream log = json ? System.err : System.out;
    StackConfig config = StackConfig.fromEnvironment(System.getenv());
    SyntheticActivities data =
        new SyntheticActivities(events, workspaces, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    BenchTargets targets = new BenchTargets(data);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("events", events);
    out.put("workspaces", workspaces);
    out.put("largest_workspace_events", data.expectedEventsOf(0));

    // Fail before the long load when the comparison cannot run.
    PostgresAuditBench postgres =
        noPostgres ? null : PostgresAuditBench.connect(config.stackFile(), targets);

    Path path = config.home().resolve("bench/clickhouse");
    BenchFiles.deleteTree(path);
    Files.createDirectories(path);
    Path library = Engine.chdbLibrary(config, System.getenv());
    ClickHouseTarget target = ClickHouseTarget.embedded(library, path, DATABASE);
    CompliancePeriods periods = new CompliancePeriods(data.end());
    try (ClickHouse ch = target.connect()) {
      ClickHouseMigrations.apply(ch, DATABASE);
      load(ch, data, out, log);
      settle(ch, out, log);
      ActivityQueries queries = new ActivityQueries(ch, DATABASE);
      tableStats(ch, out);
      bytesPerEvent(ch, out);

      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      try (ApiServer api =
          ApiServer.start(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
              queries,
              TokenVerifier.hs256(secret),
              MappingLoader.load(MappingLoader.BUNDLED).taxonomy(),
              () -> new Health(true, Map.of()),
              List.of())) {
        String token =
            ApiTokens.mint(
                secret,
                "bench-admin",
                BenchTargets.WORKSPACE,
                Role.admin,
                Duration.ofHours(12),
                Instant.now());
        ApiProbe http = new ApiProbe("http://127.0.0.1:" + api.port(), token, targets);
        DirectProbe direct = new DirectProbe(queries, targets);
        log.println(
            "timing queries through the HTTP API on port "
                + api.port()
                + ", each request followed by the same query in-process (no HTTP) ...");
        for (BenchQuery q : BenchQuery.values()) {
          Latencies.Pair pair =
              Latencies.measurePair(
                  q.key,
                  WARMUP,
                  requests,
                  BUDGET_PER_QUERY,
                  () -> requireRows(q, http.ask(q)),
                  () -> requireRows(q, direct.ask(q)));
          out.put(q.key + "_p50_ms", round(pair.first().p50Ms()));
          out.put(q.key + "_p99_ms", round(pair.first().p99Ms()));
          out.put("direct_" + q.key + "_p50_ms", round(pair.second().p50Ms()));
          out.put("requests_per_query", pair.first().count());
        }
      }
      // The compliance questions as SQL tools ask them: the views, on a read-only session with the
      // SQL interface's limits
      try (EmbeddedSession session =
          EmbeddedSession.open(library, path, ReadOnlyLimits.DEFAULTS.sessionSettings())) {
        ComplianceProbe probe = new ComplianceProbe(session, DATABASE, periods);
        log.println("timing compliance questions on the views (read-only session) ...");
        timeCompliance(q -> probe.ask(q), "", out, log);
      }
    }

    if (postgres != null) {
      try (postgres) {
        comparePostgres(postgres, data, out, log);
        log.println("timing compliance questions on PostgreSQL ...");
        timeCompliance(q -> postgres.ask(q, periods), "postgres_", out, log);
      }
      for (ComplianceQuery q : ComplianceQuery.values()) {
        if (out.get("postgres_" + q.key + "_p50_ms") instanceof Double pg
            && out.get(q.key + "_p50_ms") instanceof Double ours
            && ours > 0) {
          out.put("postgres_" + q.key + "_ratio", round(pg / ours));
        }
      }
    }
    print(out);
    return 0;
  }

  private void load(
      ClickHouse ch, SyntheticActivities data, Map<String, Object> out, PrintStream log)
      throws Exception {
    log.printf("loading %,d synthetic activities into %s ...%n", events, DATABASE);
    long insertNanos = 0;
    long t0 = System.nanoTime();
    long nextReport = 1_000_000;
    // The next batch is generated and encoded on a second thread while ClickHouse inserts the
    // current one: on two cores the two halves overlap instead of adding up.
    ExecutorService encoder = Executors.newSingleThreadExecutor();
    try {
      Future<byte[]> next = encoder.submit(() -> encode(data, 0));
      for (long from = 0; from < events; from += batch) {
        byte[] jsonRows = next.get();
        if (from + batch < events) {
          long following = from + batch;
          next = encoder.submit(() -> encode(data, following));
        }
        long t1 = System.nanoTime();
        ch.insert(DATABASE + ".activity", ActivityRows.COLUMNS, jsonRows);
        insertNanos += System.nanoTime() - t1;
        if (from + batch >= nextReport) {
          log.printf("  %,d rows%n", Math.min(events, from + batch));
          nextReport += 1_000_000;
        }
      }
    } finally {
      encoder.shutdownNow();
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    out.put("load_seconds", round(wall));
    out.put("load_rows_per_s", Math.round(events / wall));
    out.put("insert_rows_per_s", Math.round(events / (insertNanos / 1e9)));
    log.printf(
        "loaded in %.1f s: %,d rows/s overall, %,d rows/s in ClickHouse inserts (JSONEachRow,"
            + " activity and its page tables)%n",
        wall, Math.round(events / wall), Math.round(events / (insertNanos / 1e9)));
  }

  /**
   * Waits (up to {@link #SETTLE_LIMIT}) until background merges of the load are done, so the timed
   * reads see the store as it runs day to day, not the minute after a bulk insert. Merges are
   * scheduled a moment after the parts they merge appear, so "none running" counts only once it has
   * held for {@link #QUIET}.
   */
  private static void settle(ClickHouse ch, Map<String, Object> out, PrintStream log)
      throws InterruptedException {
    long t0 = System.nanoTime();
    long deadline = t0 + SETTLE_LIMIT.toNanos();
    long quietSince = t0;
    while (System.nanoTime() < deadline) {
      long now = System.nanoTime();
      if (merging(ch) > 0) {
        quietSince = now;
      } else if (now - quietSince >= QUIET.toNanos()) {
        break;
      }
      Thread.sleep(250);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    out.put("settle_seconds", round(seconds));
    log.printf("background merges settled in %.1f s (%d still running)%n", seconds, merging(ch));
  }

  /**
   * Active parts and bytes on disk per table (the typed table and each page table): every page read
   * opens each part once, so the part count sets its cost.
   */
  private static void tableStats(ClickHouse ch, Map<String, Object> out) {
    Map<String, Object> parts = new LinkedHashMap<>();
    Map<String, Object> bytes = new LinkedHashMap<>();
    for (Map<String, Object> row :
        ch.query(
            "SELECT table, count() AS parts, sum(bytes_on_disk) AS bytes FROM system.parts"
                + " WHERE database = {db:String} AND active AND table LIKE 'activity%'"
                + " GROUP BY table ORDER BY table",
            Map.of("db", DATABASE))) {
      parts.put((String) row.get("table"), row.get("parts"));
      bytes.put((String) row.get("table"), row.get("bytes"));
    }
    out.put("clickhouse_parts", parts);
    out.put("clickhouse_bytes", bytes);
  }

  /**
   * Bytes on disk per event: every active part of the database, so the page tables count with the
   * typed table.
   */
  private void bytesPerEvent(ClickHouse ch, Map<String, Object> out) {
    Number total =
        (Number)
            ch.query(
                    "SELECT sum(bytes_on_disk) AS bytes FROM system.parts"
                        + " WHERE database = {db:String} AND active",
                    Map.of("db", DATABASE))
                .get(0)
                .get("bytes");
    out.put("clickhouse_bytes_total", total.longValue());
    out.put("clickhouse_bytes_per_event", round(total.doubleValue() / events));
  }

  /**
   * Times each compliance question ({@code prefix} + key + {@code _p50_ms}); a question that fails
   * (e.g. over a limit) is reported as {@code ..._error} and the others still run.
   */
  private void timeCompliance(
      ToIntFunction<ComplianceQuery> ask, String prefix, Map<String, Object> out, PrintStream log) {
    for (ComplianceQuery q : ComplianceQuery.values()) {
      try {
        int[] rows = new int[1];
        Latencies l =
            Latencies.measure(
                q.key,
                COMPLIANCE_WARMUP,
                complianceRequests,
                BUDGET_PER_QUERY,
                () -> rows[0] = ask.applyAsInt(q));
        out.put(prefix + q.key + "_p50_ms", round(l.p50Ms()));
        out.put(prefix + q.key + "_runs", l.count());
        out.put(prefix + q.key + "_rows", rows[0]);
        log.printf("  %-22s p50 %10.2f ms, %,d rows (%s)%n", q.key, l.p50Ms(), rows[0], q.label);
      } catch (RuntimeException e) {
        out.put(prefix + q.key + "_error", String.valueOf(e.getMessage()));
        log.printf("  %-22s failed: %s%n", q.key, e.getMessage());
      }
    }
  }

  private static long merging(ClickHouse ch) {
    return ((Number)
            ch.query(
                    "SELECT count() AS n FROM system.merges WHERE database = {db:String}",
                    Map.of("db", DATABASE))
                .get(0)
                .get("n"))
        .longValue();
  }

  private byte[] encode(SyntheticActivities data, long from) {
    return ActivityRows.toJsonEachRow(data.batch(from, Math.min(events, from + batch)));
  }

  private void comparePostgres(
      PostgresAuditBench pg, SyntheticActivities data, Map<String, Object> out, PrintStream log)
      throws Exception {
    log.printf("loading the same %,d rows into PostgreSQL audit_bench with COPY ...%n", events);
    long t0 = System.nanoTime();
    pg.createTable();
    for (long from = 0; from < events; from += batch) {
      pg.copy(data.batch(from, Math.min(events, from + batch)));
    }
    double copySeconds = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    pg.index();
    double indexSeconds = (System.nanoTime() - t1) / 1e9;
    out.put("postgres_copy_seconds", round(copySeconds));
    out.put("postgres_index_seconds", round(indexSeconds));
    long pgBytes = pg.sizeBytes();
    out.put("postgres_bytes", pgBytes);
    out.put("postgres_bytes_per_event", round((double) pgBytes / events));
    log.printf(
        "copied in %.1f s, indexed in %.1f s; timing queries ...%n", copySeconds, indexSeconds);
    time(pg::ask)
        .forEach(
            (q, l) -> {
              out.put("postgres_" + q.key + "_p50_ms", round(l.p50Ms()));
              out.put("postgres_" + q.key + "_p99_ms", round(l.p99Ms()));
              Object ours = out.get(q.key + "_p50_ms");
              if (ours instanceof Double ms && ms > 0) {
                out.put("postgres_" + q.key + "_ratio", round(l.p50Ms() / ms));
              }
            });
  }

  private static void requireRows(BenchQuery query, int rows) {
    if (rows == 0) {
      throw new IllegalStateException(
          "query " + query.key + " returned no rows: the benchmark would time empty answers");
    }
  }

  private Map<BenchQuery, Latencies> time(ToIntFunction<BenchQuery> ask) {
    Map<BenchQuery, Latencies> results = new EnumMap<>(BenchQuery.class);
    for (BenchQuery query : BenchQuery.values()) {
      results.put(
          query,
          Latencies.measure(
              query.key,
              WARMUP,
              requests,
              BUDGET_PER_QUERY,
              () -> requireRows(query, ask.applyAsInt(query))));
    }
    return results;
  }

  private void print(Map<String, Object> out) throws IOException {
    if (json) {
      System.out.println(new ObjectMapper().writeValueAsString(out));
      return;
    }
    System.out.println();
    System.out.printf(
        "%-24s %10s %10s %12s %10s%n", "query", "p50 ms", "p99 ms", "direct p50", "pg p50");
    for (BenchQuery q : BenchQuery.values()) {
      System.out.printf(
          "%-24s %10s %10s %12s %10s%n",
          q.label,
          out.get(q.key + "_p50_ms"),
          out.get(q.key + "_p99_ms"),
          out.get("direct_" + q.key + "_p50_ms"),
          out.getOrDefault("postgres_" + q.key + "_p50_ms", "-"));
    }
    for (ComplianceQuery q : ComplianceQuery.values()) {
      System.out.printf(
          "%-24s %10s %10s %12s %10s%n",
          q.key,
          out.getOrDefault(q.key + "_p50_ms", "-"),
          "",
          "",
          out.getOrDefault("postgres_" + q.key + "_p50_ms", "-"));
    }
    System.out.println();
    System.out.println(
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
