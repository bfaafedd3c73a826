#pragma once

// Rewrites the audit log the way someone with the file and sqlite3 would, then recomputes
// every hash (SHA-256 over the previous hash and each field as length:bytes, as
// model/audit/AuditLog.h says), so that the chain verifies on its own. "rewrite" changes
// entry 2's details; "truncate" deletes the newest entries, keeping the first argv[3].
inline const char *const kRechain = R"(
import hashlib, sqlite3, sys
db, mode = sys.argv[1], sys.argv[2]
c = sqlite3.connect(db)
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
# The triggers go back as the migration wrote them, so the schema is as Discretion makes it.
c.commit()
c.executescript("""
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: an entry cannot be changed');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: an entry cannot be deleted');
END;""")
)";
