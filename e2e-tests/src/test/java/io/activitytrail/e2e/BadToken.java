package io.activitytrail.e2e;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.activitytrail.api.ApiTokens;
import io.activitytrail.api.Role;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * An Authorization header (null: none) made from the engine's secret and the caller's workspace,
 * and what the 401 must say. {@link #cases()} is every way a token can be unusable.
 */
record BadToken(
    String what,
    BiFunction<byte[], String, String> authorization,
    boolean tokenSent,
    String errorContains) {
  private static final String NOT_VERIFIED =
      "the token is malformed or not signed with the expected key";

  @Override
  public String toString() {
    return what;
  }

  static Stream<BadToken> cases() {
    return Stream.of(
        new BadToken(
            "no Authorization header", (s, ws) -> null, false, "a bearer token is required"),
        new BadToken(
            "Basic credentials instead of a bearer token",
            (s, ws) -> "Basic ZTJlOnNlY3JldA==",
            false,
            "the Authorization header must be 'Bearer <token>'"),
        new BadToken(
            "a valid token without the Bearer scheme",
            (s, ws) -> TrailApi.token(s, ws, Role.admin, Duration.ofMinutes(5), Instant.now()),
            false,
            "the Authorization header must be 'Bearer <token>'"),
        new BadToken("garbage token", (s, ws) -> "Bearer not.a.token", true, NOT_VERIFIED),
        new BadToken(
            "unsigned token (alg none)",
            (s, ws) -> "Bearer " + new PlainJWT(claims(ws).build()).serialize(),
            true,
            NOT_VERIFIED),
        new BadToken(
            "token signed with another secret",
            (s, ws) ->
                "Bearer "
                    + TrailApi.token(
                        "another-secret-another-secret-another-secret"
                            .getBytes(StandardCharsets.UTF_8),
                        ws,
                        Role.admin,
                        Duration.ofMinutes(5),
                        Instant.now()),
            true,
            NOT_VERIFIED),
        new BadToken(
            "token signed with RS256 (another algorithm)",
            (s, ws) -> "Bearer " + rs256(claims(ws).build()),
            true,
            NOT_VERIFIED),
        new BadToken(
            "member token whose payload was edited to admin (signature kept)",
            (s, ws) ->
                "Bearer "
                    + escalated(
                        TrailApi.token(s, ws, Role.member, Duration.ofMinutes(5), Instant.now()),
                        ws),
            true,
            NOT_VERIFIED),
        new BadToken(
            "expired token",
            (s, ws) ->
                "Bearer "
                    + TrailApi.token(
                        s,
                        ws,
                        Role.admin,
                        Duration.ofMinutes(1),
                        Instant.now().minus(Duration.ofHours(2))),
            true,
            "the token has expired"),
        new BadToken(
            "token not valid yet (nbf in 10 minutes)",
            (s, ws) ->
                "Bearer "
                    + hs256(
                        s,
                        claims(ws)
                            .notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))
                            .build()),
            true,
            "JWT before use time"),
        new BadToken(
            "token without sub",
            (s, ws) -> "Bearer " + hs256(s, claims(ws).subject(null).build()),
            true,
            "missing required claims: [sub]"),
        new BadToken(
            "token without workspace_id",
            (s, ws) -> "Bearer " + hs256(s, claims(ws).claim("workspace_id", null).build()),
            true,
            "missing required claims: [workspace_id]"),
        new BadToken(
            "token without role",
            (s, ws) -> "Bearer " + hs256(s, claims(ws).claim("role", null).build()),
            true,
            "missing required claims: [role]"),
        new BadToken(
            "token without exp",
            (s, ws) -> "Bearer " + hs256(s, claims(ws).expirationTime(null).build()),
            true,
            "missing required claims: [exp]"),
        new BadToken(
            "token with an unknown role (owner)",
            (s, ws) -> "Bearer " + hs256(s, claims(ws).claim("role", "owner").build()),
            true,
            "the role claim must be member, admin or auditor"),
        new BadToken(
            "token whose workspace_id is a number",
            (s, ws) -> "Bearer " + hs256(s, claims(ws).claim("workspace_id", 42).build()),
            true,
            "workspace_id and role must be strings"));
  }

  /** The claims a valid token has; cases remove or change one. */
  private static JWTClaimsSet.Builder claims(String workspace) {
    return new JWTClaimsSet.Builder()
        .subject(TrailApi.USER)
        .claim(ApiTokens.WORKSPACE_CLAIM, workspace)
        .claim(ApiTokens.ROLE_CLAIM, Role.admin.name())
        .issueTime(new Date())
        .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))));
  }

  private static String hs256(byte[] secret, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
      jwt.sign(new MACSigner(secret));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String rs256(JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
      jwt.sign(new RSASSASigner(RsaKey.PRIVATE));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One RSA key for the RS256 cases, made on first use (2048-bit generation takes a while). */
  private static final class RsaKey {
    static final PrivateKey PRIVATE = generate();

    private static PrivateKey generate() {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A valid token with its payload replaced by one granting admin, the signature left as is. */
  private static String escalated(String memberToken, String workspace) {
    String[] parts = memberToken.split("\\.");
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(claims(workspace).build().toString().getBytes(StandardCharsets.UTF_8));
    return parts[0] + "." + payload + "." + parts[2];
  }
}
