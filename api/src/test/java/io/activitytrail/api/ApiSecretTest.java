package io.activitytrail.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiSecretTest {

  @Test
  @DisplayName("the secret is created once, 0600, and read back the same by later callers")
  void createdOnce(@TempDir Path home) throws Exception {
    Path file = ApiSecret.file(home.resolve("conf"));
    byte[] first = ApiSecret.loadOrCreate(file);
    byte[] second = ApiSecret.loadOrCreate(file);

    assertThat(second).isEqualTo(first);
    assertThat(first.length).isGreaterThanOrEqualTo(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.list(file.getParent())).containsExactly(file);
  }

  @Test
  @DisplayName("a token minted with the file's secret passes the verifier built from it")
  void mintAndVerify(@TempDir Path home) {
    byte[] secret = ApiSecret.loadOrCreate(home.resolve("api-secret"));
    String token =
        ApiTokens.mint(secret, "u-1", "acme", Role.auditor, Duration.ofMinutes(1), Instant.now());
    assertThat(TokenVerifier.hs256(secret).verify("Bearer " + token))
        .isEqualTo(new Caller("u-1", "acme", Role.auditor));
  }

  @Test
  @DisplayName("a secret file shorter than 32 bytes is refused, naming the file")
  void tooShort(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("short"), "hunter2\n");
    assertThatThrownBy(() -> ApiSecret.read(file))
        .hasMessageContaining(file.toString())
        .hasMessageContaining("at least 32");
  }
}
