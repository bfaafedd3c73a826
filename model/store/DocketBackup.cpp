#include "DocketBackup.h"

#include "CaseStore.h"
#include "DocketFile.h"
#include "SchemaCheck.h"
#include "SchemaMigrator.h"
#include "Sqlite.h"
#include "Transaction.h"
#include "audit/AuditLog.h"
#include "domain/Clock.h"
#include "files/ProtectedPaths.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

namespace DocketBackup {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("DocketBackup", text);
}

// An sqlite3 connection closed on scope exit.
class Connection {
  public:
    Connection(const QString &path, int flags) {
        if (sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, flags, nullptr) !=
            SQLITE_OK) {
            m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
            sqlite3_close(m_db);
            m_db = nullptr;
        } else {
            sqlite3_busy_timeout(m_db, 5000);
        }
    }
    ~Connection() { sqlite3_close(m_db); }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;
    sqlite3 *get() const { return m_db; }
    const QString &error() const { return m_error; }

  private:
    sqlite3 *m_db = nullptr;
    QString m_error;
};

bool copyDatabase(sqlite3 *from, const QString &to, QString *error) {
    QFile::remove(to);  // our own temporary name, left by an interrupted run
    if (!DocketFile::createPrivate(to, error))
        return false;
    Connection target(to, SQLITE_OPEN_READWRITE);
    if (!target.get()) {
        *error = target.error();
        return false;
    }
    sqlite3_backup *copy = sqlite3_backup_init(target.get(), "main", from, "main");
    if (!copy) {
        *error = QString::fromUtf8(sqlite3_errmsg(target.get()));
        return false;
    }
    // All pages in one step: the copy is one consistent snapshot of the source.
    const int rc = sqlite3_backup_step(copy, -1);
    sqlite3_backup_finish(copy);
    if (rc != SQLITE_DONE) {
        *error = QString::fromUtf8(sqlite3_errstr(rc));
        return false;
    }
    // The copy keeps no write-ahead log: one self-contained file.
    return Sqlite::exec(target.get(), QStringLiteral("PRAGMA journal_mode=DELETE"), error);
}

bool moveIntoPlace(const QString &from, const QString &to, QString *error) {
    if (QFile::exists(to) && !QFile::remove(to)) {
        *error = tr("cannot replace %1").arg(to);
        return false;
    }
    if (!QFile::rename(from, to)) {
        *error = tr("cannot rename %1 to %2").arg(from, to);
        return false;
    }
    return true;
}

// Moves the docket and its -wal/-shm companions aside, after making sure nobody uses it.
bool keepAside(const QString &docket, QString *keptAs, QString *error) {
    {
        Connection db(docket, SQLITE_OPEN_READWRITE);
        if (!db.get() ||
            !Sqlite::exec(db.get(), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), error) ||
            !Sqlite::exec(db.get(), QStringLiteral("BEGIN EXCLUSIVE; COMMIT"), error)) {
            *error = tr("%1 is in use or unreadable (%2); close Discretion and try again")
                         .arg(docket, db.get() ? *error : db.error());
            return false;
        }
    }
    *keptAs = docket + QStringLiteral(".replaced-") +
              Clock::nowUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    for (const char *suffix : {"-wal", "-shm"})
        if (QFile::exists(docket + QLatin1String(suffix)))
            QFile::rename(docket + QLatin1String(suffix), *keptAs + QLatin1String(suffix));
    if (!QFile::rename(docket, *keptAs)) {
        *error = tr("cannot move %1 aside").arg(docket);
        return false;
    }
    return true;
}

QStringList schemaChanges(const QString &path) {
    Connection db(path, SQLITE_OPEN_READONLY);
    return db.get() ? SchemaCheck::differences(db.get()) : QStringList{db.error()};
}
}  // namespace

