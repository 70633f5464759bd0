-- Who wants to hear about what (Settings > Notifications) and who follows which record. The pipeline captures both
-- like any table: a changed preference takes effect within seconds, without a restart, and is itself an activity of
-- the user.

-- One row per (user, activity type, scope). activity_type is a type of the taxonomy or '*' (every type);
-- scope says which records: 'assigned' (assigned to me), 'following' (records I follow), 'workspace' (all of them).
-- A user with no row for a (type, scope) gets the documented defaults (docs/notifications.md).
CREATE TABLE helpdesk.notification_preferences (
    workspace_id  text        NOT NULL REFERENCES helpdesk.workspaces (id),
    user_id       bigint      NOT NULL REFERENCES helpdesk.users (id),
    activity_type text        NOT NULL CHECK (activity_type ~ '^(\*|[a-z][a-z0-9_]{0,62})$'),
    scope         text        NOT NULL CHECK (scope IN ('assigned', 'following', 'workspace')),
    in_app        boolean     NOT NULL DEFAULT true,
    email         boolean     NOT NULL DEFAULT true,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, user_id, activity_type, scope)
);

-- record_id is text: followers of any record type (tickets, assets, customers) share the table.
CREATE TABLE helpdesk.record_followers (
    workspace_id text        NOT NULL REFERENCES helpdesk.workspaces (id),
    record_type  text        NOT NULL CHECK (record_type IN ('ticket', 'asset', 'customer')),
    record_id    text        NOT NULL,
    user_id      bigint      NOT NULL REFERENCES helpdesk.users (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, record_type, record_id, user_id)
);
CREATE INDEX record_followers_user_idx ON helpdesk.record_followers (workspace_id, user_id);

ALTER TABLE helpdesk.notification_preferences REPLICA IDENTITY FULL;
ALTER TABLE helpdesk.record_followers REPLICA IDENTITY FULL;
