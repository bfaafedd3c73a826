#pragma once

#include "domain/Case.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringList>
#include <QVarLengthArray>

struct CaseField;

// One case's values for a row of `cases`, as UTF-8, in the order CaseWriter binds them:
// the writer's columns, then search_name and review_status. An import makes them on its
// parsing thread, so the writing thread (SQLite's, the busier one) binds bytes as they
// are instead of converting every field of every row itself.
class CaseRow {
  public:
    qsizetype size() const { return m_ends.size(); }
    QByteArrayView value(qsizetype i) const;
    // Adds the next value, already in its stored form (the import's quick path, PlainCsvRow).
    void append(QByteArrayView value);

  private:
    friend class CaseRowEncoder;
    QByteArray m_bytes;                     // every value, end to end
    QVarLengthArray<qsizetype, 40> m_ends;  // where each value ends in m_bytes
};

class CaseRowEncoder {
  public:
    // columns: CaseFields keys, as CaseWriter takes them.
    explicit CaseRowEncoder(const QStringList &columns);
    CaseRow encode(const Case &c) const;
    // The case whose encoding `row` is (its columns' fields; the others as a new Case has
    // them): decode(encode(c)) holds the same columns' values as c.
    Case decode(const CaseRow &row) const;

  private:
    QList<const CaseField *> m_fields;
};
