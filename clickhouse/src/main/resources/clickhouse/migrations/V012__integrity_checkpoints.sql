-- Signed checkpoints of each workspace's history (docs/integrity.md): one row per checkpoint, with
-- the entries (sequence number, event id, leaf hash, expiry) of the events it added. Written only by
-- the job, from its own state, once durable; append-only like every table here, a checkpoint
-- published again after a restore (the same bytes) collapses on (workspace_id, number).
-- Hashes are lowercase hex, the signature base64.
CREATE TABLE IF NOT EXISTS {database}.integrity_checkpoints
(
    workspace_id String,
    number UInt64,
    tree_size UInt64,
    root String,
    previous String,
    last_occurred_at Nullable(DateTime64(3, 'UTC')),
    issued_at DateTime64(3, 'UTC'),
    key_id String,
    signature String,
    entry_seqs Array(UInt64),
    entry_event_ids Array(String),
    entry_leaves Array(String),
    entry_expires_at Array(Nullable(DateTime64(3, 'UTC'))),
    inserted_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
ORDER BY (workspace_id, number);
