-- The reference helpdesk platform: the database the demo, the simulator and the tests write to.
-- Every table runs with REPLICA IDENTITY FULL: the pipeline shows old values on update and delete, and with the
-- default identity PostgreSQL would send no "before" image on update and only the key on delete.
-- Enumerations are text with CHECK constraints rather than PostgreSQL enum types, so that Debezium delivers plain
-- strings and a platform can add a value with one ALTER instead of a type migration.

CREATE SCHEMA IF NOT EXISTS helpdesk;

CREATE TABLE helpdesk.workspaces (
    id             text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name           text        NOT NULL,
    plan           text        NOT NULL CHECK (plan IN ('free', 'team', 'business', 'enterprise')),
    retention_days integer     NOT NULL CHECK (retention_days BETWEEN 1 AND 3650),
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE helpdesk.users (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id  text        NOT NULL REFERENCES helpdesk.workspaces (id),
    email         text        NOT NULL,
    name          text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('owner', 'admin', 'agent', 'light_agent')),
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (workspace_id, email)
);

CREATE TABLE helpdesk.customers (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id text        NOT NULL REFERENCES helpdesk.workspaces (id),
    name         text        NOT NULL,
    email        text,
    phone        text,
    company      text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    updated_by   bigint REFERENCES helpdesk.users (id)
);

CREATE TABLE helpdesk.tickets (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id  text        NOT NULL REFERENCES helpdesk.workspaces (id),
    number        integer     NOT NULL CHECK (number > 0),
    subject       text        NOT NULL,
    status        text        NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'open', 'pending', 'on_hold', 'solved', 'closed')),
    priority      text        NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    assignee_id   bigint REFERENCES helpdesk.users (id),
    customer_id   bigint REFERENCES helpdesk.customers (id),
    created_by    bigint REFERENCES helpdesk.users (id),
    updated_by    bigint REFERENCES helpdesk.users (id),
    -- JSON columns, so that the pipeline's diffs of JSON values are exercised by real data.
    tags          jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(tags) = 'array'),
    custom_fields jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(custom_fields) = 'object'),
    due_at        timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    deleted_at    timestamptz,
    UNIQUE (workspace_id, number)
);
CREATE INDEX tickets_assignee_idx ON helpdesk.tickets (assignee_id);
CREATE INDEX tickets_customer_idx ON helpdesk.tickets (customer_id);

CREATE TABLE helpdesk.ticket_messages (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id text        NOT NULL REFERENCES helpdesk.workspaces (id),
    ticket_id    bigint      NOT NULL REFERENCES helpdesk.tickets (id),
    direction    text        NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    -- customers.id for an inbound message, users.id for an outbound one: hence no foreign key.
    author_id    bigint      NOT NULL,
    body         text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_messages_ticket_idx ON helpdesk.ticket_messages (ticket_id);

CREATE TABLE helpdesk.ticket_comments (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id text        NOT NULL REFERENCES helpdesk.workspaces (id),
    ticket_id    bigint      NOT NULL REFERENCES helpdesk.tickets (id),
    author_id    bigint      NOT NULL REFERENCES helpdesk.users (id),
    body         text        NOT NULL,
    internal     boolean     NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_comments_ticket_idx ON helpdesk.ticket_comments (ticket_id);

CREATE TABLE helpdesk.assets (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id  text          NOT NULL REFERENCES helpdesk.workspaces (id),
    name          text          NOT NULL,
    asset_tag     text          NOT NULL,
    status        text          NOT NULL DEFAULT 'in_stock'
        CHECK (status IN ('in_stock', 'in_use', 'in_repair', 'retired')),
    assignee_id   bigint REFERENCES helpdesk.users (id),
    -- Money: numeric, never float, so that diffs show exactly what was stored.
    purchase_cost numeric(12, 2) CHECK (purchase_cost >= 0),
    updated_by    bigint REFERENCES helpdesk.users (id),
    created_at    timestamptz   NOT NULL DEFAULT now(),
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (workspace_id, asset_tag)
);

CREATE TABLE helpdesk.attachments (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id text        NOT NULL REFERENCES helpdesk.workspaces (id),
    record_type  text        NOT NULL CHECK (record_type IN ('ticket', 'asset', 'customer')),
    record_id    bigint      NOT NULL,
    file_name    text        NOT NULL,
    size_bytes   bigint      NOT NULL CHECK (size_bytes >= 0),
    content_type text        NOT NULL,
    -- SHA-256 of the content: a binary column, so that binary values travel through the pipeline.
    sha256       bytea CHECK (octet_length(sha256) = 32),
    uploaded_by  bigint REFERENCES helpdesk.users (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    deleted_at   timestamptz
);
CREATE INDEX attachments_record_idx ON helpdesk.attachments (record_type, record_id);

CREATE TABLE helpdesk.workspace_settings (
    workspace_id text        NOT NULL REFERENCES helpdesk.workspaces (id),
    key          text        NOT NULL,
    value        jsonb       NOT NULL,
    updated_by   bigint REFERENCES helpdesk.users (id),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, key)
);

ALTER TABLE helpdesk.workspaces REPLICA IDENTITY FULL;
ALTER TABLE helpdesk.users REPLICA IDENTITY FULL;
ALTER TABLE helpdesk.customers REPLICA IDENTITY FULL;
ALTER TABLE helpdesk.tickets REPLICA IDENTITY FULL;
ALTER TABLE helpdesk.ticket_messages REPLICA IDENTITY FULL;
ALTER TABLE helpdesk.ticket_comments REPLICA IDENTITY FULL;
ALTER TABLE helpdesk.assets REPLICA IDENTITY FULL;
ALTER TABLE helpdesk.attachments REPLICA IDENTITY FULL;
ALTER TABLE helpdesk.workspace_settings REPLICA IDENTITY FULL;
