-- The SQL view of fired alerts (docs/sql.md, docs/alerts.md), next to the views of V008 and V010:
-- one row per alert_fired audit event (an alert written twice counts once: FINAL), its details as
-- typed columns. The alert id is the event id; the rule is the record the event is filed under.
CREATE VIEW IF NOT EXISTS {database}.alerts AS
SELECT
    event_id AS alert_id,
    workspace_id,
    occurred_at AS fired_at,
    record_id AS rule_id,
    details['rule_name'] AS rule_name,
    details['severity'] AS severity,
    details['group_by'] AS group_by,
    details['group_key'] AS group_key,
    nullIf(details['distinct'], '') AS distinct_by,
    toUInt32OrZero(details['count']) AS count,
    toUInt32OrZero(details['threshold']) AS threshold,
    toUInt32OrZero(details['window_seconds']) AS window_seconds,
    parseDateTime64BestEffortOrNull(details['window_start'], 3, 'UTC') AS window_start,
    parseDateTime64BestEffortOrNull(details['quiet_until'], 3, 'UTC') AS quiet_until,
    arrayFilter(id -> id != '', splitByChar(',', details['event_ids'])) AS event_ids,
    arrayFilter(r -> r != '', splitByChar(',', details['recipients'])) AS recipients
FROM {database}.activity FINAL
WHERE type = 'alert_fired';
