#include "DocketFile.h"

#include "GiveWay.h"

#include <QSqlDatabase>
#include <QUrl>
#include <atomic>
#include <optional>

#include <sys/statvfs.h>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include "files/ProtectedPaths.h"

namespace DocketFile {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("DocketFile", text);
}

constexpr qint64 kHeaderSize = 100;

// An SQLite header states the page size and the page count; a file shorter than
// that has lost its tail. The count is only trustworthy when no WAL file is beside it.
QString checkLength(const QByteArray &header, const QString &path, qint64 fileSize) {
    // Beside a log or a journal the header may speak for pages not in the file yet: a load
    // cut off after writing the header (its rollback journal restores it when SQLite opens
    // the file to write; a reader refuses such a docket, see configureReader).
    const QFileInfo journal(path + QStringLiteral("-journal"));
    if (QFileInfo::exists(path + QStringLiteral("-wal")) ||
        (journal.exists() && journal.size() > 0))
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
    // Closing any descriptor of a file drops every POSIX lock this process holds on it,
    // SQLite's included: a docket already open here (the window's, while the import preview,
    // an import or an export opens it again) is never read behind SQLite's back. It was
    // checked when it was first opened. Without this, the command line run next took itself
    // for the docket's only user, deleted its WAL under the window and the window's next
    // save damaged the docket (found by a new-user helper).
    if (ProtectedPaths::contains(path))
        return {};
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

namespace {
bool cannotChange(const QString &path) {
    // Immutable mode is safe only when nobody can write the file: a read-only mount, or no
    // write permission for anyone (an owner could still chmod it: that is their doing).
    struct statvfs fs;
    if (statvfs(QFile::encodeName(path).constData(), &fs) == 0 && (fs.f_flag & ST_RDONLY))
        return true;
    const QFile::Permissions writeBits =
        QFile::WriteOwner | QFile::WriteUser | QFile::WriteGroup | QFile::WriteOther;
    return !(QFile::permissions(path) & writeBits);
}
}  // namespace

QString configureReader(QSqlDatabase &db, const QString &path) {
    const QFileInfo file(path);
    const QFileInfo wal(path + QStringLiteral("-wal"));
    const QFileInfo journal(path + QStringLiteral("-journal"));
    const bool folderWritable = QFileInfo(file.absolutePath()).isWritable();
    const bool cleanlyClosed = !wal.exists() || wal.size() == 0;
    // A bulk load into an empty docket writes through a rollback journal (BulkLoad): a
    // -journal beside the file means that load is running or was cut off, and the file may
    // hold half of it. Immutable mode would read those pages as they are, and a read-only
    // connection cannot roll the journal back.
    if (journal.exists() && journal.size() > 0)
        return QCoreApplication::translate(
            "DocketFile",
            "a load into the empty docket (an import or a generated docket) is under way or was "
            "cut off, and only a program that can write the file can finish or undo it: wait "
            "for it, or open the docket once where it can be written (the unfinished load is "
            "rolled back)");
    QString mode = QStringLiteral("mode=ro");
    if (cleanlyClosed && cannotChange(path)) {
        // No -wal or -shm is made beside it, and nothing is left behind.
        mode += QStringLiteral("&immutable=1");
    } else if (!folderWritable) {
        return QCoreApplication::translate(
            "DocketFile",
            "it can be read only where SQLite can keep its -shm file beside it, and this folder "
            "cannot be written while the docket itself can still change; copy it somewhere "
            "you can write, or make the file read-only for everyone");
    }
    QUrl uri = QUrl::fromLocalFile(file.absoluteFilePath());
    uri.setQuery(mode);
    db.setDatabaseName(uri.toString(QUrl::FullyEncoded));
    db.setConnectOptions(
        QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_URI;QSQLITE_OPEN_READONLY"));
    return {};
}

bool readOnThisThread(const QString &path, const std::function<void(QSqlDatabase &)> &read,
                      Priority priority) {
    std::optional<GiveWay> giveWay;
    if (priority == Priority::Background)
        giveWay.emplace();
    static std::atomic_int serial{0};
    const QString name = QStringLiteral("discretion-reader-%1").arg(serial.fetch_add(1));
    bool opened = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        opened = configureReader(db, path).isEmpty() && db.open();
        if (opened)
            read(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return opened;
}
}  // namespace DocketFile
