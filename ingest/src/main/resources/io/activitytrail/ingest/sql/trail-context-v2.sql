-- Activity Trail: actor context and audit events for a platform's PostgreSQL database.
--
-- Install once per database (idempotent: safe to run again on upgrade):
--   psql "$DATABASE_URL" -f trail-context.sql
--
-- trail.emit_context(ctx) writes a *transactional* logical decoding message with prefix 'trail.context'. Call it
-- inside each write transaction: it is decoded only if the transaction commits, and Debezium delivers it with the
-- same transaction id as the transaction's row changes, which is how the pipeline knows who made them.
--
-- trail.emit_event(evt) writes a *non-transactional* message with prefix 'trail.event', for facts that are not row
-- changes (login attempts, exports, downloads). Non-transactional so that a failed login is recorded even when the
-- platform rolls back whatever it was doing.
--
-- pg_logical_emit_message is callable by any role, so these functions need no SECURITY DEFINER and no grants.
-- Both need wal_level=logical to reach a replication slot; on a lower level the message is simply not decoded.

CREATE SCHEMA IF NOT EXISTS trail;

CREATE OR REPLACE FUNCTION trail.emit_context(ctx jsonb) RETURNS pg_lsn
    LANGUAGE plpgsql
    VOLATILE
    SET search_path = pg_catalog
AS $$
BEGIN
    IF ctx IS NULL OR jsonb_typeof(ctx) <> 'object' THEN
        RAISE EXCEPTION 'trail.emit_context expects a JSON object, got %', coalesce(jsonb_typeof(ctx), 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF coalesce(ctx ->> 'actor_type', '') = '' THEN
        RAISE EXCEPTION 'trail.emit_context: the context must name an actor_type, got %', ctx
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN pg_logical_emit_message(true, 'trail.context', ctx::text);
END;
$$;

COMMENT ON FUNCTION trail.emit_context(jsonb) IS
    'Activity Trail: who is making the changes of the current transaction (transactional message, prefix trail.context).';

CREATE OR REPLACE FUNCTION trail.emit_event(evt jsonb) RETURNS pg_lsn
    LANGUAGE plpgsql
    VOLATILE
    SET search_path = pg_catalog
AS $$
BEGIN
    IF evt IS NULL OR jsonb_typeof(evt) <> 'object' THEN
        RAISE EXCEPTION 'trail.emit_event expects a JSON object, got %', coalesce(jsonb_typeof(evt), 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF coalesce(evt ->> 'type', '') = '' THEN
        RAISE EXCEPTION 'trail.emit_event: the event must have a type, got %', evt
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN pg_logical_emit_message(false, 'trail.event', evt::text);
END;
$$;

COMMENT ON FUNCTION trail.emit_event(jsonb) IS
    'Activity Trail: an audit event that is not a row change (non-transactional message, prefix trail.event).';
