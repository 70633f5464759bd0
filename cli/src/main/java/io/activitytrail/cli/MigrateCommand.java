package io.activitytrail.cli;

import io.activitytrail.clickhouse.ClickHouse;
import io.activitytrail.clickhouse.ClickHouseMigrations;
import io.activitytrail.clickhouse.access.ServerAccess;
import io.activitytrail.clickhouse.target.ClickHouseTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Apply the ClickHouse migrations (tables, views) to a ClickHouse server, then create the",
      "writer role (INSERT only, for the job) and the reader role (read-only, for people, tools",
      "and the API), and their users when asked. Every step is idempotent.",
      "The local stack's embedded ClickHouse is migrated by the engine at start."
    })
final class MigrateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--clickhouse-url",
      description = "e.g. http://host:8123 (required unless --print)")
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

  @Option(
      names = "--print",
      description =
          "Print every statement (as for an empty server: migrations, their records, roles)"
              + " instead of running anything.")
  boolean print;

  @Option(
      names = "--no-roles",
      description = "Only the migrations: no roles, profile or users (an admin without ACCESS).")
  boolean noRoles;

  @Option(
      names = "--writer-role",
      defaultValue = ServerAccess.WRITER_ROLE,
      description = "Role with INSERT on the tables the job writes. Default: ${DEFAULT-VALUE}.")
  String writerRole;

  @Option(
      names = "--reader-role",
      defaultValue = ServerAccess.READER_ROLE,
      description =
          "Role with SELECT on the views and page tables, readonly=1 and the SQL interface's"
              + " limits. Default: ${DEFAULT-VALUE}.")
  String readerRole;

  @Option(
      names = "--writer-user",
      description = "Also create (or update) this user with the writer role.")
  String writerUser;

  @Option(
      names = "--writer-password-file",
      description = "The writer user's password: the file's first line.")
  Path writerPasswordFile;

  @Option(
      names = "--reader-user",
      description = "Also create (or update) this user with the reader role.")
  String readerUser;

  @Option(
      names = "--reader-password-file",
      description = "The reader user's password: the file's first line.")
  Path readerPasswordFile;

  @Override
  public Integer call() throws IOException {
    ServerAccess access = access();
    if (print) {
      print(spec.commandLine().getOut(), access);
      spec.commandLine().getOut().flush();
      return 0;
    }
    if (url == null || url.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--clickhouse-url is required (or --print)");
    }
    ClickHouseTarget target = ClickHouseTarget.server(url, user, password, database);
    try (ClickHouse ch = target.connect()) {
      List<String> applied = ClickHouseMigrations.apply(ch, database);
      if (applied.isEmpty()) {
        System.out.println(target + ": up to date");
      } else {
        System.out.println(target + ": applied " + String.join(", ", applied));
      }
      if (access != null) {
        access.statements().forEach(ch::execute);
        System.out.println(
            target
                + ": roles "
                + access.writerRole()
                + " (INSERT on "
                + String.join(", ", ServerAccess.WRITTEN_TABLES)
                + ") and "
                + access.readerRole()
                + " (read-only, profile "
                + access.readerProfile()
                + ")"
                + (access.users().isEmpty()
                    ? ""
                    : ", users "
                        + String.join(
                            ", ", access.users().stream().map(ServerAccess.User::name).toList())));
      }
    }
    return 0;
  }

  /** The roles and users to create, or null with --no-roles. */
  private ServerAccess access() throws IOException {
    if (noRoles) {
      return null;
    }
    ServerAccess access =
        new ServerAccess(
            database, writerRole, readerRole, ServerAccess.of(database).limits(), List.of());
    if (writerUser != null) {
      access =
          access.withUser(
              ServerAccess.User.withPassword(
                  writerUser, writerRole, password("--writer-password-file", writerPasswordFile)));
    }
    if (readerUser != null) {
      access =
          access.withUser(
              ServerAccess.User.withPassword(
                  readerUser, readerRole, password("--reader-password-file", readerPasswordFile)));
    }
    return access;
  }

  private String password(String option, Path file) throws IOException {
    if (file == null) {
      throw new ParameterException(spec.commandLine(), "a user needs " + option);
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || lines.get(0).isEmpty()) {
      throw new ParameterException(spec.commandLine(), option + " " + file + " holds no password");
    }
    return lines.get(0);
  }

  /** Statements end with a semicolon and a blank line, so the output runs as one script. */
  void print(PrintWriter out, ServerAccess access) {
    out.println("-- ClickHouse migrations of database " + database + ", as for an empty server");
    ClickHouseMigrations.script(database).forEach(s -> out.print(s + ";\n\n"));
    if (access != null) {
      out.print(accessScript(access));
    }
  }

  /** The roles part of {@code --print}. */
  static String accessScript(ServerAccess access) {
    StringBuilder out = new StringBuilder();
    out.append("-- roles: ")
        .append(access.writerRole())
        .append(" may only insert, ")
        .append(access.readerRole())
        .append(" may only read\n");
    access.statements().forEach(s -> out.append(s).append(";\n\n"));
    return out.toString();
  }
}
