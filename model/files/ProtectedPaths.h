#pragma once

#include <QString>

// Files no save may replace: every docket this process has open, with the files SQLite keeps
// beside it (-wal, -shm, -journal). An export named like the docket, by a typo or through a
// link, replaced the docket with a CSV (found by an attack helper). PrivateFile asks here.
namespace ProtectedPaths {
// Counted: a docket open on several connections is protected until the last one closes.
void add(const QString &docketPath);
void remove(const QString &docketPath);
// Whether writing `path` (links and relative parts resolved) would replace one of them, or
// `path` is an open docket under another name (a hard link).
bool contains(const QString &path);
// `path` is another name (a hard link) for a docket open here, not the name it was opened by.
bool isAnotherName(const QString &path);
}  // namespace ProtectedPaths
