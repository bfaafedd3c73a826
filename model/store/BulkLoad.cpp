#include "BulkLoad.h"

#include "CaseStore.h"
#include "Sqlite.h"
#include "audit/AuditLog.h"
#include "audit/CaseChanges.h"

#include <QJsonDocument>

BulkLoad::BulkLoad(CaseStore &store, QStringList columns, bool withChildren, const QString &source)
    : m_store(store),
      m_transaction(store.handle()),
      m_writer(std::make_unique<CaseWriter>(store.handle(), std::move(columns), withChildren)),
      m_audit(std::make_unique<AuditLog>(store.handle())),
      m_source(source),
      m_caseDetails(QJsonDocument(QJsonObject{{QStringLiteral("source"), source}})
                        .toJson(QJsonDocument::Compact)) {}

BulkLoad::~BulkLoad() {
    m_writer.reset();  // finalise statements before the rollback
    m_audit.reset();
    m_transaction.rollback();
    sqlite3 *db = m_store.handle();
    Sqlite::exec(db, QStringLiteral("PRAGMA cache_size=-8000"), nullptr);
    if (m_rollbackJournal)
        Sqlite::exec(db, QStringLiteral("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL"),
                     nullptr);
}

// Into an empty docket the load writes nearly every page of the file. Under WAL each page
// is written twice, to the log and then back into the file; a rollback journal keeps only
// the pages that existed before (a page past the old end has nothing to restore), so the
// file is written once and a crash still rolls back to the empty docket. The switch needs
// the file to itself: with another connection open (the window's list) it is refused and
// the load stays in WAL. CaseStore::open puts every docket back in WAL, even after a crash.
bool BulkLoad::useRollbackJournal() {
    sqlite3 *db = m_store.handle();
    Sqlite::Statement mode(db, QStringLiteral("PRAGMA journal_mode=DELETE"));
    if (mode.step() != SQLITE_ROW || mode.text(0) != QLatin1String("delete"))
        return false;
    // FULL: the journal is on disk before the file changes (NORMAL is enough only for WAL).
    Sqlite::exec(db, QStringLiteral("PRAGMA synchronous=FULL"), nullptr);
    return true;
}

bool BulkLoad::begin(QString *error) {
    // Index builds sort; let SQLite's sorter use the second core and more memory.
    Sqlite::exec(m_store.handle(), QStringLiteral("PRAGMA threads=2"), nullptr);
    Sqlite::exec(m_store.handle(), QStringLiteral("PRAGMA cache_size=-65536"), nullptr);
    if (!m_store.isReadOnly() && m_store.caseCount() == 0)
        m_rollbackJournal = useRollbackJournal();
    if (!m_transaction.begin(error))
        return false;
    m_audit->fixActor();
    if (m_store.caseCount() == 0 && !setAsideIndexes(error))
        return false;
    return m_writer->prepare(error);
}

bool BulkLoad::setAsideIndexes(QString *error) {
    Sqlite::Statement list(m_store.handle(),
                           "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND "
                           "((tbl_name='cases' AND type IN ('index','trigger')) OR "
                           "(tbl_name='audit_log' AND type='index'))");
    QStringList drops;
    while (list.step() == SQLITE_ROW) {
        m_setAsideSql << list.text(2);
        drops << QStringLiteral("DROP %1 %2").arg(list.text(0).toUpper(), list.text(1));
    }
    for (const QString &drop : drops)
        if (!Sqlite::exec(m_store.handle(), drop, error))
            return false;
    return true;
}

bool BulkLoad::rebuild(QString *error) {
    sqlite3 *db = m_store.handle();
    for (const QString &sql : m_setAsideSql)
        if (!Sqlite::exec(db, sql, error))
            return false;
    return Sqlite::exec(db,
                        QStringLiteral("INSERT INTO case_search(case_search) VALUES('rebuild');"
                                       "UPDATE docket_stats SET cases=(SELECT count(*) FROM cases);"
                                       "PRAGMA analysis_limit=1000; ANALYZE;"),
                        error);
}

bool BulkLoad::insertIfNew(const CaseRow &row, QByteArrayView aNumber, bool *duplicate,
                           QString *error) {
    return m_writer->insert(row, error, duplicate) &&
           m_audit->appendUtf8("case.import", "case", aNumber, m_caseDetails, error);
}

bool BulkLoad::write(Case &c, const CaseWriter::Existing &existing, QString *error) {
    if (existing.id == 0)
        return m_writer->insert(c, error) &&
               m_audit->appendRaw(QStringLiteral("case.import"), QStringLiteral("case"), c.aNumber,
                                  m_caseDetails, error);
    // An update is audited like an edit: each changed field with its old and new value.
    const std::optional<Case> before = m_store.loadCase(existing.id);
    if (!m_writer->update(existing, c, error))
        return false;
    const std::optional<Case> after = m_store.loadCase(existing.id);
    QJsonObject details = before && after ? CaseChanges::edited(*before, *after) : QJsonObject();
    details.insert(QStringLiteral("source"), m_source);
    return m_audit->append(QStringLiteral("case.import_update"), QStringLiteral("case"), c.aNumber,
                           details, error);
}

bool BulkLoad::finish(const QString &action, const QJsonObject &summary, QString *error) {
    if (!m_audit->append(action, QStringLiteral("docket"), m_source, summary, error))
        return false;
    if (!m_setAsideSql.isEmpty() && !rebuild(error))
        return false;
    m_writer.reset();
    m_audit.reset();
    return m_transaction.commit(error);
}
