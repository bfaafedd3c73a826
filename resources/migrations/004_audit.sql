-- Discretion docket schema, version 4: the tamper-evident audit log.
-- Every change to the docket appends one entry in the same transaction as the change.
-- Each entry's hash is SHA-256 over the previous entry's hash and this entry's fields
-- (see model/audit/AuditLog.h for the exact bytes), so changing, removing or inserting
-- an entry breaks every hash after it. The database refuses UPDATE and DELETE.
CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,               -- UTC, ISO 8601
    actor     TEXT NOT NULL,               -- profile name and OS user
    action    TEXT NOT NULL,               -- e.g. case.edit, review.sign
    entity    TEXT NOT NULL,               -- case, review, policy, docket
    entity_id TEXT NOT NULL,               -- A-number digits, review id, policy id
    details   TEXT NOT NULL,               -- JSON: field-level old and new values, counts
    prev_hash BLOB NOT NULL CHECK (length(prev_hash) = 32),
    hash      BLOB NOT NULL CHECK (length(hash) = 32)
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: an entry cannot be changed');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: an entry cannot be deleted');
END;

-- The head of the audit log when a review was signed, shown in its PDF.
ALTER TABLE review_signatures ADD COLUMN audit_head TEXT NOT NULL DEFAULT '';
