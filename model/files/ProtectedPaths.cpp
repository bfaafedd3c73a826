#include "ProtectedPaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QStringList>
#include <optional>

#include <sys/stat.h>

namespace {
QMutex &lock() {
    static QMutex mutex;
    return mutex;
}

QHash<QString, int> &protectedNames() {  // resolved path → how many opens
    static QHash<QString, int> names;
    return names;
}

// The docket files themselves by device and inode: another name for the same file (a hard
// link) is the same docket.
QHash<QPair<quint64, quint64>, int> &protectedFiles() {
    static QHash<QPair<quint64, quint64>, int> files;
    return files;
}

std::optional<QPair<quint64, quint64>> fileId(const QString &path) {
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return std::nullopt;
    return QPair<quint64, quint64>(quint64(st.st_dev), quint64(st.st_ino));
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
    if (const auto id = fileId(docketPath))
        ++protectedFiles()[*id];
}

void remove(const QString &docketPath) {
    const QMutexLocker locker(&lock());
    for (const QString &name : withCompanions(docketPath)) {
        auto it = protectedNames().find(name);
        if (it != protectedNames().end() && --it.value() <= 0)
            protectedNames().erase(it);
    }
    if (const auto id = fileId(docketPath)) {
        auto it = protectedFiles().find(*id);
        if (it != protectedFiles().end() && --it.value() <= 0)
            protectedFiles().erase(it);
    }
}

bool contains(const QString &path) {
    const QString name = resolved(path);
    const auto id = fileId(path);
    const QMutexLocker locker(&lock());
    return protectedNames().contains(name) || (id && protectedFiles().contains(*id));
}

bool isAnotherName(const QString &path) {
    const QString name = resolved(path);
    const auto id = fileId(path);
    const QMutexLocker locker(&lock());
    return !protectedNames().contains(name) && id && protectedFiles().contains(*id);
}
}  // namespace ProtectedPaths
