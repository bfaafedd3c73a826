-- Discretion docket schema, version 1.
-- Applied by CaseStore inside one transaction; PRAGMA user_version records the version.
-- Text columns are NOT NULL DEFAULT '' so that sorting and keyset paging never meet NULL;
-- an empty date means "not known".

CREATE TABLE docket_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Kept by triggers so the status bar knows the docket size without counting it.
CREATE TABLE docket_stats (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    cases INTEGER NOT NULL
);
INSERT INTO docket_stats (id, cases) VALUES (1, 0);

CREATE TABLE courts (
    code  TEXT PRIMARY KEY,
    name  TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

CREATE TABLE cases (
    id                   INTEGER PRIMARY KEY,
    a_number             TEXT NOT NULL UNIQUE CHECK (length(a_number) = 9),
    family_name          TEXT NOT NULL CHECK (family_name <> ''),
    given_names          TEXT NOT NULL DEFAULT '',
    search_name          TEXT NOT NULL DEFAULT '',
    date_of_birth        TEXT NOT NULL DEFAULT '',
    nationality          TEXT NOT NULL DEFAULT '',
    language             TEXT NOT NULL DEFAULT '',
    court                TEXT NOT NULL DEFAULT '',
    case_type            TEXT NOT NULL DEFAULT '',
    custody              TEXT NOT NULL DEFAULT '',
    nta_date             TEXT NOT NULL DEFAULT '',
    next_hearing_date    TEXT NOT NULL DEFAULT '',
    next_hearing_type    TEXT NOT NULL DEFAULT '',
    entry_date           TEXT NOT NULL DEFAULT '',
    entry_manner         TEXT NOT NULL DEFAULT '',
    first_presence_date  TEXT NOT NULL DEFAULT '',
    apprehension_date    TEXT NOT NULL DEFAULT '',
    apprehension_place   TEXT NOT NULL DEFAULT '',
    counsel_name         TEXT NOT NULL DEFAULT '',
    counsel_bar_number   TEXT NOT NULL DEFAULT '',
    eoir28_date          TEXT NOT NULL DEFAULT '',
    military_service     TEXT NOT NULL DEFAULT '',
    health_notes         TEXT NOT NULL DEFAULT '',
    victim_witness_notes TEXT NOT NULL DEFAULT '',
    notes                TEXT NOT NULL DEFAULT '',
    review_status        TEXT NOT NULL DEFAULT 'not_reviewed',
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    -- The hearing date as the list sorts it: cases with no hearing set come last.
    hearing_sort         TEXT GENERATED ALWAYS AS
        (CASE WHEN next_hearing_date = '' THEN '9999-12-31' ELSE next_hearing_date END) VIRTUAL
);

CREATE TABLE charges (
    id              INTEGER PRIMARY KEY,
    case_id         INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    offense         TEXT NOT NULL,
    offense_date    TEXT NOT NULL DEFAULT '',
    jurisdiction    TEXT NOT NULL DEFAULT '',
    disposition     TEXT NOT NULL,
    sentence        TEXT NOT NULL DEFAULT '',
    weapon_involved INTEGER NOT NULL DEFAULT 0 CHECK (weapon_involved IN (0, 1))
);
CREATE INDEX charges_case ON charges(case_id, position);

CREATE TABLE family_members (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL DEFAULT '',
    relation   TEXT NOT NULL,
    status     TEXT NOT NULL,
    dependency TEXT NOT NULL DEFAULT ''
);
CREATE INDEX family_members_case ON family_members(case_id, position);

CREATE TABLE relief_applications (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    relief_type TEXT NOT NULL,
    forum      TEXT NOT NULL DEFAULT '',
    filed_date TEXT NOT NULL DEFAULT ''
);
CREATE INDEX relief_applications_case ON relief_applications(case_id, position);

-- One index per column the case list sorts or filters on (each ends in the rowid, so
-- ORDER BY column, id walks the index), and the hearing date within each filter.
CREATE INDEX cases_name ON cases(search_name);
CREATE INDEX cases_nationality ON cases(nationality);
CREATE INDEX cases_court_hearing ON cases(court, hearing_sort);
CREATE INDEX cases_hearing ON cases(hearing_sort);
CREATE INDEX cases_custody_hearing ON cases(custody, hearing_sort);
CREATE INDEX cases_counsel ON cases(counsel_name);
CREATE INDEX cases_status_hearing ON cases(review_status, hearing_sort);

-- Name search: folded "family given" names, prefix-indexed for type-ahead.
CREATE VIRTUAL TABLE case_search USING fts5(
    search_name,
    content = 'cases',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TRIGGER cases_after_insert AFTER INSERT ON cases BEGIN
    INSERT INTO case_search(rowid, search_name) VALUES (new.id, new.search_name);
    UPDATE docket_stats SET cases = cases + 1 WHERE id = 1;
END;

CREATE TRIGGER cases_after_delete AFTER DELETE ON cases BEGIN
    INSERT INTO case_search(case_search, rowid, search_name)
        VALUES ('delete', old.id, old.search_name);
    UPDATE docket_stats SET cases = cases - 1 WHERE id = 1;
END;

CREATE TRIGGER cases_after_update_name AFTER UPDATE OF search_name ON cases BEGIN
    INSERT INTO case_search(case_search, rowid, search_name)
        VALUES ('delete', old.id, old.search_name);
    INSERT INTO case_search(rowid, search_name) VALUES (new.id, new.search_name);
END;
