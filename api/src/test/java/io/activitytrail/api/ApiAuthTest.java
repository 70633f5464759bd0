package io.activitytrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiAuthTest {

  private static final String FEED = "/v1/workspaces/acme/activities";
  private static TestApi api;

  @BeforeAll
  static void start() {
    api = TestApi.start();
    api.insert(List.of(Activities.in("acme").build(), Activities.in("globex").build()));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  @DisplayName("no Authorization header: 401 with a Bearer challenge and no error code")
  void missingToken() {
    TestApi.Answer answer = api.get(FEED, null);
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"activity-trail\"");
  }

  @Test
  @DisplayName("an expired token: 401, invalid_token, 'expired'")
  void expired() {
    String token =
        ApiTokens.mint(
            TestApi.SECRET,
            "7",
            "acme",
            Role.admin,
            Duration.ofMinutes(1),
            Instant.now().minus(Duration.ofHours(2)));
    TestApi.Answer answer = api.get(FEED, token);
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    assertThat(answer.json().get("error").asText()).contains("expired");
  }

  @Test
  @DisplayName("a token signed with another secret: 401")
  void wrongSecret() {
    byte[] other = "another-secret-another-secret-another-secret".getBytes(StandardCharsets.UTF_8);
    String token =
        ApiTokens.mint(other, "7", "acme", Role.admin, Duration.ofMinutes(5), Instant.now());
    assertThat(api.get(FEED, token).status()).isEqualTo(401);
  }

  @Test
  @DisplayName("an unsigned token (alg none) and garbage: 401")
  void unsignedAndGarbage() {
    String none =
        new PlainJWT(
                new JWTClaimsSet.Builder()
                    .subject("7")
                    .claim("workspace_id", "acme")
                    .claim("role", "admin")
                    .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                    .build())
            .serialize();
    assertThat(api.get(FEED, none).status()).isEqualTo(401);
    assertThat(api.get(FEED, "not.a.token").status()).isEqualTo(401);
  }

  @Test
  @DisplayName("a token without workspace_id, or with an unknown role: 401")
  void missingOrBadClaims() throws Exception {
    JWTClaimsSet noWorkspace =
        new JWTClaimsSet.Builder()
            .subject("7")
            .claim("role", "admin")
            .expirationTime(Date.from(Instant.now().plusSeconds(300)))
            .build();
    JWTClaimsSet badRole =
        new JWTClaimsSet.Builder()
            .subject("7")
            .claim("workspace_id", "acme")
            .claim("role", "owner")
            .expirationTime(Date.from(Instant.now().plusSeconds(300)))
            .build();
    JWTClaimsSet noExpiry =
        new JWTClaimsSet.Builder()
            .subject("7")
            .claim("workspace_id", "acme")
            .claim("role", "admin")
            .build();
    for (JWTClaimsSet claims : List.of(noWorkspace, badRole, noExpiry)) {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
      jwt.sign(new com.nimbusds.jose.crypto.MACSigner(TestApi.SECRET));
      assertThat(api.get(FEED, jwt.serialize()).status()).as(claims.toString()).isEqualTo(401);
    }
  }

  @Test
  @DisplayName(
      "a token for acme asking for globex gets 404 with the body of a workspace that does"
          + " not exist")
  void otherWorkspace() {
    String token = TestApi.token("acme", Role.admin);
    TestApi.Answer globex = api.get("/v1/workspaces/globex/activities", token);
    TestApi.Answer nowhere = api.get("/v1/workspaces/no-such-ws/activities", token);
    assertThat(globex.status()).isEqualTo(404);
    assertThat(globex.body()).isEqualTo(nowhere.body()).doesNotContain("globex");
    assertThat(nowhere.status()).isEqualTo(404);
  }

  @Test
  @DisplayName("members get 403 on the audit log; admins and auditors 200")
  void auditRoles() {
    String path = "/v1/workspaces/acme/audit-events";
    assertThat(api.get(path, TestApi.token("acme", Role.member)).status()).isEqualTo(403);
    assertThat(api.get(path, TestApi.token("acme", Role.admin)).status()).isEqualTo(200);
    assertThat(api.get(path, TestApi.token("acme", Role.auditor)).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("/health, /metrics and the OpenAPI document need no token")
  void openEndpoints() {
    assertThat(api.get("/health", null).status()).isEqualTo(200);
    assertThat(api.get("/metrics", null).status()).isEqualTo(200);
    assertThat(api.get("/openapi.json", null).status()).isEqualTo(200);
  }

  @Test
  @DisplayName(
      "RS256: a token signed with the platform's private key passes, an HS256 one does" + " not")
  void rs256(@TempDir Path dir) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    Path pem = dir.resolve("public.pem");
    Files.writeString(
        pem,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    TokenVerifier verifier = TokenVerifier.rs256(pem);
    assertThat(((RSAPublicKey) keys.getPublic()).getModulus().bitLength()).isEqualTo(2048);

    SignedJWT signed =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.RS256),
            new JWTClaimsSet.Builder()
                .subject("9")
                .claim("workspace_id", "acme")
                .claim("role", "auditor")
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build());
    signed.sign(new RSASSASigner(keys.getPrivate()));

    assertThat(verifier.verify("Bearer " + signed.serialize()))
        .isEqualTo(new Caller("9", "acme", Role.auditor));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> verifier.verify("Bearer " + TestApi.token("acme", Role.admin)))
        .isInstanceOf(Unauthorized.class);
  }
}
