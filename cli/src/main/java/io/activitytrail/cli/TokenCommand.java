package io.activitytrail.cli;

import io.activitytrail.api.ApiSecret;
import io.activitytrail.api.ApiTokens;
import io.activitytrail.api.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Print an HS256 bearer token for the API, signed with the local stack's secret",
      "(${TRAIL_HOME}/conf/api-secret, created on first use) or with --secret-file.",
      "Example: curl -H \"Authorization: Bearer $(trail token --workspace acme --role admin"
          + " --user 7)\" http://127.0.0.1:18080/v1/workspaces/acme/audit-events"
    })
final class TokenCommand implements Callable<Integer> {

  @Option(names = "--workspace", required = true, description = "The workspace the token reads.")
  String workspace;

  @Option(
      names = "--role",
      required = true,
      description = "member, admin or auditor (valid: ${COMPLETION-CANDIDATES}).")
  Role role;

  @Option(names = "--user", required = true, description = "The user id (the sub claim).")
  String user;

  @Option(
      names = "--ttl",
      defaultValue = "1h",
      description = "How long the token is valid, e.g. 15m, 1h, 24h (default ${DEFAULT-VALUE}).")
  Duration ttl;

  @Option(
      names = "--secret-file",
      description = "Sign with this secret instead of the local stack's.")
  Path secretFile;

  @Override
  public Integer call() {
    byte[] secret =
        secretFile != null
            ? ApiSecret.read(secretFile)
            : ApiSecret.loadOrCreate(ApiSecret.file(Trail.stackConfig().confDir()));
    System.out.println(ApiTokens.mint(secret, user, workspace, role, ttl, Instant.now()));
    return 0;
  }
}
