-- Discretion docket schema, version 2: reviews.
-- The exact text of every policy pack a review was made under is kept here, so an old
-- review always shows the text it was made under, whatever packs are loaded later.
CREATE TABLE policy_texts (
    sha256    TEXT PRIMARY KEY,
    policy_id TEXT NOT NULL,
    canonical BLOB NOT NULL
) WITHOUT ROWID;

-- One row per version of a review. `record` is the review's canonical JSON and
-- `record_sha256` its hash; a draft is updated in place until it is superseded.
CREATE TABLE reviews (
    id            INTEGER PRIMARY KEY,
    case_id       INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    version       INTEGER NOT NULL CHECK (version >= 1),
    supersedes    INTEGER REFERENCES reviews(id),
    status        TEXT NOT NULL CHECK (status IN ('draft', 'ready')),
    policy_sha256 TEXT NOT NULL REFERENCES policy_texts(sha256),
    record        TEXT NOT NULL,
    record_sha256 TEXT NOT NULL CHECK (length(record_sha256) = 64),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    UNIQUE (case_id, version)
);
