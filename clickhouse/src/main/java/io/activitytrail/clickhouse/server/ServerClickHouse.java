package io.activitytrail.clickhouse.server;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ConnectionInitiationException;
import com.clickhouse.client.api.DataTransferException;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.command.CommandResponse;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;
import io.activitytrail.clickhouse.ClickHouse;
import io.activitytrail.clickhouse.ClickHouseException;
import io.activitytrail.clickhouse.JsonEachRow;
import io.activitytrail.clickhouse.QueryParameters;
import io.activitytrail.clickhouse.RowBinaryStrings;
import io.activitytrail.clickhouse.SqlIdentifiers;
import io.activitytrail.clickhouse.SqlStatements;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A ClickHouse server or cluster, over HTTP through the official client (com.clickhouse:client-v2).
 * Runs the same SQL as the embedded adapter; rows go as JSONEachRow both ways (single text columns
 * come back as RowBinary), query parameters as the HTTP parameters {@code param_<name>}, and
 * nothing is compressed (JSON rows are small batches; it keeps what goes over the wire readable).
 */
public final class ServerClickHouse implements ClickHouse {

  private static final Duration CALL_TIMEOUT = Duration.ofMinutes(5);

  private final Client client;
  private final String url;

  private ServerClickHouse(Client client, String url) {
    this.client = client;
    this.url = url;
  }

  /**
   * A new client for {@code url} (e.g. {@code http://host:8123}) using {@code database} by default.
   */
  public static ServerClickHouse connect(
      String url, String user, String password, String database) {
    Client client =
        new Client.Builder()
            .addEndpoint(url)
            .setUsername(user)
            .setPassword(password == null ? "" : password)
            .setDefaultDatabase(SqlIdentifiers.require(database, "database"))
            .compressServerResponse(false)
            .compressClientRequest(false)
            .useHttpCompression(false)
            // Same JSON as chDB gives: 64-bit integers as numbers, not quoted strings.
            .serverSetting("output_format_json_quote_64bit_integers", "0")
            .setExecutionTimeout(CALL_TIMEOUT.toMillis(), ChronoUnit.MILLIS)
            .build();
    return new ServerClickHouse(client, url);
  }

  @Override
  public void execute(String sql) {
    try (CommandResponse ignored = await(client.execute(sql), sql)) {
      // the command's summary is not needed
    } catch (Exception e) {
      throw translate(e, sql);
    }
  }

  @Override
  public void insert(String table, List<String> columns, byte[] jsonEachRow) {
    if (jsonEachRow.length == 0) {
      return;
    }
    String statement = SqlStatements.insertInto(table, columns);
    try (InsertResponse ignored =
        await(
            client.insert(
                SqlStatements.qualifiedTable(table),
                columns.stream().map(c -> "`" + SqlIdentifiers.require(c, "column") + "`").toList(),
                new ByteArrayInputStream(jsonEachRow),
                ClickHouseFormat.JSONEachRow,
                new InsertSettings()),
            statement)) {
      // written
    } catch (Exception e) {
      throw translate(e, statement);
    }
  }

  @Override
  public List<Map<String, Object>> query(String sql, Map<String, ?> params) {
    Map<String, Object> bound = new LinkedHashMap<>(QueryParameters.toText(params));
    QuerySettings settings = new QuerySettings().setFormat(ClickHouseFormat.JSONEachRow);
    try (QueryResponse response = await(client.query(sql, bound, settings), sql)) {
      return JsonEachRow.parse(response.getInputStream().readAllBytes());
    } catch (Exception e) {
      throw translate(e, sql);
    }
  }

  @Override
  public List<byte[]> queryStrings(String sql, Map<String, ?> params) {
    Map<String, Object> bound = new LinkedHashMap<>(QueryParameters.toText(params));
    QuerySettings settings = new QuerySettings().setFormat(ClickHouseFormat.RowBinary);
    try (QueryResponse response = await(client.query(sql, bound, settings), sql)) {
      return RowBinaryStrings.parse(response.getInputStream().readAllBytes());
    } catch (Exception e) {
      throw translate(e, sql);
    }
  }

  @Override
  public void close() {
    client.close();
  }

  private static <T> T await(CompletableFuture<T> call, String sql) throws Exception {
    try {
      return call.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw e;
    }
  }

  private ClickHouseException translate(Exception e, String sql) {
    if (e instanceof ClickHouseException already) {
      return already;
    }
    String context = "ClickHouse at " + url + " failed on: " + oneLine(sql) + ": ";
    if (e instanceof ServerException server) {
      return ClickHouseException.fromServer(context + server.getMessage(), server.getCode(), e);
    }
    boolean transport =
        e instanceof ConnectionInitiationException
            || e instanceof DataTransferException
            || e instanceof TimeoutException
            || e instanceof IOException
            || e instanceof UncheckedIOException
            || hasCause(e, ConnectException.class)
            || hasCause(e, SocketTimeoutException.class);
    return new ClickHouseException(context + e, ClickHouseException.NO_CODE, transport, e);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String oneLine(String sql) {
    String s = sql.strip().replaceAll("\\s+", " ");
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
