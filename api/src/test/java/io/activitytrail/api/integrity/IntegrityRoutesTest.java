package io.activitytrail.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activitytrail.api.Activities;
import io.activitytrail.api.Role;
import io.activitytrail.api.TestApi;
import io.activitytrail.clickhouse.CheckpointRows;
import io.activitytrail.integrity.Keys;
import io.activitytrail.integrity.LeafEntry;
import io.activitytrail.integrity.Verifier.SignedInterval;
import io.activitytrail.integrity.WorkspaceLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IntegrityRoutesTest {
  private static final String WS = "proven";
  private static final String LATEST = "/v1/workspaces/" + WS + "/checkpoints/latest";

  private static TestApi api;
  private static SignedInterval second;

  @BeforeAll
  static void start() {
    api = TestApi.start();
    String keyId = Keys.keyId(TestApi.INTEGRITY_KEY.getPublic());
    WorkspaceLog log = WorkspaceLog.empty(WS);
    List<SignedInterval> intervals = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      List<LeafEntry> entries = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        WorkspaceLog.Appended a = log.append(Activities.in(WS).minute(round * 3 + i).build(), 365);
        log = a.log();
        entries.add(a.entry());
      }
      WorkspaceLog.Signed signed =
          log.checkpoint(
              Instant.parse("2026-12-08T10:00:00Z").plusSeconds(round),
              TestApi.INTEGRITY_KEY.getPrivate(),
              keyId,
              entries);
      log = signed.log();
      intervals.add(signed.interval());
    }
    second = intervals.get(1);
    api.insertCheckpoints(intervals);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  @DisplayName("the public keys are served to anyone: id, algorithm, key")
  void keys() {
    TestApi.Answer answer = api.get("/v1/integrity/keys", null);
    assertThat(answer.status()).isEqualTo(200);
    JsonNode key = answer.json().get("keys").get(0);
    assertThat(key.get("key_id").asText()).isEqualTo(Keys.keyId(TestApi.INTEGRITY_KEY.getPublic()));
    assertThat(key.get("algorithm").asText()).isEqualTo("Ed25519");
    assertThat(
            Keys.keyId(
                Keys.publicKey(
                    java.util.Base64.getDecoder().decode(key.get("public_key").asText()))))
        .isEqualTo(key.get("key_id").asText());
  }

  @Test
  @DisplayName(
      "an admin or auditor gets the newest checkpoint, which reads back as the signed one; members 403, others 404")
  void latest() throws Exception {
    TestApi.Answer answer = api.get(LATEST, TestApi.token(WS, Role.auditor));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    Map<String, Object> row =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readValue(answer.body(), new com.fasterxml.jackson.core.type.TypeReference<>() {});
    assertThat(row)
        .containsEntry("number", 2)
        .containsEntry("tree_size", 6)
        .containsEntry("entries", 3);
    assertThat(CheckpointRows.fromRow(row).checkpoint().sameAs(second.checkpoint())).isTrue();

    assertThat(api.get(LATEST, TestApi.token(WS, Role.member)).status()).isEqualTo(403);
    assertThat(api.get(LATEST, TestApi.token("elsewhere", Role.admin)).status()).isEqualTo(404);
    assertThat(
            api.get("/v1/workspaces/empty/checkpoints/latest", TestApi.token("empty", Role.admin))
                .status())
        .isEqualTo(404);
    assertThat(api.get(LATEST, null).status()).isEqualTo(401);
  }
}
