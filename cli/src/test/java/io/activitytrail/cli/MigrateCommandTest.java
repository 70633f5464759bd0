package io.activitytrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.clickhouse.ClickHouseMigrations;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code trail migrate --print}: what an administrator can read, or run by hand, instead. */
class MigrateCommandTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden/migrate-print-roles.sql");

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Trail.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  @DisplayName("--print prints the migrations, then the roles and users of the golden file")
  void printsEveryStatement() throws IOException {
    Files.writeString(dir.resolve("writer"), "w-secret\n");
    Files.writeString(dir.resolve("reader"), "r-secret\n");

    int code =
        run(
            "migrate",
            "--print",
            "--writer-user",
            "trail_job",
            "--writer-password-file",
            dir.resolve("writer").toString(),
            "--reader-user",
            "auditor",
            "--reader-password-file",
            dir.resolve("reader").toString());

    assertThat(code).as(err.toString()).isZero();
    String printed = out.toString();
    StringBuilder migrations =
        new StringBuilder("-- ClickHouse migrations of database trail, as for an empty server\n");
    ClickHouseMigrations.script("trail").forEach(s -> migrations.append(s).append(";\n\n"));
    assertThat(printed).startsWith(migrations.toString()).doesNotContain("w-secret", "r-secret");
    String roles = printed.substring(migrations.length());
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(GOLDEN, roles, StandardCharsets.UTF_8);
    }
    assertThat(roles).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("--no-roles prints only the migrations")
  void noRoles() {
    assertThat(run("migrate", "--print", "--no-roles")).isZero();
    assertThat(out.toString()).doesNotContain("CREATE ROLE", "GRANT");
  }

  @Test
  @DisplayName("a user without its password file is a usage error")
  void userNeedsPassword() {
    assertThat(run("migrate", "--print", "--reader-user", "auditor")).isEqualTo(2);
    assertThat(err.toString()).contains("--reader-password-file");
  }

  @Test
  @DisplayName("without --print, --clickhouse-url is required")
  void urlRequired() {
    assertThat(run("migrate")).isEqualTo(2);
    assertThat(err.toString()).contains("--clickhouse-url");
  }
}
