package io.activitytrail.api.integrity;

import com.sun.net.httpserver.HttpExchange;
import io.activitytrail.api.ApiResponses;
import io.activitytrail.api.Caller;
import io.activitytrail.api.QueryString;
import io.activitytrail.api.Routes;
import io.activitytrail.api.TokenVerifier;
import io.activitytrail.clickhouse.CheckpointRows;
import io.activitytrail.clickhouse.IntegrityQueries;
import io.activitytrail.integrity.Keys;
import io.activitytrail.integrity.Verifier.SignedInterval;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a verifier needs from the API (docs/integrity.md):
 *
 * <ul>
 *   <li>{@code GET /v1/integrity/keys}, open: the public keys checkpoints are signed with;
 *   <li>{@code GET /v1/workspaces/{ws}/checkpoints/latest}, admins and auditors: the newest signed
 *       checkpoint of the workspace, to pin ({@code trail verify --pin}); 404 before the first.
 * </ul>
 */
public final class IntegrityRoutes implements Routes {

  public static final String KEYS_TEMPLATE = "/v1/integrity/keys";
  public static final String LATEST_TEMPLATE = "/v1/workspaces/{ws}/checkpoints/latest";

  private static final Pattern LATEST =
      Pattern.compile("^/v1/workspaces/([^/]+)/checkpoints/latest$");
  private static final Logger LOG = LoggerFactory.getLogger(IntegrityRoutes.class);

  private final IntegrityQueries queries;
  private final TokenVerifier verifier;
  private final List<PublicKey> keys;

  /**
   * @param publicKeys the X.509 encodings of the keys the job signs with (old ones too, while their
   *     checkpoints are kept)
   */
  public IntegrityRoutes(
      IntegrityQueries queries, TokenVerifier verifier, List<byte[]> publicKeys) {
    this.queries = queries;
    this.verifier = verifier;
    this.keys = publicKeys.stream().map(Keys::publicKey).toList();
  }

  @Override
  public Optional<String> template(String rawPath) {
    if (rawPath.equals(KEYS_TEMPLATE)) {
      return Optional.of(KEYS_TEMPLATE);
    }
    return LATEST.matcher(rawPath).matches() ? Optional.of(LATEST_TEMPLATE) : Optional.empty();
  }

  @Override
  public int handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    try {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET");
        return ApiResponses.json(exchange, 405, Map.of("error", "only GET is supported here"));
      }
      QueryString.parse(exchange.getRequestURI().getRawQuery()).allowOnly(Set.of());
      if (path.equals(KEYS_TEMPLATE)) {
        return ApiResponses.json(exchange, 200, Map.of("keys", keyList()));
      }
      Matcher m = LATEST.matcher(path);
      if (!m.matches()) {
        return ApiResponses.json(exchange, 404, ApiResponses.NOT_FOUND);
      }
      String workspace = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
      Caller caller = verifier.verify(exchange.getRequestHeaders().getFirst("Authorization"));
      if (!caller.workspaceId().equals(workspace)) {
        return ApiResponses.json(exchange, 404, ApiResponses.NOT_FOUND);
      }
      if (!caller.role().readsAudit()) {
        return ApiResponses.json(
            exchange, 403, Map.of("error", "checkpoints are for admins and auditors"));
      }
      Optional<SignedInterval> latest = queries.latest(workspace);
      if (latest.isEmpty()) {
        return ApiResponses.json(
            exchange, 404, Map.of("error", "no checkpoint of this workspace yet"));
      }
      Map<String, Object> json = CheckpointRows.checkpointJson(latest.get().checkpoint());
      json.put("entries", latest.get().entries().size());
      return ApiResponses.json(exchange, 200, json);
    } catch (RuntimeException e) {
      return ApiResponses.failed(exchange, e, LOG, "integrity request");
    }
  }

  private List<Map<String, Object>> keyList() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (PublicKey key : keys) {
      Map<String, Object> k = new LinkedHashMap<>();
      k.put("key_id", Keys.keyId(key));
      k.put("algorithm", "Ed25519");
      k.put("public_key", Base64.getEncoder().encodeToString(key.getEncoded()));
      out.add(k);
    }
    return out;
  }
}
