-- Notifications (docs/notifications.md). The job decides them in the stream and writes the in-app ones here; the
-- API reads a user's own, newest first. Like the activity tables: append-only, duplicates of a replay collapse on
-- the deterministic notification id at the end of the key, and retention follows the activity's.
--
-- payload is the activity as one JSON object (the activity row as JSONEachRow, exactly as the page tables hold
-- it), so a page of notifications is one read of one table.
CREATE TABLE IF NOT EXISTS {database}.notification
(
    notification_id String,
    workspace_id String,
    recipient_id String,
    created_at DateTime64(3, 'UTC'),
    reason LowCardinality(String),
    event_id String,
    activity_type LowCardinality(String),
    record_type LowCardinality(String),
    record_id String,
    retention_days UInt16 DEFAULT 365,
    payload String,
    inserted_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYear(created_at)
ORDER BY (workspace_id, recipient_id, created_at, notification_id)
TTL toDateTime(created_at) + toIntervalDay(retention_days)
-- Read like the page tables: the newest granule of one recipient's range.
SETTINGS index_granularity = 256, min_bytes_for_wide_part = 1099511627776;

-- Read state, kept append-only: a notification is read when a marker names it, or when a marker '*' ("mark all as
-- read") was written at or after its creation. Nothing ever updates or deletes a notification.
CREATE TABLE IF NOT EXISTS {database}.notification_read
(
    workspace_id String,
    recipient_id String,
    notification_id String,
    read_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree
ORDER BY (workspace_id, recipient_id, notification_id, read_at);

-- The mailer's sent log: a notification emailed once is never emailed again, whatever is replayed.
CREATE TABLE IF NOT EXISTS {database}.email_sent
(
    notification_id String,
    workspace_id String,
    recipient_id String,
    message_id String,
    sent_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree
ORDER BY notification_id;
