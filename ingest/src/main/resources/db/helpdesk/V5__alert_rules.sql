-- A workspace's alert rules (docs/alerts.md). Captured like every table: a rule created, edited or disabled takes
-- effect in the job within seconds, and the change is itself an audit event (alert_rule_changed, with its diff).
--
-- The table checks only what every row needs. Whether a rule makes sense (a known type or field, a positive window,
-- a known role) is judged by the job, which reports an invalid rule as a dead letter with the reason and goes on
-- with the others: a platform writing rules by direct SQL, or with its own checks, gets the same answer.
CREATE TABLE helpdesk.alert_rules (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id     text        NOT NULL REFERENCES helpdesk.workspaces (id),
    -- A rule named like a built-in one replaces it for the workspace; disabled, it turns the built-in off.
    name             text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description      text,
    enabled          boolean     NOT NULL DEFAULT true,
    -- The one filter model as JSON: {"type": ["role_changed"], "field": "role", "new": ["admin", "owner"]}.
    filter           jsonb       NOT NULL DEFAULT '{}',
    -- Numeric details an event must reach, e.g. {"rows": 10000}.
    detail_at_least  jsonb,
    threshold        integer     NOT NULL DEFAULT 1,
    window_seconds   integer     NOT NULL DEFAULT 60,
    group_by         text        NOT NULL DEFAULT 'none',
    -- The rule's "distinct" (DISTINCT is a reserved word in SQL).
    distinct_by      text,
    suppress_seconds integer     NOT NULL DEFAULT 60,
    severity         text        NOT NULL DEFAULT 'medium',
    -- Email addresses and/or roles ("admin", "owner").
    recipients       jsonb       NOT NULL DEFAULT '["admin", "owner"]',
    created_by       bigint      REFERENCES helpdesk.users (id),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (workspace_id, name)
);

ALTER TABLE helpdesk.alert_rules REPLICA IDENTITY FULL;
