#pragma once

#include "domain/Case.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <optional>

// Reads whole case records (the case row with its charges, family and relief).
class CaseReader {
  public:
    explicit CaseReader(const QSqlDatabase &db) : m_db(db) {}
    std::optional<Case> load(qint64 id) const;
    void loadChildren(Case &c) const;

    // The columns that caseFromRow reads, in order, starting with id.
    static QString caseColumns();
    static Case caseFromRow(const QSqlQuery &q);

  private:
    void loadCharges(Case &c) const;
    void loadFamily(Case &c) const;
    void loadRelief(Case &c) const;

    QSqlDatabase m_db;
};
