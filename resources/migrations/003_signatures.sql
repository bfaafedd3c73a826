-- Discretion docket schema, version 3: signed reviews.
-- A signature covers the review's canonical record bytes (whose SHA-256 is kept in the
-- review row). Once a review is signed the database itself refuses to change or delete
-- it, or its signature: an amendment is a new version that supersedes it.
CREATE TABLE review_signatures (
    review_id     INTEGER PRIMARY KEY REFERENCES reviews(id),
    record_sha256 TEXT NOT NULL CHECK (length(record_sha256) = 64),
    signature     BLOB NOT NULL,
    certificate   BLOB NOT NULL,
    signer        TEXT NOT NULL,
    signed_at     TEXT NOT NULL
);

CREATE TRIGGER signed_review_no_update BEFORE UPDATE ON reviews
WHEN EXISTS (SELECT 1 FROM review_signatures WHERE review_id = old.id)
BEGIN
    SELECT RAISE(ABORT, 'a signed review cannot be changed; amend it instead');
END;

CREATE TRIGGER signed_review_no_delete BEFORE DELETE ON reviews
WHEN EXISTS (SELECT 1 FROM review_signatures WHERE review_id = old.id)
BEGIN
    SELECT RAISE(ABORT, 'a signed review cannot be deleted');
END;

CREATE TRIGGER signature_no_update BEFORE UPDATE ON review_signatures
BEGIN
    SELECT RAISE(ABORT, 'a signature cannot be changed');
END;

CREATE TRIGGER signature_no_delete BEFORE DELETE ON review_signatures
BEGIN
    SELECT RAISE(ABORT, 'a signature cannot be deleted');
END;
