#pragma once

#include <QString>

// Checks on a docket file made before SQLite touches it, so that a file that is not
// ours, or a damaged one, is refused with a clear reason and left unchanged.
namespace DocketFile {
// Empty when the file may be opened as a docket; otherwise the problem.
QString precheck(const QString &path);
// Creates an empty file readable and writable by its owner only, whatever the umask.
bool createPrivate(const QString &path, QString *error);
}  // namespace DocketFile
