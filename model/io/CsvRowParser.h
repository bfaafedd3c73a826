#pragma once

#include "ImportReport.h"
#include "domain/Case.h"
#include "domain/CaseValidator.h"

#include <QList>
#include <QSet>
#include <optional>

struct CaseField;
struct CsvRecord;

// Turns one CSV record into a checked Case, or explains why not. Read-only after
// construction, so it can run on the import's parsing thread.
class CsvRowParser {
  public:
    // columns[i] is the field of column i, or nullptr for a column that is ignored.
    CsvRowParser(QList<const CaseField *> columns, const QSet<QString> &courts, QDate today);

    std::optional<Case> parse(const CsvRecord &record, QList<RejectedRow> &rejected) const;

  private:
    QList<const CaseField *> m_columns;
    QSet<QString> m_courts;
    CaseValidator m_validator;
};
