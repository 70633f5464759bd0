-- The SQL surface for compliance teams and dashboards (docs/sql.md): views over `activity` that
-- are the contract, while the tables underneath may change. Every view reads `activity FINAL`, so a
-- copy written twice after a restart (same event_id) is counted once, and every row carries
-- workspace_id. The column lists are explicit: a migration that adds a column to `activity` and
-- wants it here creates the view again.

-- Every event, both categories.
CREATE VIEW IF NOT EXISTS {database}.events AS
SELECT
    event_id,
    workspace_id,
    occurred_at,
    processed_at,
    category,
    type,
    record_type,
    record_id,
    record_display,
    parent_record_type,
    parent_record_id,
    actor_type,
    actor_id,
    actor_name,
    actor_ip,
    actor_user_agent,
    actor_request_id,
    actor_channel,
    actor_rule_id,
    actor_on_behalf_of,
    actor_impersonator_id,
    actor_source,
    actor_db_user,
    actor_extra,
    arrayMap(c -> c.field, changes) AS changed_fields,
    changes,
    details,
    change_id,
    transaction_id,
    source_table
FROM {database}.activity FINAL;

-- What happened to records: created, updated, status_changed, assigned, comment_added, ...
CREATE VIEW IF NOT EXISTS {database}.activities AS
SELECT * FROM {database}.events WHERE category = 'activity';

-- The administrators' audit log: logins, role and setting changes, exports, downloads, views.
CREATE VIEW IF NOT EXISTS {database}.audit_events AS
SELECT * FROM {database}.events WHERE category = 'audit';

-- One row per changed field of an event, in the event's order (position from 1).
CREATE VIEW IF NOT EXISTS {database}.field_changes AS
SELECT
    event_id,
    workspace_id,
    occurred_at,
    category,
    type,
    record_type,
    record_id,
    record_display,
    parent_record_type,
    parent_record_id,
    actor_type,
    actor_id,
    actor_name,
    actor_source,
    actor_channel,
    actor_rule_id,
    transaction_id,
    position,
    change.field AS field,
    change.old AS old_value,
    change.new AS new_value,
    change.old_display AS old_display,
    change.new_display AS new_display,
    change.sensitive AS sensitive
FROM {database}.activity FINAL
ARRAY JOIN changes AS change, arrayEnumerate(changes) AS position;

-- Login attempts, successful and failed. An attempt on an unknown account has no user_id; the
-- name it tried is user_name.
CREATE VIEW IF NOT EXISTS {database}.logins AS
SELECT
    event_id,
    workspace_id,
    occurred_at,
    CAST(type = 'login_succeeded', 'Bool') AS succeeded,
    if(type = 'login_succeeded', 'success', 'failure') AS outcome,
    actor_type AS user_type,
    actor_id AS user_id,
    actor_name AS user_name,
    actor_ip AS ip,
    actor_user_agent AS user_agent,
    actor_request_id AS request_id,
    actor_channel AS channel,
    nullIf(details['reason'], '') AS reason,
    details
FROM {database}.activity FINAL
WHERE category = 'audit' AND type IN ('login_succeeded', 'login_failed');

-- Role and permission changes, one row per changed field (an event without field changes, such as
-- a platform's own permission_granted message, gives one row with a null field). Who approved:
-- the actor's context field approved_by when the platform sends one; an impersonator or the user
-- an automation acted for are named too.
CREATE VIEW IF NOT EXISTS {database}.permission_changes AS
SELECT
    event_id,
    workspace_id,
    occurred_at,
    type,
    record_type AS subject_type,
    record_id AS subject_id,
    record_display AS subject_name,
    if(empty(change.field), NULL, change.field) AS field,
    change.old AS old_value,
    change.new AS new_value,
    actor_type AS changed_by_type,
    actor_id AS changed_by_id,
    actor_name AS changed_by_name,
    actor_source AS attribution,
    nullIf(actor_extra['approved_by'], '') AS approved_by,
    actor_impersonator_id AS impersonator_id,
    actor_on_behalf_of AS on_behalf_of,
    actor_channel AS channel,
    actor_ip AS ip,
    actor_request_id AS request_id,
    details
FROM {database}.activity FINAL
LEFT ARRAY JOIN changes AS change
WHERE type IN ('role_changed', 'permission_changed', 'permission_granted', 'permission_revoked');

-- Each role a team member held and since when: the role given at creation, then each change.
-- Joined ASOF on occurred_at, it tells the role an actor had when they acted.
CREATE VIEW IF NOT EXISTS {database}.member_roles AS
SELECT
    workspace_id,
    record_id AS member_id,
    record_display AS member_name,
    occurred_at AS since,
    change.new AS role,
    change.old AS previous_role,
    actor_id AS changed_by_id,
    actor_name AS changed_by_name,
    event_id
FROM {database}.activity FINAL
ARRAY JOIN changes AS change
WHERE record_type = 'team_member' AND change.field = 'role';

-- Workspace setting changes: which setting (details['setting']), its old and new value.
CREATE VIEW IF NOT EXISTS {database}.settings_changes AS
SELECT
    event_id,
    workspace_id,
    occurred_at,
    type,
    nullIf(details['setting'], '') AS setting,
    tupleElement(arrayFirst(c -> c.field = 'value', changes), 'old') AS old_value,
    tupleElement(arrayFirst(c -> c.field = 'value', changes), 'new') AS new_value,
    actor_type AS changed_by_type,
    actor_id AS changed_by_id,
    actor_name AS changed_by_name,
    actor_source AS attribution,
    actor_channel AS channel,
    actor_ip AS ip,
    changes,
    details
FROM {database}.activity FINAL
WHERE type = 'setting_changed';

-- Data leaving the platform: exports (what, format, rows) and file downloads.
CREATE VIEW IF NOT EXISTS {database}.exports_and_downloads AS
SELECT
    event_id,
    workspace_id,
    occurred_at,
    type,
    if(type = 'data_exported', 'export', 'download') AS kind,
    actor_type,
    actor_id,
    actor_name,
    actor_ip AS ip,
    actor_user_agent AS user_agent,
    actor_request_id AS request_id,
    record_type,
    record_id,
    nullIf(details['export'], '') AS export,
    nullIf(details['format'], '') AS format,
    toUInt64OrNull(details['rows']) AS rows,
    nullIf(details['file_name'], '') AS file_name,
    details
FROM {database}.activity FINAL
WHERE type IN ('data_exported', 'file_downloaded');

-- Who looked at which record.
CREATE VIEW IF NOT EXISTS {database}.record_views AS
SELECT
    event_id,
    workspace_id,
    occurred_at,
    record_type,
    record_id,
    record_display,
    actor_type AS viewer_type,
    actor_id AS viewer_id,
    actor_name AS viewer_name,
    actor_ip AS ip,
    actor_user_agent AS user_agent,
    actor_channel AS channel,
    details
FROM {database}.activity FINAL
WHERE type = 'record_viewed';
