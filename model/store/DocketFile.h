#pragma once

#include <QString>

class QSqlDatabase;

// Checks on a docket file made before SQLite touches it, so that a file that is not
// ours, or a damaged one, is refused with a clear reason and left unchanged.
namespace DocketFile {
// Empty when the file may be opened as a docket; otherwise the problem.
QString precheck(const QString &path);
// Creates an empty file readable and writable by its owner only, whatever the umask.
bool createPrivate(const QString &path, QString *error);
// Sets a QSQLITE connection up to read the docket without ever writing. In WAL mode even a
// reader needs the -shm file, which a read-only folder cannot hold: a docket closed cleanly
// has no -wal left, so there it is read as immutable; otherwise SQLite's read-only mode.
void configureReader(QSqlDatabase &db, const QString &path);
}  // namespace DocketFile
