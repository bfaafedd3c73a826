#pragma once

#include "CaseWriter.h"
#include "Transaction.h"

#include <QJsonObject>
#include <QStringList>
#include <memory>

class AuditLog;
class CaseStore;

// Many case writes in one all-or-nothing transaction. Into an empty docket the
// secondary indexes and the search triggers are set aside and rebuilt once at the
// end (measured several times faster than keeping them up to date row by row).
// Destroying an unfinished load rolls everything back. Every case written is recorded in
// the audit log (one entry each, naming the source), and finish() adds one entry for the
// whole load with its counts, all in the same transaction.
class BulkLoad {
  public:
    // source: what the cases come from, e.g. the imported file's name.
    BulkLoad(CaseStore &store, QStringList columns, bool withChildren, const QString &source);
    ~BulkLoad();

    bool begin(QString *error);
    CaseWriter &writer() { return *m_writer; }
    // Inserts or updates (when existingId is not 0) the case, and records it.
    bool write(Case &c, const CaseWriter::Existing &existing, QString *error);
    // Inserts and records the case unless its A-number is already in the docket (then
    // false with *duplicate set, nothing written).
    // row: the case's values in a CaseRowEncoder's layout over the same columns, made on
    // another thread; aNumber: its A-number's nine digits.
    bool insertIfNew(const CaseRow &row, QByteArrayView aNumber, bool *duplicate, QString *error);
    // action: "import" or "generate"; summary: its counts.
    bool finish(const QString &action, const QJsonObject &summary, QString *error);

  private:
    bool setAsideIndexes(QString *error);
    bool useRollbackJournal();
    bool rebuild(QString *error);

    CaseStore &m_store;
    Transaction m_transaction;
    std::unique_ptr<CaseWriter> m_writer;
    std::unique_ptr<AuditLog> m_audit;
    QString m_source;
    QByteArray m_caseDetails;        // the same small JSON for every case of this load
    QStringList m_setAsideSql;       // CREATE INDEX / TRIGGER statements to run at the end
    bool m_rollbackJournal = false;  // switched from WAL for this load
};
