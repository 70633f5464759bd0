package io.activitytrail.api;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.proc.SingleKeyJWSKeySelector;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code Authorization: Bearer <JWT>}: signed with the one configured key and algorithm
 * (HS256 secret or RS256 public key; a token with any other algorithm, including {@code none}, is
 * refused), not expired, with {@code sub}, {@code workspace_id}, {@code role} and {@code exp}.
 */
public final class TokenVerifier {

  private static final Set<String> REQUIRED =
      Set.of("sub", ApiTokens.WORKSPACE_CLAIM, ApiTokens.ROLE_CLAIM, "exp");

  private final DefaultJWTProcessor<SecurityContext> processor;

  private TokenVerifier(JWSAlgorithm algorithm, Key key) {
    processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new SingleKeyJWSKeySelector<>(algorithm, key));
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(null, REQUIRED));
  }

  public static TokenVerifier hs256(byte[] secret) {
    if (secret.length < ApiSecret.MIN_BYTES) {
      throw new IllegalArgumentException("an HS256 secret needs at least 32 bytes");
    }
    return new TokenVerifier(JWSAlgorithm.HS256, new SecretKeySpec(secret, "HmacSHA256"));
  }

  public static TokenVerifier rs256(RSAPublicKey key) {
    return new TokenVerifier(JWSAlgorithm.RS256, key);
  }

  /** An RS256 verifier from a PEM file holding {@code -----BEGIN PUBLIC KEY-----} (X.509 SPKI). */
  public static TokenVerifier rs256(Path pemFile) {
    String pem;
    try {
      pem = Files.readString(pemFile, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the JWT public key " + pemFile, e);
    }
    if (!pem.contains("-----BEGIN PUBLIC KEY-----")) {
      throw new IllegalArgumentException(
          pemFile + " is not a PEM public key (expected -----BEGIN PUBLIC KEY-----)");
    }
    String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      return rs256(
          (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)));
    } catch (Exception e) {
      throw new IllegalArgumentException(
          pemFile + " does not hold an RSA public key: " + e.getMessage(), e);
    }
  }

  /**
   * @param authorization the Authorization header, null when absent
   * @throws Unauthorized when the header is missing or the token is not acceptable
   */
  public Caller verify(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw new Unauthorized("a bearer token is required", false);
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new Unauthorized("the Authorization header must be 'Bearer <token>'", false);
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(authorization.substring(7).trim(), null);
    } catch (BadJWTException e) {
      throw new Unauthorized(describe(e), true);
    } catch (ParseException | BadJOSEException e) {
      throw new Unauthorized("the token is malformed or not signed with the expected key", true);
    } catch (Exception e) {
      throw new Unauthorized("the token cannot be verified", true);
    }
    try {
      String workspace = claims.getStringClaim(ApiTokens.WORKSPACE_CLAIM);
      String roleName = claims.getStringClaim(ApiTokens.ROLE_CLAIM);
      Role role =
          Role.parse(roleName)
              .orElseThrow(
                  () -> new Unauthorized("the role claim must be member, admin or auditor", true));
      return new Caller(claims.getSubject(), workspace, role);
    } catch (ParseException e) {
      throw new Unauthorized("workspace_id and role must be strings", true);
    }
  }

  /** Nimbus's messages are precise and reveal nothing secret: keep them, minus the jargon. */
  private static String describe(BadJWTException e) {
    String message = e.getMessage();
    if (message != null && message.toLowerCase().contains("expired")) {
      return "the token has expired";
    }
    return message == null ? "the token's claims are not acceptable" : message;
  }
}
