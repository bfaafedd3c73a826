#pragma once

#include <QString>
#include <QStringList>

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

// The audit log rewritten the way someone with the file and sqlite3 would, every hash then
// recomputed so that the chain verifies on its own: entry 2's details changed ("rewrite"), or
// the entries after `keep` deleted ("truncate"). The arguments for python3.
inline QStringList rechainArgs(const QString &db, const QString &mode, int keep = 0) {
    const QString sql = mode == QLatin1String("rewrite")
                            ? QStringLiteral(
                                  "UPDATE audit_log SET details='{\"note\":\"nothing "
                                  "happened\"}' WHERE seq=2")
                            : QStringLiteral("DELETE FROM audit_log WHERE seq > %1").arg(keep);
    return {QStringLiteral("-c"), QString::fromUtf8(kForge), db, sql, QStringLiteral("rechain")};
}
