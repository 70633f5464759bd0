-- The SQL view of in-app notifications (docs/sql.md), next to the views of V008: one row per
-- notification (a copy written twice counts once: FINAL) with its read state, which the tables keep
-- append-only (V009). A notification is read from the first marker that covers it: a marker naming
-- its id, or a '*' marker ("mark all as read") written at or after its creation; read_at is the
-- earlier of the two, null while it is unread.
CREATE VIEW IF NOT EXISTS {database}.notifications AS
SELECT
    notification_id,
    workspace_id,
    recipient_id,
    created_at,
    reason,
    event_id,
    activity_type,
    record_type,
    record_id,
    CAST(read_at IS NOT NULL, 'Bool') AS read,
    read_at
FROM
(
    SELECT
        n.notification_id AS notification_id,
        n.workspace_id AS workspace_id,
        n.recipient_id AS recipient_id,
        n.created_at AS created_at,
        n.reason AS reason,
        n.event_id AS event_id,
        n.activity_type AS activity_type,
        n.record_type AS record_type,
        n.record_id AS record_id,
        -- Spelled out: least() of a NULL is NULL on servers before 24.12.
        multiIf(
            by_id.id_read_at IS NULL, by_all.all_read_at,
            by_all.all_read_at IS NULL, by_id.id_read_at,
            least(by_id.id_read_at, by_all.all_read_at)) AS read_at
    FROM {database}.notification AS n FINAL
    LEFT JOIN
    (
        SELECT workspace_id, recipient_id, notification_id, toNullable(min(read_at)) AS id_read_at
        FROM {database}.notification_read
        WHERE notification_id != '*'
        GROUP BY workspace_id, recipient_id, notification_id
    ) AS by_id
        ON n.workspace_id = by_id.workspace_id
        AND n.recipient_id = by_id.recipient_id
        AND n.notification_id = by_id.notification_id
    -- The earliest '*' at or after the creation: ASOF takes the closest marked_at >= created_at.
    ASOF LEFT JOIN
    (
        SELECT workspace_id, recipient_id, read_at AS marked_at, toNullable(read_at) AS all_read_at
        FROM {database}.notification_read
        WHERE notification_id = '*'
    ) AS by_all
        ON n.workspace_id = by_all.workspace_id
        AND n.recipient_id = by_all.recipient_id
        AND n.created_at <= by_all.marked_at
);
