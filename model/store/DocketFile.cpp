#include "DocketFile.h"

#include <QSqlDatabase>
#include <QUrl>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

namespace DocketFile {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("DocketFile", text);
}

constexpr qint64 kHeaderSize = 100;

// An SQLite header states the page size and the page count; a file shorter than
// that has lost its tail. The count is only trustworthy when no WAL file is beside it.
QString checkLength(const QByteArray &header, const QString &path, qint64 fileSize) {
    if (QFileInfo::exists(path + QStringLiteral("-wal")))
        return {};
    quint32 pageSize = qFromBigEndian<quint16>(header.constData() + 16);
    if (pageSize == 1)
        pageSize = 65536;
    const quint32 pages = qFromBigEndian<quint32>(header.constData() + 28);
    const quint32 changeCounter = qFromBigEndian<quint32>(header.constData() + 24);
    const quint32 validFor = qFromBigEndian<quint32>(header.constData() + 92);
    if (changeCounter != validFor || pages == 0)
        return {};
    const qint64 expected = qint64(pageSize) * pages;
    if (fileSize < expected)
        return tr("the file is damaged: it is %1 bytes long but should be %2 (truncated?)")
            .arg(fileSize)
            .arg(expected);
    return {};
}
}  // namespace

QString precheck(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("cannot read the file: %1").arg(file.errorString());
    const qint64 size = file.size();
    if (size == 0)
        return {};
    const QByteArray header = file.read(kHeaderSize);
    if (header.size() < kHeaderSize || !header.startsWith(QByteArrayView("SQLite format 3\0", 16)))
        return tr("it is not a Discretion docket (not an SQLite database)");
    return checkLength(header, path, size);
}

bool createPrivate(const QString &path, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        if (error)
            *error = tr("cannot create the file: %1").arg(file.errorString());
        return false;
    }
    return true;
}

void configureReader(QSqlDatabase &db, const QString &path) {
    const QFileInfo file(path);
    const QFileInfo wal(path + QStringLiteral("-wal"));
    const bool immutable =
        !QFileInfo(file.absolutePath()).isWritable() && (!wal.exists() || wal.size() == 0);
    QUrl uri = QUrl::fromLocalFile(file.absoluteFilePath());
    uri.setQuery(immutable ? QStringLiteral("mode=ro&immutable=1") : QStringLiteral("mode=ro"));
    db.setDatabaseName(uri.toString(QUrl::FullyEncoded));
    db.setConnectOptions(
        QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_URI;QSQLITE_OPEN_READONLY"));
}
}  // namespace DocketFile
