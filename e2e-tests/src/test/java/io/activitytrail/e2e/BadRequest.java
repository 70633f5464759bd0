package io.activitytrail.e2e;

import java.util.stream.Stream;

/**
 * One refused request: method and path below /v1/workspaces/{A} (placeholders as {@link
 * TwoWorkspaces#path} fills them), and what the 400 must say. {@link #cases()} is every bad
 * parameter of every endpoint.
 */
record BadRequest(String what, String method, String path, String parameter, String errorContains) {
  private static final String CURSOR_REFUSED = "the cursor is not valid for this query";

  @Override
  public String toString() {
    return what + " (" + method + " …" + path + ") -> 400 naming " + parameter;
  }

  static Stream<BadRequest> cases() {
    String limitRange = "limit must be a whole number from 1 to 500, got ";
    String feedTakes =
        "this endpoint takes [actor, cursor, field, from, limit, new, old, record_type, to, type]";
    String auditTakes =
        "this endpoint takes [actor, cursor, field, from, ip, limit, new, old, outcome, to, type]";
    String timelineTakes = "this endpoint takes [cursor, limit, order]";
    String dateFormat =
        " must be an ISO-8601 time with offset (2025-03-04T10:15:30Z) or a date (2025-03-04), got ";
    String feed = "/activities";
    String timeline = "/records/ticket/{ticket}/timeline";
    String audit = "/audit-events";
    String exports = "/exports";
    return Stream.of(
        // the feed
        get("feed: limit 0", feed + "?limit=0", "limit", limitRange + "'0'"),
        get("feed: limit 501", feed + "?limit=501", "limit", limitRange + "'501'"),
        get("feed: limit not a number", feed + "?limit=ten", "limit", limitRange + "'ten'"),
        get("feed: limit 2.5", feed + "?limit=2.5", "limit", limitRange + "'2.5'"),
        get("feed: limit twice", feed + "?limit=5&limit=6", "limit", "limit may be given once"),
        get("feed: empty limit", feed + "?limit=", "limit", "limit must not be empty"),
        get(
            "feed: unknown type",
            feed + "?type=statuschanged",
            "type",
            "unknown type 'statuschanged'; known: ["),
        get(
            "feed: one unknown type among known ones",
            feed + "?type=created&type=nope",
            "type",
            "unknown type 'nope'"),
        get(
            "feed: unknown record_type",
            feed + "?record_type=spaceship",
            "record_type",
            "unknown record_type 'spaceship'; known: ["),
        get("feed: empty type", feed + "?type=", "type", "type must not be empty"),
        get("feed: empty actor", feed + "?actor=", "actor", "actor must not be empty"),
        get("feed: malformed from", feed + "?from=yesterday", "from", "from" + dateFormat),
        get("feed: malformed to (month 13)", feed + "?to=2025-13-01", "to", "to" + dateFormat),
        get(
            "feed: from without an offset",
            feed + "?from=2025-03-04T10:15:30",
            "from",
            "from" + dateFormat + "'2025-03-04T10:15:30'"),
        get(
            "feed: from after to",
            feed + "?from=2025-03-04T10:00:00Z&to=2025-03-03T10:00:00Z",
            "from",
            "from (2025-03-04T10:00:00Z) is after to (2025-03-03T10:00:00Z)"),
        get(
            "feed: from twice",
            feed + "?from=2025-03-01&from=2025-03-02",
            "from",
            "from may be given once, got 2 values"),
        get("feed: malformed cursor", feed + "?cursor=not-a-cursor", "cursor", CURSOR_REFUSED),
        get("feed: cursor not base64url", feed + "?cursor=%2F%2F%2F", "cursor", CURSOR_REFUSED),
        get("feed: empty cursor", feed + "?cursor=", "cursor", "cursor must not be empty"),
        get("feed: an audit-log cursor", feed + "?cursor={audit-cursor}", "cursor", CURSOR_REFUSED),
        get(
            "feed: a timeline cursor",
            feed + "?cursor={timeline-asc-cursor}",
            "cursor",
            CURSOR_REFUSED),
        get(
            "feed: unknown parameter types=",
            feed + "?types=created",
            "types",
            "unknown parameter 'types'; " + feedTakes),
        get(
            "feed: audit-only parameter outcome=",
            feed + "?outcome=failure",
            "outcome",
            "unknown parameter 'outcome'"),
        get(
            "feed: timeline-only parameter order=",
            feed + "?order=desc",
            "order",
            "unknown parameter 'order'"),
        get(
            "feed: parameter without a value",
            feed + "?verbose",
            "verbose",
            "unknown parameter 'verbose'"),
        // a record's timeline
        get(
            "timeline: unknown record type in the path",
            "/records/spaceship/1/timeline",
            "record_type",
            "unknown record_type 'spaceship'"),
        get(
            "timeline: order sideways",
            timeline + "?order=sideways",
            "order",
            "order must be asc or desc, got 'sideways'"),
        get(
            "timeline: order in capitals",
            timeline + "?order=DESC",
            "order",
            "order must be asc or desc, got 'DESC'"),
        get("timeline: limit -1", timeline + "?limit=-1", "limit", limitRange + "'-1'"),
        get("timeline: limit 501", timeline + "?limit=501", "limit", limitRange + "'501'"),
        get("timeline: malformed cursor", timeline + "?cursor=AAAA", "cursor", CURSOR_REFUSED),
        get(
            "timeline: a feed cursor",
            timeline + "?cursor={feed-cursor}",
            "cursor",
            CURSOR_REFUSED),
        get(
            "timeline: an audit-log cursor",
            timeline + "?cursor={audit-cursor}",
            "cursor",
            CURSOR_REFUSED),
        get(
            "timeline: an ascending cursor on the descending timeline",
            timeline + "?order=desc&cursor={timeline-asc-cursor}",
            "cursor",
            CURSOR_REFUSED),
        get(
            "timeline: a descending cursor on the ascending timeline",
            timeline + "?cursor={timeline-desc-cursor}",
            "cursor",
            CURSOR_REFUSED),
        get(
            "timeline: feed parameter type=",
            timeline + "?type=created",
            "type",
            "unknown parameter 'type'; " + timelineTakes),
        get(
            "timeline: feed parameter from=",
            timeline + "?from=2025-03-04",
            "from",
            "unknown parameter 'from'"),
        // the audit log
        get(
            "audit: outcome maybe",
            audit + "?outcome=maybe",
            "outcome",
            "outcome must be success or failure, got 'maybe'"),
        get(
            "audit: outcome in capitals",
            audit + "?outcome=Failure",
            "outcome",
            "outcome must be success or failure, got 'Failure'"),
        get(
            "audit: outcome twice",
            audit + "?outcome=success&outcome=failure",
            "outcome",
            "outcome may be given once, got 2 values"),
        get(
            "audit: unknown type",
            audit + "?type=login_fail",
            "type",
            "unknown type 'login_fail'; known: ["),
        get(
            "audit: from after to (dates)",
            audit + "?from=2025-03-05&to=2025-03-04",
            "from",
            "from (2025-03-05T00:00:00Z) is after to (2025-03-04T00:00:00Z)"),
        get("audit: malformed to", audit + "?to=2025-03-04T25:00:00Z", "to", "to" + dateFormat),
        get("audit: limit 1000", audit + "?limit=1000", "limit", limitRange + "'1000'"),
        get("audit: limit 0", audit + "?limit=0", "limit", limitRange + "'0'"),
        get("audit: empty ip", audit + "?ip=", "ip", "ip must not be empty"),
        get("audit: ip twice", audit + "?ip=10.0.0.1&ip=10.0.0.2", "ip", "ip may be given once"),
        get(
            "audit: cursor of another format",
            audit + "?cursor=eyJ2IjoxfQ",
            "cursor",
            CURSOR_REFUSED),
        get("audit: a feed cursor", audit + "?cursor={feed-cursor}", "cursor", CURSOR_REFUSED),
        get(
            "audit: a timeline cursor",
            audit + "?cursor={timeline-desc-cursor}",
            "cursor",
            CURSOR_REFUSED),
        get(
            "audit: feed parameter record_type=",
            audit + "?record_type=ticket",
            "record_type",
            "unknown parameter 'record_type'; " + auditTakes),
        // exports (POST)
        post("export: no kind", exports + "?format=csv", "kind", "kind is required"),
        post(
            "export: unknown kind",
            exports + "?kind=tickets",
            "kind",
            "kind must be activities or audit-events, got 'tickets'"),
        post(
            "export: unknown format",
            exports + "?kind=activities&format=xml",
            "format",
            "format must be csv or jsonl, got 'xml'"),
        post(
            "export: format twice",
            exports + "?kind=activities&format=csv&format=jsonl",
            "format",
            "format may be given once"),
        post(
            "export: limit",
            exports + "?kind=activities&limit=10",
            "limit",
            "limit does not apply to an export"),
        post(
            "export: cursor",
            exports + "?kind=audit-events&cursor={audit-cursor}",
            "cursor",
            "cursor does not apply to an export"),
        post(
            "export: unknown type",
            exports + "?kind=activities&type=nope",
            "type",
            "unknown type 'nope'"),
        post(
            "export: unknown record_type",
            exports + "?kind=activities&record_type=spaceship",
            "record_type",
            "unknown record_type 'spaceship'"),
        post(
            "export: from after to",
            exports + "?kind=activities&from=2025-03-05&to=2025-03-04",
            "from",
            "is after to"),
        post(
            "export: malformed to",
            exports + "?kind=audit-events&to=soon",
            "to",
            "to" + dateFormat),
        post(
            "export: bad outcome",
            exports + "?kind=audit-events&outcome=maybe",
            "outcome",
            "outcome must be success or failure, got 'maybe'"),
        post(
            "export of activities: audit parameter outcome=",
            exports + "?kind=activities&outcome=success",
            "outcome",
            "unknown parameter 'outcome'; " + feedTakes),
        post(
            "export of audit events: feed parameter record_type=",
            exports + "?kind=audit-events&record_type=ticket",
            "record_type",
            "unknown parameter 'record_type'; " + auditTakes));
  }

  private static BadRequest get(String what, String path, String parameter, String error) {
    return new BadRequest(what, "GET", path, parameter, error);
  }

  private static BadRequest post(String what, String path, String parameter, String error) {
    return new BadRequest(what, "POST", path, parameter, error);
  }
}
