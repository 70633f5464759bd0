-- Pages read one column instead of 37. A page is ~50 events, and ClickHouse's cost for it was the
-- columns: every typed column (maps, arrays of tuples, nullables) is a stream to open, decode and
-- plan per part. So the two page orders get their own narrow tables: the sort key, the columns the
-- filters test, and `payload`, the whole event as one JSON object (the activity row as
-- JSONEachRow, written by ClickHouse itself in the views below). Measured at 1M events, 5 parts,
-- 2 cores: a feed page 20-22 ms -> 7-9 ms, a ticket timeline 18-20 ms -> 8-9 ms.
--
--   activity              every column, typed: compliance SQL, dashboards, exports' source of truth
--   activity_by_workspace feed and audit pages (workspace, category, time order)
--   activity_by_record    timelines (record, time order; events also filed under their parent)
--
-- The page tables are fed only by the views, so they cannot disagree with activity. A later
-- migration that adds a column to activity must recreate both views (their column lists are
-- explicit); readers take a column missing from an older payload as null.
DROP VIEW IF EXISTS {database}.activity_by_record_mv;

CREATE TABLE IF NOT EXISTS {database}.activity_by_workspace
(
    workspace_id String,
    category LowCardinality(String),
    occurred_at DateTime64(3, 'UTC'),
    sort_lsn Int64,
    sort_tx_order Int64,
    event_id String,
    type LowCardinality(String),
    record_type LowCardinality(String),
    actor_id Nullable(String),
    actor_ip Nullable(String),
    retention_days UInt16,
    payload String
)
ENGINE = ReplacingMergeTree
PARTITION BY toYear(occurred_at)
ORDER BY (workspace_id, category, occurred_at, sort_lsn, sort_tx_order, event_id)
TTL toDateTime(occurred_at) + toIntervalDay(retention_days)
-- A page reads the last granule of each part, so small granules and small compressed blocks are
-- what it pays for: 256 rows and 64 KiB blocks (default 8192 rows, up to 1 MiB) cut a timeline's
-- decompressed bytes from 3.6 MB to 0.6 MB. Compact parts: one file per part to open.
SETTINGS index_granularity = 256, min_bytes_for_wide_part = 1099511627776,
         max_compress_block_size = 65536, min_compress_block_size = 8192;

CREATE TABLE IF NOT EXISTS {database}.activity_by_record_v4
(
    workspace_id String,
    timeline_record_type LowCardinality(String),
    timeline_record_id String,
    occurred_at DateTime64(3, 'UTC'),
    sort_lsn Int64,
    sort_tx_order Int64,
    event_id String,
    retention_days UInt16,
    payload String
)
ENGINE = ReplacingMergeTree
PARTITION BY toYear(occurred_at)
ORDER BY (workspace_id, timeline_record_type, timeline_record_id, occurred_at, sort_lsn, sort_tx_order,
          event_id)
TTL toDateTime(occurred_at) + toIntervalDay(retention_days)
SETTINGS index_granularity = 256, min_bytes_for_wide_part = 1099511627776,
         max_compress_block_size = 65536, min_compress_block_size = 8192;

-- activity gets ClickHouse's default part settings back (wide parts, 8192-row granules): V003 made
-- it compact with small granules for page reads, which now go elsewhere, and scans that need a few
-- columns are what remains on it. Its rows are copied through the views below, which fills both
-- page tables from one definition of each.
RENAME TABLE
    {database}.activity TO {database}.activity_v3,
    {database}.activity_by_record TO {database}.activity_by_record_v3,
    {database}.activity_by_record_v4 TO {database}.activity_by_record;

CREATE TABLE {database}.activity AS {database}.activity_v3
ENGINE = ReplacingMergeTree
PARTITION BY toYear(occurred_at)
ORDER BY (workspace_id, category, occurred_at, sort_lsn, sort_tx_order, event_id)
TTL toDateTime(occurred_at) + toIntervalDay(retention_days);

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.activity_by_workspace_mv
TO {database}.activity_by_workspace
AS SELECT
    workspace_id, category, occurred_at, sort_lsn, sort_tx_order, event_id,
    type, record_type, actor_id, actor_ip, retention_days,
    formatRowNoNewline('JSONEachRow',
        event_id, change_id, workspace_id, occurred_at, processed_at, category, type, record_type,
        record_id, record_display, parent_record_type, parent_record_id, actor_type, actor_id,
        actor_name, actor_ip, actor_user_agent, actor_request_id, actor_channel, actor_rule_id,
        actor_on_behalf_of, actor_impersonator_id, actor_source, actor_db_user, actor_extra, changes,
        details, transaction_id, source_connector, source_schema, source_table, source_lsn,
        source_tx_order, source_topic, source_partition, source_offset, retention_days) AS payload
FROM {database}.activity;

-- Each event is filed under its own record and, when it has one, its parent (a message under its
-- ticket), as in V002.
CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.activity_by_record_mv
TO {database}.activity_by_record
AS SELECT
    workspace_id,
    filed.1 AS timeline_record_type,
    filed.2 AS timeline_record_id,
    occurred_at, sort_lsn, sort_tx_order, event_id, retention_days,
    formatRowNoNewline('JSONEachRow',
        event_id, change_id, workspace_id, occurred_at, processed_at, category, type, record_type,
        record_id, record_display, parent_record_type, parent_record_id, actor_type, actor_id,
        actor_name, actor_ip, actor_user_agent, actor_request_id, actor_channel, actor_rule_id,
        actor_on_behalf_of, actor_impersonator_id, actor_source, actor_db_user, actor_extra, changes,
        details, transaction_id, source_connector, source_schema, source_table, source_lsn,
        source_tx_order, source_topic, source_partition, source_offset, retention_days) AS payload
FROM {database}.activity
ARRAY JOIN
    if(parent_record_id IS NULL OR parent_record_type IS NULL,
       [(toString(record_type), record_id)],
       [(toString(record_type), record_id),
        (toString(assumeNotNull(parent_record_type)), assumeNotNull(parent_record_id))]) AS filed;

INSERT INTO {database}.activity SELECT * FROM {database}.activity_v3;

DROP TABLE {database}.activity_v3;
DROP TABLE {database}.activity_by_record_v3;
