-- The activity log: one row per activity or audit event (io.activitytrail.event.ActivityEvent),
-- append-only. Column meanings: see docs/clickhouse.md and the Javadoc of ActivityRows.
--
-- ReplacingMergeTree collapses rows with the same sorting key. The key holds only deterministic
-- values of an event and ends with event_id, so a duplicate written after a restart collapses into
-- the original; readers use FINAL so a duplicate is never shown before the merge.
CREATE TABLE IF NOT EXISTS {database}.activity
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
    -- Per-row retention (the workspace plan's), enforced by the TTL below.
    retention_days UInt16 DEFAULT 365,
    inserted_at DateTime64(3, 'UTC') DEFAULT now64(3),
    -- A record's timeline filters on record_id inside a workspace sorted by time.
    INDEX idx_record_id record_id TYPE bloom_filter(0.01) GRANULARITY 4
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (workspace_id, occurred_at, event_id)
TTL toDateTime(occurred_at) + toIntervalDay(retention_days);
