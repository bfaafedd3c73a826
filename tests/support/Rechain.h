#pragma once

// Rewrites the audit log the way someone with the file and sqlite3 would, then recomputes
// every hash (SHA-256 over the previous hash and each field as length:bytes, as
// model/audit/AuditLog.h says), so that the chain verifies on its own. "rewrite" changes
// entry 2's details; "truncate" deletes the newest entries, keeping the first argv[3].
inline const char *const kRechain = R"(
import hashlib, sqlite3, sys
db, mode = sys.argv[1], sys.argv[2]
c = sqlite3.connect(db)
# The append-only triggers are set aside and put back exactly as the docket had them, so the
# schema stays as Discretion makes it.
triggers = [r[0] for r in c.execute("SELECT sql FROM sqlite_schema WHERE type='trigger' AND "
                                    "tbl_name='audit_log'")]
c.executescript('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;')
if mode == 'rewrite':
    c.execute("UPDATE audit_log SET details='{\"note\":\"nothing happened\"}' WHERE seq=2")
else:
    c.execute('DELETE FROM audit_log WHERE seq > ?', (int(sys.argv[3]),))
prev = bytes(32)
rows = c.execute('SELECT seq, at, actor, action, entity, entity_id, details FROM audit_log '
                 'ORDER BY seq').fetchall()
for row in rows:
    data = prev
    for value in row:
        b = str(value).encode()
        data += str(len(b)).encode() + b':' + b
    h = hashlib.sha256(data).digest()
    c.execute('UPDATE audit_log SET prev_hash=?, hash=? WHERE seq=?', (prev, h, row[0]))
    prev = h
c.commit()
for sql in triggers:
    c.execute(sql)
c.commit()
)";

// Changes the docket the way someone with the file and sqlite3 would: every trigger is set
// aside, argv[2] (SQL) is run, the audit chain is recomputed when argv[3] is "rechain" (so
// that it verifies on its own; SQL may insert entries with zeroblob(32) hashes), and the
// triggers are put back exactly as they were, so the schema stays as Discretion makes it.
inline const char *const kForge = R"(
import hashlib, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
triggers = c.execute("SELECT name, sql FROM sqlite_schema WHERE type='trigger'").fetchall()
for name, _ in triggers:
    c.execute('DROP TRIGGER ' + name)
c.executescript(sys.argv[2])
if len(sys.argv) > 3 and sys.argv[3] == 'rechain':
    prev = bytes(32)
    rows = c.execute('SELECT seq, at, actor, action, entity, entity_id, details FROM audit_log '
                     'ORDER BY seq').fetchall()
    for row in rows:
        data = prev
        for value in row:
            b = str(value).encode()
            data += str(len(b)).encode() + b':' + b
        h = hashlib.sha256(data).digest()
        c.execute('UPDATE audit_log SET prev_hash=?, hash=? WHERE seq=?', (prev, h, row[0]))
        prev = h
for _, sql in triggers:
    c.execute(sql)
c.commit()
)";
