package io.activitytrail.cli;

import io.activitytrail.api.ApiSecret;
import io.activitytrail.api.ApiServer;
import io.activitytrail.api.Health;
import io.activitytrail.api.TokenVerifier;
import io.activitytrail.api.server.TrailApi;
import io.activitytrail.clickhouse.ClickHouse;
import io.activitytrail.clickhouse.ClickHouseMigrations;
import io.activitytrail.clickhouse.target.ClickHouseTarget;
import io.activitytrail.integrity.KeyFiles;
import io.activitytrail.mapping.MappingLoader;
import io.activitytrail.mapping.Taxonomy;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "api",
    mixinStandardHelpOptions = true,
    description = {
      "Run the HTTP API against a ClickHouse server (the production shape), until stopped.",
      "Tokens are verified with an HS256 secret or an RS256 public key; see docs/api.md."
    })
final class ApiCommand implements Callable<Integer> {

  @Option(names = "--clickhouse-url", required = true, description = "e.g. http://host:8123")
  String clickhouseUrl;

  @Option(
      names = "--clickhouse-user",
      defaultValue = "default",
      description = "Default: ${DEFAULT-VALUE}.")
  String clickhouseUser;

  @Option(names = "--clickhouse-password", defaultValue = "", description = "Default: empty.")
  String clickhousePassword;

  @Option(
      names = "--database",
      defaultValue = ClickHouseMigrations.DEFAULT_DATABASE,
      description = "Default: ${DEFAULT-VALUE}.")
  String database;

  @Option(names = "--bind", defaultValue = "0.0.0.0", description = "Default: ${DEFAULT-VALUE}.")
  String bind;

  @Option(names = "--port", defaultValue = "8080", description = "Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--mapping-file",
      defaultValue = MappingLoader.BUNDLED,
      description =
          "The mapping the normalizer runs with: filters accept its types and record types."
              + " Default: ${DEFAULT-VALUE}.")
  String mappingFile;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Key key;

  static final class Key {
    @Option(
        names = "--jwt-secret-file",
        description = "HS256: a file holding the shared secret (at least 32 bytes).")
    Path secretFile;

    @Option(
        names = "--jwt-public-key",
        description = "RS256: a PEM file holding the platform's RSA public key.")
    Path publicKey;

    TokenVerifier verifier() {
      return secretFile != null
          ? TokenVerifier.hs256(ApiSecret.read(secretFile))
          : TokenVerifier.rs256(publicKey);
    }
  }

  @Option(
      names = "--integrity-public-key",
      description =
          "A public key file the job signs checkpoints with (base64 X.509; repeatable), served at"
              + " /v1/integrity/keys.")
  List<Path> integrityPublicKeys;

  @Override
  public Integer call() throws Exception {
    TokenVerifier verifier = key.verifier();
    Taxonomy taxonomy = MappingLoader.load(mappingFile).taxonomy();
    ClickHouseTarget target =
        ClickHouseTarget.server(clickhouseUrl, clickhouseUser, clickhousePassword, database);
    try (ClickHouse ch = target.connect();
        ApiServer api =
            TrailApi.start(
                ch,
                new TrailApi.Settings(
                    new InetSocketAddress(bind, port),
                    database,
                    verifier,
                    taxonomy,
                    () -> clickHouseHealth(ch),
                    Clock.systemUTC(),
                    integrityKeys()))) {
      System.out.println("API on http://" + bind + ":" + api.port() + " reading " + target);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "api-shutdown"));
      stopped.await();
    }
    return 0;
  }

  private List<byte[]> integrityKeys() {
    List<byte[]> keys = new java.util.ArrayList<>();
    if (integrityPublicKeys != null) {
      integrityPublicKeys.forEach(file -> keys.add(KeyFiles.read(file)));
    }
    return keys;
  }

  private static Health clickHouseHealth(ClickHouse ch) {
    try {
      ch.query("SELECT 1 AS ok", Map.of());
      return new Health(true, Map.of("clickhouse", "reachable"));
    } catch (RuntimeException e) {
      return new Health(false, Map.of("clickhouse", "unreachable"));
    }
  }
}
