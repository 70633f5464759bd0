-- The TTL of every table is toDateTime(occurred_at) + toIntervalDay(retention_days), and toDateTime
-- wraps around outside 1970-01-01 .. 2106-02-07 instead of failing. Measured on chDB 26.7: an event
-- of 9999-12-31 (or of 1969) got a TTL in 1970 and was dropped while being inserted, without an
-- error; one of year 1 got a TTL in 2043. So the table refuses such rows (code 469,
-- VIOLATED_CONSTRAINT): the sink dead-letters them with ClickHouse's reason instead of losing them.
-- Checked on insert only; existing rows are not re-read.
ALTER TABLE {database}.activity
    ADD CONSTRAINT IF NOT EXISTS occurred_at_in_ttl_range
    CHECK occurred_at >= toDateTime64(0, 3, 'UTC')
      AND occurred_at + toIntervalDay(retention_days) <= toDateTime64(4294967295, 3, 'UTC');
