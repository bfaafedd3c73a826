#include "DemoDocket.h"

#include "DocketGenerator.h"
#include "domain/Clock.h"
#include "files/PrivateFile.h"
#include "store/CaseStore.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>
#include <QStandardPaths>

namespace DemoDocket {
QString defaultPath() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("demo-docket.sqlite"));
}

QString ensure(QString *error) {
    QString path = defaultPath();
    if (QFileInfo::exists(path))
        return path;
    if (!PrivateFile::makeFolders(QFileInfo(path).absolutePath(), error))
        return {};
    const QString partial = path + QStringLiteral(".partial");
    QFile::remove(partial);
    {
        auto store = CaseStore::open(partial, CaseStore::OpenMode::CreateIfMissing, error);
        if (!store || !DocketGenerator::fill(*store, kCases, kSeed, Clock::today(), error))
            return {};
        // Fold the WAL back into the file so the rename moves one complete file.
        store->database().exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    QFile::remove(partial + QStringLiteral("-wal"));
    QFile::remove(partial + QStringLiteral("-shm"));
    if (!QFile::rename(partial, path)) {
        *error = QStringLiteral("cannot create %1").arg(path);
        return {};
    }
    return path;
}
}  // namespace DemoDocket
