package io.activitytrail.bench.queries;

import java.util.List;

/**
 * Auditors' questions from docs/compliance-sql.md, each asked of the largest workspace: on the
 * embedded store through the SQL views (the cookbook's text, as {@code trail sql} runs it), and on
 * the PostgreSQL table with the same rows. Every answer is read whole (all rows, all columns), as
 * an auditor's tool would.
 *
 * <p>Periods end where the synthetic data ends: "a year" holds all of it ({@link
 * SyntheticActivities#SPAN} is 90 days), "a quarter" the 90 days, "a month" the last 30.
 */
enum ComplianceQuery {
  DAILY_BY_TYPE(
      "daily_by_type",
      "events per day by type, a year (cookbook 15)",
      """
      SELECT toDate(occurred_at) AS day, type, count() AS events
      FROM events
      WHERE workspace_id = {workspace:String}
        AND occurred_at >= {year_from:DateTime64(3, 'UTC')} AND occurred_at < {to:DateTime64(3, 'UTC')}
      GROUP BY day, type
      ORDER BY day, type""",
      """
      SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day, type, count(*) AS events
      FROM audit_bench
      WHERE workspace_id = ? AND occurred_at >= ?::timestamptz AND occurred_at < ?::timestamptz
      GROUP BY day, type
      ORDER BY day, type""",
      List.of("workspace", "year_from", "to")),
  FAILED_LOGINS_BY_IP(
      "failed_logins_by_ip",
      "failed logins by IP, a month (cookbook 3)",
      """
      SELECT ip, count() AS failures, uniqExact(user_name) AS accounts_tried,
             min(occurred_at) AS first, max(occurred_at) AS last
      FROM logins
      WHERE workspace_id = {workspace:String} AND NOT succeeded
        AND occurred_at >= {month_from:DateTime64(3, 'UTC')} AND occurred_at < {to:DateTime64(3, 'UTC')}
      GROUP BY ip
      ORDER BY failures DESC, ip""",
      """
      SELECT actor_ip AS ip, count(*) AS failures, count(DISTINCT actor_name) AS accounts_tried,
             min(occurred_at) AS first, max(occurred_at) AS last
      FROM audit_bench
      WHERE workspace_id = ? AND type = 'login_failed'
        AND occurred_at >= ?::timestamptz AND occurred_at < ?::timestamptz
      GROUP BY actor_ip
      ORDER BY failures DESC, ip""",
      List.of("workspace", "month_from", "to")),
  FIELD_HISTORY(
      "field_history",
      "every change of one field (status), whole workspace (cookbook 16)",
      """
      SELECT occurred_at, record_type, record_id, old_value, new_value, actor_name, actor_source
      FROM field_changes
      WHERE workspace_id = {workspace:String} AND field = {field:String}
      ORDER BY occurred_at, event_id""",
      """
      SELECT b.occurred_at, b.record_type, b.record_id, c->>'old' AS old_value,
             c->>'new' AS new_value, b.actor_name, 'context' AS actor_source
      FROM audit_bench AS b, jsonb_array_elements(b.changes) AS c
      WHERE b.workspace_id = ? AND c->>'field' = ?
      ORDER BY b.occurred_at, b.event_id""",
      List.of("workspace", "field")),
  ADMIN_ACTIONS(
      "admin_actions",
      "every administrator action, a quarter, role as held then (cookbook 1)",
      """
      SELECT e.occurred_at, e.actor_name, r.role AS role_then, e.type, e.record_type, e.record_id
      FROM events AS e
      ASOF INNER JOIN member_roles AS r
          ON r.workspace_id = e.workspace_id AND r.member_id = e.actor_id AND e.occurred_at >= r.since
      WHERE e.workspace_id = {workspace:String}
        AND e.occurred_at >= {quarter_from:DateTime64(3, 'UTC')} AND e.occurred_at < {to:DateTime64(3, 'UTC')}
        AND r.role IN ('owner', 'admin')
      ORDER BY e.occurred_at, e.event_id""",
      // PostgreSQL has no ASOF join: the role an actor held is the newest role change of that
      // member at or before the event, one index probe per event (workspace, record, time index)
      """
      SELECT e.occurred_at, e.actor_name, r.role AS role_then, e.type, e.record_type, e.record_id
      FROM audit_bench AS e
      JOIN LATERAL (
          SELECT c->>'new' AS role
          FROM audit_bench AS m, jsonb_array_elements(m.changes) AS c
          WHERE m.workspace_id = e.workspace_id AND m.record_type = 'team_member'
            AND m.record_id = e.actor_id AND m.occurred_at <= e.occurred_at AND c->>'field' = 'role'
          ORDER BY m.occurred_at DESC
          LIMIT 1) AS r ON true
      WHERE e.workspace_id = ? AND e.occurred_at >= ?::timestamptz AND e.occurred_at < ?::timestamptz
        AND r.role IN ('owner', 'admin')
      ORDER BY e.occurred_at, e.event_id""",
      List.of("workspace", "quarter_from", "to")),
  EXPORTS_BY_ACTOR(
      "exports_by_actor",
      "exports and downloads by actor, a quarter (cookbook 6)",
      """
      SELECT actor_name, countIf(kind = 'export') AS exports, sum(rows) AS rows_exported,
             groupArrayIf(export, kind = 'export') AS what, countIf(kind = 'download') AS downloads
      FROM exports_and_downloads
      WHERE workspace_id = {workspace:String}
        AND occurred_at >= {quarter_from:DateTime64(3, 'UTC')} AND occurred_at < {to:DateTime64(3, 'UTC')}
      GROUP BY actor_name
      ORDER BY rows_exported DESC, actor_name""",
      """
      SELECT actor_name, count(*) FILTER (WHERE type = 'data_exported') AS exports,
             coalesce(sum((details->>'rows')::bigint), 0) AS rows_exported,
             array_agg(details->>'export') FILTER (WHERE type = 'data_exported') AS what,
             count(*) FILTER (WHERE type = 'file_downloaded') AS downloads
      FROM audit_bench
      WHERE workspace_id = ? AND type IN ('data_exported', 'file_downloaded')
        AND occurred_at >= ?::timestamptz AND occurred_at < ?::timestamptz
      GROUP BY actor_name
      ORDER BY rows_exported DESC, actor_name""",
      List.of("workspace", "quarter_from", "to")),
  UNATTRIBUTED(
      "unattributed",
      "changes made outside the application, a quarter (cookbook 7)",
      """
      SELECT occurred_at, record_type, record_id, type, changed_fields, actor_db_user, source_table,
             transaction_id
      FROM events
      WHERE workspace_id = {workspace:String} AND actor_type = 'unattributed'
        AND occurred_at >= {quarter_from:DateTime64(3, 'UTC')} AND occurred_at < {to:DateTime64(3, 'UTC')}
      ORDER BY occurred_at, event_id""",
      """
      SELECT occurred_at, record_type, record_id, type,
             ARRAY(SELECT c->>'field' FROM jsonb_array_elements(changes) AS c) AS changed_fields,
             actor_db_user, 'tickets' AS source_table, transaction_id
      FROM audit_bench
      WHERE workspace_id = ? AND actor_type = 'unattributed'
        AND occurred_at >= ?::timestamptz AND occurred_at < ?::timestamptz
      ORDER BY occurred_at, event_id""",
      List.of("workspace", "quarter_from", "to"));

  final String key;
  final String label;
  final String clickhouseSql;
  final String postgresSql;

  /** The names of the PostgreSQL statement's {@code ?} values, in order. */
  final List<String> postgresParams;

  ComplianceQuery(
      String key,
      String label,
      String clickhouseSql,
      String postgresSql,
      List<String> postgresParams) {
    this.key = key;
    this.label = label;
    this.clickhouseSql = clickhouseSql;
    this.postgresSql = postgresSql;
    this.postgresParams = postgresParams;
  }
}
