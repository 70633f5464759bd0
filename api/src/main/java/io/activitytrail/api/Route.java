package io.activitytrail.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Which endpoint a path names, and its path variables. {@link Kind#template} is the metrics label,
 * so a label never carries a workspace or record id (unbounded cardinality).
 */
public record Route(Kind kind, String workspace, String recordType, String recordId) {

  public enum Kind {
    HEALTH("/health"),
    METRICS("/metrics"),
    OPENAPI_JSON("/openapi.json"),
    OPENAPI_YAML("/openapi.yaml"),
    FEED("/v1/workspaces/{ws}/activities"),
    TIMELINE("/v1/workspaces/{ws}/records/{record_type}/{record_id}/timeline"),
    AUDIT("/v1/workspaces/{ws}/audit-events");

    public final String template;

    Kind(String template) {
      this.template = template;
    }

    public boolean readsWorkspace() {
      return this == FEED || this == TIMELINE || this == AUDIT;
    }
  }

  /** Matches a raw (still percent-encoded) path; each segment is decoded after splitting. */
  public static Optional<Route> match(String rawPath) {
    String trimmed = rawPath.replaceAll("^/+|/+$", "");
    String[] p = trimmed.split("/", -1);
    if (p.length == 1) {
      for (Kind kind :
          new Kind[] {Kind.HEALTH, Kind.METRICS, Kind.OPENAPI_JSON, Kind.OPENAPI_YAML}) {
        if (kind.template.substring(1).equals(p[0])) {
          return Optional.of(new Route(kind, null, null, null));
        }
      }
      return Optional.empty();
    }
    if (p.length < 4 || !p[0].equals("v1") || !p[1].equals("workspaces") || p[2].isEmpty()) {
      return Optional.empty();
    }
    String ws = decode(p[2]);
    if (p.length == 4 && p[3].equals("activities")) {
      return Optional.of(new Route(Kind.FEED, ws, null, null));
    }
    if (p.length == 4 && p[3].equals("audit-events")) {
      return Optional.of(new Route(Kind.AUDIT, ws, null, null));
    }
    if (p.length == 7
        && p[3].equals("records")
        && !p[4].isEmpty()
        && !p[5].isEmpty()
        && p[6].equals("timeline")) {
      return Optional.of(new Route(Kind.TIMELINE, ws, decode(p[4]), decode(p[5])));
    }
    return Optional.empty();
  }

  private static String decode(String segment) {
    // URLDecoder would turn '+' into a space, which is form encoding, not path encoding.
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
