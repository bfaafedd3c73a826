#include "ProtectedPaths.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QStringList>

namespace {
QMutex &lock() {
    static QMutex mutex;
    return mutex;
}

QHash<QString, int> &protectedNames() {  // resolved path → how many opens
    static QHash<QString, int> names;
    return names;
}

// The file a path names once links are followed; for a file not yet made, its folder's
// real path and its name.
QString resolved(const QString &path) {
    const QFileInfo file(path);
    if (file.exists())
        return file.canonicalFilePath();
    const QString folder = QFileInfo(file.absolutePath()).canonicalFilePath();
    return folder.isEmpty() ? file.absoluteFilePath() : QDir(folder).filePath(file.fileName());
}

QStringList withCompanions(const QString &docket) {
    const QString base = resolved(docket);
    return {base, base + QStringLiteral("-wal"), base + QStringLiteral("-shm"),
            base + QStringLiteral("-journal")};
}
}  // namespace

namespace ProtectedPaths {
void add(const QString &docketPath) {
    const QMutexLocker locker(&lock());
    for (const QString &name : withCompanions(docketPath))
        ++protectedNames()[name];
}

void remove(const QString &docketPath) {
    const QMutexLocker locker(&lock());
    for (const QString &name : withCompanions(docketPath)) {
        auto it = protectedNames().find(name);
        if (it != protectedNames().end() && --it.value() <= 0)
            protectedNames().erase(it);
    }
}

bool contains(const QString &path) {
    const QString name = resolved(path);
    const QMutexLocker locker(&lock());
    return protectedNames().contains(name);
}
}  // namespace ProtectedPaths