BackupResult verifyCopy(const QString &path) {
    BackupResult r;
    if (const QString problem = DocketFile::precheck(path); !problem.isEmpty())
        return {false, tr("%1: %2").arg(path, problem), 0, {}, {}};
    Connection db(path, SQLITE_OPEN_READONLY);
    if (!db.get())
        return {false, tr("%1: %2").arg(path, db.error()), 0, {}, {}};
    const int version = SchemaMigrator::currentVersion(db.get());
    if (version < 1)
        return {false, tr("%1 is not a Discretion docket").arg(path), 0, {}, {}};
    if (version > CaseStore::latestSchemaVersion())
        return {false, tr("%1 was written by a newer version of Discretion").arg(path), 0, {}, {}};
    Sqlite::Statement check(db.get(), QStringLiteral("PRAGMA integrity_check"));
    if (check.step() != SQLITE_ROW || check.text(0) != u"ok")
        return {false, tr("%1 is damaged: %2").arg(path, check.text(0)), 0, {}, {}};
    AuditLog audit(db.get());
    const AuditVerification chain = audit.verify();
    if (!chain.ok)
        return {
            false, tr("%1: the audit log does not hold: %2").arg(path, chain.problem), 0, {}, {}};
    r.ok = true;
    r.auditEntries = chain.checked;
    r.auditHead = audit.headHashHex();
    return r;
}

BackupResult backup(CaseStore &store, const QString &target) {
    const QString partial = target + QStringLiteral(".partial");
    // A backup named like an open docket replaced it, and one named like its -wal was
    // deleted by SQLite when the docket closed, after "verified" had been printed.
    if (ProtectedPaths::contains(target) || ProtectedPaths::contains(partial))
        return {false,
                tr("cannot back up to %1: it is an open docket itself (or a file SQLite keeps "
                   "beside one); choose another name. Nothing was written.")
                    .arg(target),
                0,
                {},
                {}};
    QString error;
    if (!copyDatabase(store.handle(), partial, &error)) {
        QFile::remove(partial);
        return {false, tr("cannot back up to %1: %2").arg(target, error), 0, {}, {}};
    }
    BackupResult r = verifyCopy(partial);
    if (!r.ok) {
        QFile::remove(partial);
        return r;
    }
    if (!moveIntoPlace(partial, target, &error)) {
        QFile::remove(partial);
        return {false, error, 0, {}, {}};
    }
    const QJsonObject details{{QStringLiteral("file"), QFileInfo(target).fileName()},
                              {QStringLiteral("audit_entries"), r.auditEntries},
                              {QStringLiteral("audit_head"), r.auditHead}};
    // A read-only docket cannot record its backup; the copy itself is whole and verified.
    if (!store.isReadOnly() && !store.recordBackup(details, &error))
        return {false,
                tr("the backup %1 was written, but not recorded: %2").arg(target, error),
                r.auditEntries,
                r.auditHead,
                {}};
    return r;
}

BackupResult restore(const QString &backupPath, const QString &docket, bool force) {
    BackupResult r = verifyCopy(backupPath);
    if (!r.ok)
        return r;
    // A backup whose schema was changed (a protective trigger dropped) would replace a good
    // docket with one that opens read-only; it is refused before anything is touched.
    if (const QStringList changes = schemaChanges(backupPath); !changes.isEmpty())
        return {false,
                tr("%1: its schema was changed outside Discretion (%2); nothing was restored")
                    .arg(backupPath, changes.join(QStringLiteral("; "))),
                0,
                {},
                {}};
    if (QFile::exists(docket) && !force)
        return {false,
                tr("%1 exists; restoring would replace it. Add --force to replace it (it is kept "
                   "aside, not deleted).")
                    .arg(docket),
                0,
                {},
                {}};
    QString error;
    const QString incoming = docket + QStringLiteral(".restoring");
    {
        Connection from(backupPath, SQLITE_OPEN_READONLY);
        if (!from.get() || !copyDatabase(from.get(), incoming, &error)) {
            QFile::remove(incoming);
            return {false,
                    tr("cannot copy %1: %2").arg(backupPath, from.get() ? error : from.error()),
                    0,
                    {},
                    {}};
        }
    }
    if (QFile::exists(docket) && !keepAside(docket, &r.keptAside, &error)) {
        QFile::remove(incoming);
        return {false, error, 0, {}, {}};
    }
    if (!moveIntoPlace(incoming, docket, &error))
        return {false, error, 0, {}, r.keptAside};
    auto store = CaseStore::open(docket, CaseStore::OpenMode::OpenExisting, &error);
    const QJsonObject details{{QStringLiteral("from"), QFileInfo(backupPath).fileName()},
                              {QStringLiteral("kept_aside"), QFileInfo(r.keptAside).fileName()},
                              {QStringLiteral("audit_head"), r.auditHead}};
    if (!store || !store->recordRestore(details, &error))
        return {false, tr("restored, but not recorded in the audit log: %1").arg(error),
                r.auditEntries, r.auditHead, r.keptAside};
    return r;
}
}  // namespace DocketBackup
