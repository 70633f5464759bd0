-- The record access path: every event filed under its own record and, when it has one, under its
-- parent record (a ticket's messages and attachments), sorted by record and then commit time, so
-- a timeline is one short range of the primary key. Fed by a materialized view on every insert
-- into activity; same dedup rule (ReplacingMergeTree, key ends with event_id) and the same
-- per-row retention. Chosen over a projection on activity because ClickHouse does not use
-- projections for FINAL reads, and a projection cannot file one row under two records.
CREATE TABLE IF NOT EXISTS {database}.activity_by_record
(
    timeline_record_type LowCardinality(String),
    timeline_record_id String,
    event_id String,
    change_id String,
    workspace_id String,
    occurred_at DateTime64(3, 'UTC'),
    processed_at DateTime64(3, 'UTC'),
    category LowCardinality(String),
    type LowCardinality(String),
    record_type LowCardinality(String),
    record_id String,
    record_display Nullable(String),
    parent_record_type LowCardinality(Nullable(String)),
    parent_record_id Nullable(String),
    actor_type LowCardinality(String),
    actor_id Nullable(String),
    actor_name Nullable(String),
    actor_ip Nullable(String),
    actor_user_agent Nullable(String),
    actor_request_id Nullable(String),
    actor_channel LowCardinality(Nullable(String)),
    actor_rule_id Nullable(String),
    actor_on_behalf_of Nullable(String),
    actor_impersonator_id Nullable(String),
    actor_source LowCardinality(String),
    actor_db_user Nullable(String),
    actor_extra Map(String, String),
    changes Array(Tuple(
        field String,
        old Nullable(String),
        new Nullable(String),
        old_display Nullable(String),
        new_display Nullable(String),
        sensitive Bool)),
    details Map(String, String),
    transaction_id Nullable(String),
    source_connector LowCardinality(String),
    source_schema LowCardinality(Nullable(String)),
    source_table LowCardinality(Nullable(String)),
    source_lsn Nullable(Int64),
    source_tx_order Nullable(Int64),
    source_topic LowCardinality(String),
    source_partition Int32,
    source_offset Int64,
    retention_days UInt16 DEFAULT 365,
    inserted_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (workspace_id, timeline_record_type, timeline_record_id, occurred_at, event_id)
TTL toDateTime(occurred_at) + toIntervalDay(retention_days);

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.activity_by_record_mv
TO {database}.activity_by_record
AS SELECT
    filed.1 AS timeline_record_type,
    filed.2 AS timeline_record_id,
    *
FROM {database}.activity
ARRAY JOIN
    if(parent_record_id IS NULL OR parent_record_type IS NULL,
       [(toString(record_type), record_id)],
       [(toString(record_type), record_id),
        (toString(assumeNotNull(parent_record_type)), assumeNotNull(parent_record_id))]) AS filed;

-- Events already in activity when this migration runs (the view only sees new inserts). An event
-- inserted between the two statements lands twice and collapses like any duplicate.
INSERT INTO {database}.activity_by_record
SELECT
    filed.1 AS timeline_record_type,
    filed.2 AS timeline_record_id,
    *
FROM {database}.activity
ARRAY JOIN
    if(parent_record_id IS NULL OR parent_record_type IS NULL,
       [(toString(record_type), record_id)],
       [(toString(record_type), record_id),
        (toString(assumeNotNull(parent_record_type)), assumeNotNull(parent_record_id))]) AS filed;
