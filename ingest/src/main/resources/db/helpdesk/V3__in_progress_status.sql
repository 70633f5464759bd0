-- The product's own example of a status change is "Open -> In Progress": tickets get that status.
-- PostgreSQL named V1's column check tickets_status_check.
ALTER TABLE helpdesk.tickets DROP CONSTRAINT tickets_status_check;
ALTER TABLE helpdesk.tickets ADD CONSTRAINT tickets_status_check
    CHECK (status IN ('new', 'open', 'in_progress', 'pending', 'on_hold', 'solved', 'closed'));
