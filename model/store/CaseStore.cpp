#include "CaseStore.h"

#include "CaseReader.h"
#include "CaseWriter.h"
#include "CourtList.h"
#include "DocketFile.h"
#include "SchemaCheck.h"
#include "SchemaMigrator.h"
#include "Sqlite.h"
#include "Transaction.h"
#include "audit/AuditLog.h"
#include "audit/CaseChanges.h"
#include "domain/ANumber.h"
#include "domain/CaseFields.h"
#include "domain/Clock.h"
#include "files/ProtectedPaths.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("CaseStore", text);
}

QString nextConnectionName() {
    static QAtomicInt counter;
    return QStringLiteral("discretion-store-%1").arg(counter.fetchAndAddRelaxed(1));
}

// Tables that make a file a docket; a file with other tables and no version is not ours.
bool hasForeignTables(sqlite3 *db, QString *error) {
    Sqlite::Statement s(db, QStringLiteral("SELECT count(*) FROM sqlite_schema"));
    const int rc = s.step();
    if (rc != SQLITE_ROW) {
        *error = s.error();
        return true;
    }
    return s.int64(0) > 0;
}
}  // namespace

CaseStore::CaseStore(QString path, QString connectionName, bool readOnly)
    : m_path(std::move(path)),
      m_connectionName(std::move(connectionName)),
      m_readOnly(readOnly),
      m_readOnlyReason(readOnly ? tr("you cannot write its file or the folder it is in")
                                : QString()) {
    ProtectedPaths::add(m_path);  // no export may be saved over an open docket
}

CaseStore::~CaseStore() {
    ProtectedPaths::remove(m_path);
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

int CaseStore::latestSchemaVersion() {
    return SchemaMigrator::latestVersion();
}

QString CaseStore::sqliteVersion() {
    return QString::fromLatin1(sqlite3_libversion());
}

std::unique_ptr<CaseStore> CaseStore::open(const QString &path, OpenMode mode, QString *error) {
    QString problem;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!QFileInfo::exists(absolute)) {
        if (mode == OpenMode::OpenExisting)
            problem = tr("the file does not exist");
        else
            DocketFile::createPrivate(absolute, &problem);
    } else if (ProtectedPaths::isAnotherName(absolute)) {
        // SQLite keeps a WAL per name: two names for one file would have two logs.
        problem =
            tr("it is another name (a hard link) for a docket already open; open that "
               "docket by the name it was opened with");
    } else {
        problem = DocketFile::precheck(absolute);
    }
    std::unique_ptr<CaseStore> store;
    if (problem.isEmpty()) {
        const QFileInfo file(absolute);
        const bool readOnly = !file.isWritable() || !QFileInfo(file.absolutePath()).isWritable();
        store.reset(new CaseStore(absolute, nextConnectionName(), readOnly));
        if (!store->initialise(&problem))
            store.reset();
        else
            store->m_schemaCookie = store->schemaCookie();
    }
    if (!store && error)
        *error = tr("Cannot open docket %1: %2").arg(QDir::toNativeSeparators(absolute), problem);
    return store;
}

bool CaseStore::openConnection(QString *error) {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (m_readOnly) {
        if (const QString why = DocketFile::configureReader(db, m_path); !why.isEmpty()) {
            *error = why;
            return false;
        }
    }
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    m_handle = Sqlite::handle(db);
    return true;
}

// The docket's schema version, or -1 with the reason: busy is not damage (a load into the
// empty docket holds it until it ends), and a version below zero was written by something
// else ("damaged (not an error)" said neither).
int CaseStore::readSchemaVersion(QString *error) const {
    Sqlite::Statement read(m_handle, QStringLiteral("PRAGMA user_version"));
    if (read.step() != SQLITE_ROW) {
        const int code = sqlite3_extended_errcode(m_handle);
        *error = Sqlite::isBusy(code) ? Sqlite::busyMessage()
                                      : tr("the file is damaged or not a database (%1)")
                                            .arg(QString::fromUtf8(sqlite3_errmsg(m_handle)));
        return -1;
    }
    const qint64 version = read.int64(0);
    if (version >= 0)
        return int(version);
    *error = tr("its schema version is %1, which Discretion never writes: the file was "
                "changed outside Discretion")
                 .arg(version);
    return -1;
}

