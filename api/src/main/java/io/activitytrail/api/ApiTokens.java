package io.activitytrail.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Mints HS256 tokens with the claims the API requires, for `trail token` and the local cli. */
public final class ApiTokens {

  public static final String WORKSPACE_CLAIM = "workspace_id";
  public static final String ROLE_CLAIM = "role";

  private ApiTokens() {}

  public static String mint(
      byte[] secret, String userId, String workspaceId, Role role, Duration ttl, Instant now) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject(userId)
            .claim(WORKSPACE_CLAIM, workspaceId)
            .claim(ROLE_CLAIM, role.name())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(new MACSigner(secret));
    } catch (JOSEException e) {
      throw new IllegalArgumentException("cannot sign with this secret: " + e.getMessage(), e);
    }
    return jwt.serialize();
  }
}
