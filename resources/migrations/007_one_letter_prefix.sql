-- Discretion docket schema, version 7: the name index answers one-letter prefixes.
-- Without an index of one-letter prefixes, FTS5 answered "g*" (205,000 of 1.5 million
-- names) by merging the lists of every word that starts with g: 24 ms for the first 2,500
-- matches, paid by each thread that asked (the window's check of how common a name is, the
-- page reader, the count). With it: 3 ms. The index holds no text of its own (content is
-- the cases table): it is built again from the cases, 12 s at 1.5 million, 9 MB larger.
DROP TABLE case_search;
CREATE VIRTUAL TABLE case_search USING fts5(
    search_name,
    content = 'cases',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
INSERT INTO case_search(case_search) VALUES('rebuild');