bool CaseStore::initialise(QString *error) {
    if (!openConnection(error))
        return false;
    const int version = readSchemaVersion(error);
    if (version < 0)
        return false;
    if (version > latestSchemaVersion()) {
        *error = tr("it was written by a newer version of Discretion (schema %1; this version "
                    "understands up to %2). Nothing was changed.")
                     .arg(version)
                     .arg(latestSchemaVersion());
        return false;
    }
    QString schemaError;
    if (version == 0 && hasForeignTables(m_handle, &schemaError)) {
        *error = schemaError.isEmpty() ? tr("it is an SQLite database but not a Discretion docket")
                                       : tr("the file is damaged (%1)").arg(schemaError);
        return false;
    }
    if (version > 0)
        refuseWritesIfSchemaChanged();
    if (!refuseIfHistoryRemoved(version, error))
        return false;
    if (m_readOnly)
        return checkReadable(version, error);
    // WAL lets the list read while an import writes; NORMAL sync is safe under WAL.
    Sqlite::exec(m_handle,
                 QStringLiteral("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                                "PRAGMA foreign_keys=ON;"),
                 nullptr);
    return upgrade(version, error) && syncCourts(error);
}

void CaseStore::refuseWritesIfSchemaChanged() {
    m_schemaChanges = SchemaCheck::differences(m_handle);
    const QStringList &changes = m_schemaChanges;
    if (changes.isEmpty())
        return;
    m_readOnly = true;
    m_readOnlyReason =
        tr("its schema was changed outside Discretion (%1%2)")
            .arg(changes.first(),
                 changes.size() > 1 ? tr("; and %1 more").arg(changes.size() - 1) : QString());
    Sqlite::exec(m_handle, QStringLiteral("PRAGMA query_only=1"), nullptr);
}

// Every docket since the audit log's schema records its creation or upgrade there in the same
// transaction: an empty log there means its history was deleted by hand. Opened, it was
// upgraded and given a fresh start entry, which covered the deletion over (from the attack
// round: `check` itself wrote it).
bool CaseStore::refuseIfHistoryRemoved(int version, QString *error) {
    constexpr int kFirstAuditedSchema = 4;  // 004_audit.sql
    if (version < kFirstAuditedSchema || AuditLog(m_handle).count() > 0)
        return true;
    *error = tr("its audit log is empty, though every docket since schema %1 records its "
                "creation there: its history was removed outside Discretion%2. Nothing was "
                "changed; restore a backup")
                 .arg(kFirstAuditedSchema)
                 .arg(m_schemaChanges.isEmpty() ? QString() : tr(", and %1").arg(m_readOnlyReason));
    return false;
}

bool CaseStore::checkReadable(int version, QString *error) {
    // A read-only docket is read as it is: one that would need writing first is refused.
    const bool older = version < latestSchemaVersion();  // an empty log was refused before
    if (older && !m_schemaChanges.isEmpty()) {  // not upgraded: that would build on the change
        *error = tr("%1; it was written by an earlier version of Discretion (schema %2) and "
                    "is not upgraded while it differs from what that version made")
                     .arg(m_readOnlyReason)
                     .arg(version);
        return false;
    }
    if (older) {
        *error = tr("it is read-only here and was written by an earlier version of Discretion "
                    "(schema %1); open it once where it can be written, so that it is upgraded")
                     .arg(version);
        return false;
    }
    return true;
}

bool CaseStore::upgrade(int schemaBefore, QString *error) {
    if (schemaBefore == latestSchemaVersion() && AuditLog(m_handle).count() > 0)
        return true;
    // The new schema and the audit entry that records it commit together.
    Transaction t(m_handle);
    if (!t.begin(error) || !SchemaMigrator::apply(m_handle, error) ||
        !recordSchema(schemaBefore, error) || !t.commit(error))
        return false;
    m_upgradedFrom = schemaBefore == latestSchemaVersion() ? 0 : schemaBefore;
    return true;
}

bool CaseStore::recordSchema(int schemaBefore, QString *error) {
    AuditLog audit(m_handle);
    const bool first = audit.count() == 0;
    if (schemaBefore == 0)
        return audit.append(QStringLiteral("docket.create"), QStringLiteral("docket"),
                            QFileInfo(m_path).fileName(),
                            {{QStringLiteral("schema"), latestSchemaVersion()}}, error);
    // Signatures made before schema 5 sign no attestation: listed here, they are the only
    // ones a check lets go without one.
    QJsonArray unattested;
    Sqlite::Statement s(m_handle, QStringLiteral("SELECT review_id FROM review_signatures "
                                                 "WHERE length(attestation) = 0 ORDER BY 1"));
    while (s.step() == SQLITE_ROW)
        unattested.append(s.int64(0));
    QJsonObject details{{QStringLiteral("schema_from"), schemaBefore},
                        {QStringLiteral("schema"), latestSchemaVersion()},
                        {QStringLiteral("unattested_reviews"), unattested}};
    if (first) {  // a docket from before the audit log: what it held
        details.insert(QStringLiteral("cases"), caseCount());
        details.insert(QStringLiteral("reviews"), countRows("reviews"));
        details.insert(QStringLiteral("signatures"), countRows("review_signatures"));
    }
    return audit.append(first ? QStringLiteral("audit.start") : QStringLiteral("docket.upgrade"),
                        QStringLiteral("docket"), QFileInfo(m_path).fileName(), details, error);
}

qint64 CaseStore::countRows(const char *table, qint64 caseId) const {
    Sqlite::Statement s(
        m_handle,
        QStringLiteral("SELECT count(*) FROM %1%2")
            .arg(QLatin1String(table), caseId ? QStringLiteral(" WHERE case_id=?") : QString()));
    if (caseId)
        s.bind(1, caseId);
    return s.step() == SQLITE_ROW ? s.int64(0) : 0;
}

QSqlDatabase CaseStore::database() const {
    return QSqlDatabase::database(m_connectionName, false);
}

int CaseStore::schemaVersion() const {
    return SchemaMigrator::currentVersion(m_handle);
}

bool CaseStore::syncCourts(QString *error) {
    // The court list is data that changes; refresh the docket's copy only when it differs,
    // so that opening a docket does not write to it every time.
    const CourtList list = CourtList::builtIn();
    if (metaValue(QStringLiteral("courts_hash")) == list.hash())
        return true;
    Transaction t(m_handle);
    if (!t.begin(error))
        return false;
    Sqlite::Statement upsert(m_handle,
                             QStringLiteral("INSERT OR REPLACE INTO courts(code,name,state) "
                                            "VALUES(?,?,?)"));
    for (const Court &c : list.courts()) {
        upsert.bind(1, c.code);
        upsert.bind(2, c.name);
        upsert.bind(3, c.state);
        if (upsert.step() != SQLITE_DONE) {
            *error = upsert.error();
            return false;
        }
        upsert.reset();
    }
    return setMetaValue(QStringLiteral("courts_hash"), list.hash(), error) && t.commit(error);
}

// SQLite's count of schema changes, kept in the file's header: any CREATE, DROP or ALTER
// by anyone moves it.
qint64 CaseStore::schemaCookie() const {
    Sqlite::Statement s(m_handle, QStringLiteral("PRAGMA schema_version"));
    return s.step() == SQLITE_ROW ? s.int64(0) : -1;
}

bool CaseStore::recheckSchema() {
    const qint64 cookie = schemaCookie();
    if (cookie == m_schemaCookie)
        return false;
    m_schemaCookie = cookie;
    const bool knownBefore = !m_schemaChanges.isEmpty();
    refuseWritesIfSchemaChanged();
    return !knownBefore && !m_schemaChanges.isEmpty();
}

qint64 CaseStore::dataVersion() const {
    Sqlite::Statement s(m_handle, QStringLiteral("PRAGMA data_version"));
    return s.step() == SQLITE_ROW ? s.int64(0) : -1;
}

QString CaseStore::lastBackup() const {
    return metaValue(QStringLiteral("last_backup"));
}

bool CaseStore::recordBackup(const QJsonObject &details, QString *error) {
    Transaction t(m_handle);
    return t.begin(error) &&
           AuditLog(m_handle).append(QStringLiteral("backup"), QStringLiteral("docket"),
                                     QFileInfo(m_path).fileName(), details, error) &&
           setMetaValue(QStringLiteral("last_backup"), Clock::nowUtc().toString(Qt::ISODate),
                        error) &&
           t.commit(error);
}

bool CaseStore::recordRestore(const QJsonObject &details, QString *error) {
    Transaction t(m_handle);
    return t.begin(error) &&
           AuditLog(m_handle).append(QStringLiteral("restore"), QStringLiteral("docket"),
                                     QFileInfo(m_path).fileName(), details, error) &&
           t.commit(error);
}

QString CaseStore::metaValue(const QString &key) const {
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT value FROM docket_meta WHERE key=?"));
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

bool CaseStore::setMetaValue(const QString &key, const QString &value, QString *error) {
    Sqlite::Statement s(m_handle, QStringLiteral("INSERT OR REPLACE INTO docket_meta(key,value) "
                                                 "VALUES(?,?)"));
    s.bind(1, key);
    s.bind(2, value);
    if (s.step() == SQLITE_DONE)
        return true;
    if (error)
        *error = s.error();
    return false;
}

QList<Court> CaseStore::courts() const {
    QList<Court> out;
    QSqlQuery q(QStringLiteral("SELECT code, name, state FROM courts ORDER BY code"), database());
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    return out;
}

QSet<QString> CaseStore::courtCodes() const {
    QSet<QString> out;
    for (const Court &c : courts())
        out.insert(c.code);
    return out;
}

qint64 CaseStore::caseCount() const {
    QSqlQuery q(QStringLiteral("SELECT cases FROM docket_stats WHERE id=1"), database());
    return q.next() ? q.value(0).toLongLong() : 0;
}

bool CaseStore::isSynthetic() const {
    return metaValue(QStringLiteral("synthetic")) == u"1";
}

bool CaseStore::setSynthetic(bool synthetic, QString *error) {
    return setMetaValue(QStringLiteral("synthetic"),
                        synthetic ? QStringLiteral("1") : QString(u'0'), error);
}

std::optional<Case> CaseStore::loadCase(qint64 id) const {
    return CaseReader(database()).load(id);
}

qint64 CaseStore::findCaseId(const QString &aNumberDigits) const {
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT id FROM cases WHERE a_number=?"));
    q.addBindValue(aNumberDigits);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

QHash<qint64, QString> CaseStore::aNumbersOf(const QList<qint64> &ids) const {
    QHash<qint64, QString> out;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT a_number FROM cases WHERE id = ?"));
    for (const qint64 id : ids) {
        q.addBindValue(id);
        if (q.exec() && q.next())
            out.insert(id, q.value(0).toString());
    }
    return out;
}

bool CaseStore::saveCase(Case &c, QString *error) {
    Transaction t(m_handle);
    if (!t.begin(error))
        return false;
    CaseWriter writer(m_handle, CaseFields::keys(), true);
    if (!writer.prepare(error))
        return false;
    const CaseWriter::Existing other = writer.find(c.aNumber);
    if (other.id != 0 && other.id != c.id) {
        *error = tr("%1 already belongs to another case (%2)")
                     .arg(ANumber::displayDigits(c.aNumber), other.familyName);
        return false;
    }
    const std::optional<Case> before = c.id == 0 ? std::nullopt : loadCase(c.id);
    // A review names its person by A-number: a reviewed case keeps the one it was reviewed
    // under (a wrong A-number is a new case).
    if (before && before->aNumber != c.aNumber && countRows("reviews", c.id) > 0) {
        *error = tr("the A-number of a case with a review cannot change (%1 was reviewed "
                    "under it); enter the right A-number as a new case")
                     .arg(ANumber::displayDigits(before->aNumber));
        return false;
    }
    const bool ok = c.id == 0 ? writer.insert(c, error)
                              : writer.update({c.id, c.familyName, c.givenNames}, c, error);
    if (!ok)
        return false;
    AuditLog audit(m_handle);
    const QJsonObject edit = before ? CaseChanges::edited(*before, c) : QJsonObject();
    if (before && !CaseChanges::any(edit))
        return t.commit(error);  // saved as it was: nothing to record
    const bool recorded = before
                              ? audit.append(QStringLiteral("case.edit"), QStringLiteral("case"),
                                             c.aNumber, edit, error)
                              : audit.append(QStringLiteral("case.create"), QStringLiteral("case"),
                                             c.aNumber, CaseChanges::created(c), error);
    return recorded && t.commit(error);
}

bool CaseStore::deleteCase(qint64 id, QString *error) {
    Transaction t(m_handle);
    if (!t.begin(error))
        return false;
    const std::optional<Case> gone = loadCase(id);
    Sqlite::Statement s(m_handle, QStringLiteral("DELETE FROM cases WHERE id=?"));
    s.bind(1, id);
    if (s.step() != SQLITE_DONE) {
        *error = s.error();
        return false;
    }
    if (gone && !AuditLog(m_handle).append(QStringLiteral("case.delete"), QStringLiteral("case"),
                                           gone->aNumber, CaseChanges::deleted(*gone), error))
        return false;
    return t.commit(error);
}

QStringList CaseStore::integrityProblems() const {
    QStringList problems;
    QSqlQuery q(QStringLiteral("PRAGMA integrity_check"), database());
    while (q.next())
        if (q.value(0).toString() != u"ok")
            problems << q.value(0).toString();
    if (q.lastError().isValid())
        problems << q.lastError().text();
    if (const QString index = nameIndexProblem(); !index.isEmpty())
        problems << index;
    problems << foreignKeyProblems();
    return problems;
}

// integrity_check does not follow foreign keys, and the sqlite3 shell does not enforce them: a
// case deleted there left its charges, family and relief behind, and a new case given its id
// (ids are reused) showed them as its own while check said "ok".
QStringList CaseStore::foreignKeyProblems() const {
    QMap<QString, int> orphans;  // table -> rows naming a missing row
    QSqlQuery q(QStringLiteral("PRAGMA foreign_key_check"), database());
    while (q.next())
        ++orphans[q.value(0).toString()];
    QStringList problems;
    if (q.lastError().isValid())
        problems << q.lastError().text();
    for (auto it = orphans.constBegin(); it != orphans.constEnd(); ++it)
        problems << tr("%1 rows of %2 belong to a case or record that is not in the docket "
                       "(deleted outside Discretion)")
                        .arg(it.value())
                        .arg(it.key());
    return problems;
}

// PRAGMA integrity_check does not look inside the FTS5 name index (SQLite 3.40): a case deleted
// from the index by hand was never found by its name again while check said "ok". FTS5's own
// check compares the index with the cases (0.2 s at 150k); it is a write command, so a docket
// open read-only is compared by the index's row count instead.
QString CaseStore::nameIndexProblem() const {
    const QString problem =
        tr("the name index does not match the cases (a search by name would miss cases or find "
           "others): %1");
    QSqlQuery check(database());
    if (check.exec(QStringLiteral(
            "INSERT INTO case_search(case_search, rank) VALUES('integrity-check', 1)")))
        return {};
    if (check.lastError().nativeErrorCode() != QString::number(SQLITE_READONLY))
        return problem.arg(check.lastError().databaseText());
    QSqlQuery counts(QStringLiteral("SELECT (SELECT count(*) FROM case_search_docsize), "
                                    "(SELECT count(*) FROM cases)"),
                     database());
    if (!counts.next())
        return problem.arg(counts.lastError().databaseText());
    if (counts.value(0) != counts.value(1))
        return problem.arg(tr("it lists %1 cases, the docket holds %2")
                               .arg(counts.value(0).toLongLong())
                               .arg(counts.value(1).toLongLong()));
    return {};
}

QList<std::pair<QString, qint64>> CaseStore::tableCounts() const {
    QList<std::pair<QString, qint64>> out;
    for (const char *table :
         {"cases", "charges", "family_members", "relief_applications", "courts"}) {
        QSqlQuery q(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)),
                    database());
        out.append({QLatin1String(table), q.next() ? q.value(0).toLongLong() : -1});
    }
    return out;
}
