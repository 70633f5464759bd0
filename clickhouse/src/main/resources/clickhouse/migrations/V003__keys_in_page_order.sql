-- Sorting keys that match the page order exactly. Pages are read newest (or oldest) first by
-- (occurred_at, lsn, tx order, event_id); V001/V002 keyed the tables by (occurred_at, event_id), so
-- ClickHouse had to read and sort every matching row of a workspace (or record) before the LIMIT.
-- With the key ending in the same columns, reads run in key order and stop after the page
-- (optimize_read_in_order). category joins the feed key because the feed and the audit log each
-- read one category: equality on it keeps the rest of the key in order. Reads fetch the page's
-- positions first, then its rows (see KeysetSelect), which the table settings below favour.
--
-- The key still holds only deterministic values of an event and ends with event_id, so duplicates
-- collapse as before. Existing rows move: new tables are filled from the old ones and take their
-- names. Run it while nothing writes (the engine applies migrations before its sink starts); the
-- view is dropped first so the move cannot double-file an event.
DROP VIEW IF EXISTS {database}.activity_by_record_mv;

CREATE TABLE IF NOT EXISTS {database}.activity_v3
(
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
    inserted_at DateTime64(3, 'UTC') DEFAULT now64(3),
    -- The commit order inside one millisecond, without nulls (a missing position sorts first, as
    -- -1), so the sorting key can end with exactly the order pages are read in.
    sort_lsn Int64 MATERIALIZED ifNull(source_lsn, -1),
    sort_tx_order Int64 MATERIALIZED ifNull(source_tx_order, -1),
    INDEX idx_record_id record_id TYPE bloom_filter(0.01) GRANULARITY 4
)
ENGINE = ReplacingMergeTree
PARTITION BY toYear(occurred_at)
ORDER BY (workspace_id, category, occurred_at, sort_lsn, sort_tx_order, event_id)
TTL toDateTime(occurred_at) + toIntervalDay(retention_days)
-- Yearly partitions (V001/V002: monthly): a page without a time bound probes every part of every
-- partition, so a ticket timeline spread over a quarter read 4 partitions. Retention is per row
-- (TTL), not by dropping partitions, so finer partitions bought nothing.
-- Pages fetch ~50 whole rows: granules of 1024 rows (not 8192) cut what a page reads 8x, and compact
-- parts (all columns in one file) make fetching every column of a few rows one read instead of one
-- per column stream. Measured at 1M events: a page's positions 21 -> 8.5 ms, its rows 17 -> 9 ms.
-- The price is paid by wide scans that need few columns (compliance SQL, dashboards): they read
-- whole rows.
SETTINGS index_granularity = 1024, min_bytes_for_wide_part = 1099511627776;

-- Same column order as activity, so SELECT * lines up; sort_lsn and sort_tx_order are computed.
INSERT INTO {database}.activity_v3 SELECT * FROM {database}.activity;

CREATE TABLE IF NOT EXISTS {database}.activity_by_record_v3
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
    inserted_at DateTime64(3, 'UTC') DEFAULT now64(3),
    -- The commit order inside one millisecond, without nulls (a missing position sorts first, as
    -- -1), so the sorting key can end with exactly the order pages are read in.
    sort_lsn Int64 MATERIALIZED ifNull(source_lsn, -1),
    sort_tx_order Int64 MATERIALIZED ifNull(source_tx_order, -1)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYear(occurred_at)
ORDER BY (workspace_id, timeline_record_type, timeline_record_id, occurred_at, sort_lsn, sort_tx_order,
          event_id)
TTL toDateTime(occurred_at) + toIntervalDay(retention_days)
-- Same partitions and settings as activity, for the same reasons.
SETTINGS index_granularity = 1024, min_bytes_for_wide_part = 1099511627776;

INSERT INTO {database}.activity_by_record_v3 SELECT * FROM {database}.activity_by_record;

RENAME TABLE
    {database}.activity TO {database}.activity_v2,
    {database}.activity_v3 TO {database}.activity,
    {database}.activity_by_record TO {database}.activity_by_record_v2,
    {database}.activity_by_record_v3 TO {database}.activity_by_record;

DROP TABLE {database}.activity_v2;
DROP TABLE {database}.activity_by_record_v2;

-- The same view as V002, now on the new activity table.
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
