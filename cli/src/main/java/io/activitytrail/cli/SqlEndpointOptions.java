package io.activitytrail.cli;

import picocli.CommandLine.Option;

/** Where SQL goes: a ClickHouse HTTP interface, the local stack's read-only one by default. */
final class SqlEndpointOptions {

  @Option(
      names = "--url",
      description = "A ClickHouse HTTP interface (default: the local stack's).")
  String url;

  @Option(names = "--user", description = "User (default: the local stack's SQL user).")
  String user;

  @Option(names = "--password", description = "Password (default: the local stack's).")
  String password;

  @Option(names = "--database", defaultValue = "trail", description = "Default ${DEFAULT-VALUE}.")
  String database;

  SqlClient client() {
    return SqlClient.of(url, user, password, database);
  }
}
