#pragma once

#include "CaseWriter.h"
#include "Transaction.h"

#include <QStringList>
#include <memory>

class CaseStore;

// Many case writes in one all-or-nothing transaction. Into an empty docket the
// secondary indexes and the search triggers are set aside and rebuilt once at the
// end (measured several times faster than keeping them up to date row by row).
// Destroying an unfinished load rolls everything back.
class BulkLoad {
  public:
    BulkLoad(CaseStore &store, QStringList columns, bool withChildren);
    ~BulkLoad();

    bool begin(QString *error);
    CaseWriter &writer() { return *m_writer; }
    bool finish(QString *error);

  private:
    bool setAsideIndexes(QString *error);
    bool rebuild(QString *error);

    CaseStore &m_store;
    Transaction m_transaction;
    std::unique_ptr<CaseWriter> m_writer;
    QStringList m_setAsideSql;  // CREATE INDEX / TRIGGER statements to run at the end
};
