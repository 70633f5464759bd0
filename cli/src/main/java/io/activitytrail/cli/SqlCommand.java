package io.activitytrail.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Run one read-only SQL statement on the store's ClickHouse HTTP interface (the local stack's",
      "by default, or a server with --url) and print the result. The views are in docs/sql.md,",
      "the compliance questions in docs/compliance-sql.md.",
      "Example: trail sql \"SELECT ip, count() FROM logins WHERE NOT succeeded GROUP BY ip\"",
      "Exit code 0 ok, 1 when ClickHouse refuses or fails the statement, 2 usage error."
    })
final class SqlCommand implements Callable<Integer> {

  enum Format {
    table("PrettyCompactMonoBlock"),
    csv("CSVWithNames"),
    json("JSONEachRow"),
    tsv("TSVWithNames");

    final String clickhouse;

    Format(String clickhouse) {
      this.clickhouse = clickhouse;
    }
  }

  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", description = "The statement (or use --file).")
  String statement;

  @Option(names = "--file", description = "Read the statement from this file.")
  Path file;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table, csv, json (one object per line) or tsv (default ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--param",
      description =
          "A query parameter, name=value, bound to {name:Type} in the statement (repeatable).")
  Map<String, String> params = new LinkedHashMap<>();

  @Mixin SqlEndpointOptions endpoint;

  @Override
  public Integer call() throws Exception {
    String sql = statement(spec);
    SqlClient.Answer answer = endpoint.client().run(sql, format.clickhouse, params);
    PrintStream out = answer.ok() ? System.out : System.err;
    out.write(answer.body());
    out.flush();
    return answer.ok() ? 0 : 1;
  }

  private String statement(CommandSpec spec) throws java.io.IOException {
    if ((statement == null) == (file == null)) {
      throw new ParameterException(spec.commandLine(), "give a statement or --file, not both");
    }
    return file != null ? Files.readString(file, StandardCharsets.UTF_8) : statement;
  }
}
