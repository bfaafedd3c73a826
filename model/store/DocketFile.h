#pragma once

#include <QString>
#include <functional>

class QSqlDatabase;

// Checks on a docket file made before SQLite touches it, so that a file that is not
// ours, or a damaged one, is refused with a clear reason and left unchanged.
namespace DocketFile {
// Empty when the file may be opened as a docket; otherwise the problem. A docket this process
// already has open (ProtectedPaths) is not read again: see the .cpp.
QString precheck(const QString &path);
// Creates an empty file readable and writable by its owner only, whatever the umask.
bool createPrivate(const QString &path, QString *error);
// Sets a QSQLITE connection up to read the docket without ever writing. In WAL mode even a
// reader needs a -shm file beside the docket. A docket closed cleanly that nobody can write
// (read-only mount, no write bits) is read as immutable: nothing is made beside it. Otherwise
// SQLite's read-only mode, which needs the folder for -shm; when that cannot work (the folder
// is read-only but the file can still change under us) the reason comes back, else empty.
QString configureReader(QSqlDatabase &db, const QString &path);
// Reads the docket through a reader connection of its own (configureReader), made on the
// calling thread and closed after: SQLite connections belong to one thread, so work on a
// worker thread reads through one of these. False, read not called, when it cannot be
// opened for reading. Background work gives way to the window (GiveWay); a read the window
// waits for (the rows about to be drawn) does not.
enum class Priority { Background, Foreground };
bool readOnThisThread(const QString &path, const std::function<void(QSqlDatabase &)> &read,
                      Priority priority = Priority::Background);
}  // namespace DocketFile
