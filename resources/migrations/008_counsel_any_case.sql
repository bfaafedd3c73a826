-- Discretion docket schema, version 8: counsel sorts as a person reads the names.
-- Counsel is typed as the attorney finds it ("acme Legal", "Acme Legal Aid", "ACME LAW"):
-- sorted byte by byte, every capital came before every small letter and the same firm was
-- split across the list. The index sorts without regard to case (ASCII letters, as SQLite's
-- NOCASE does); the list, the represented filter and the dashboard's count of unrepresented
-- cases read it with the same collation.
DROP INDEX cases_counsel;
CREATE INDEX cases_counsel ON cases(counsel_name COLLATE NOCASE);
