-- Discretion docket schema, version 6: "records checked, none found".
-- An empty list of charges or family members cannot say whether anyone looked. These
-- dates record that someone checked and found none, so the review's facts derive "no"
-- (no convictions, no US family) only then; empty means not checked.
ALTER TABLE cases ADD COLUMN no_criminal_history_checked_on TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN no_us_family_checked_on TEXT NOT NULL DEFAULT '';
-- Sorting the next hearing in descending order: an empty date sorts below every date,
-- so cases with no hearing come last in this order too (ascending uses hearing_sort).
CREATE INDEX cases_hearing_date ON cases(next_hearing_date);
-- The audit viewer filters by action: a rare action (review.sign among a million imports)
-- is found through this index instead of a walk through the whole log.
CREATE INDEX audit_log_action ON audit_log(action, seq);
