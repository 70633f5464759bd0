package io.activitytrail.cli;

import io.activitytrail.clickhouse.ClickHouse;
import io.activitytrail.clickhouse.ClickHouseMigrations;
import io.activitytrail.clickhouse.target.ClickHouseTarget;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Apply the ClickHouse migrations (tables, views) to a ClickHouse server.",
      "The local stack's embedded ClickHouse is migrated by the engine at start."
    })
final class MigrateCommand implements Callable<Integer> {

  @Option(names = "--clickhouse-url", required = true, description = "e.g. http://host:8123")
  String url;

  @Option(names = "--user", defaultValue = "default", description = "Default: ${DEFAULT-VALUE}.")
  String user;

  @Option(names = "--password", defaultValue = "", description = "Default: empty.")
  String password;

  @Option(
      names = "--database",
      defaultValue = ClickHouseMigrations.DEFAULT_DATABASE,
      description = "Default: ${DEFAULT-VALUE}.")
  String database;

  @Override
  public Integer call() {
    ClickHouseTarget target = ClickHouseTarget.server(url, user, password, database);
    try (ClickHouse ch = target.connect()) {
      List<String> applied = ClickHouseMigrations.apply(ch, database);
      if (applied.isEmpty()) {
        System.out.println(target + ": up to date");
      } else {
        System.out.println(target + ": applied " + String.join(", ", applied));
      }
    }
    return 0;
  }
}
