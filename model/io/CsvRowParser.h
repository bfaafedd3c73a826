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

    // The case, or nothing and the row's first problem added to `rejected` (as the import
    // reports it).
    std::optional<Case> parse(const CsvRecord &record, QList<RejectedRow> &rejected) const;
    // Every problem the import would find in the row, by the same rules: each field that
    // cannot be read, then what the validator finds in the fields that could. Empty when
    // the row would be imported. For the import preview.
    QList<RejectedRow> problems(const CsvRecord &record) const;

  private:
    std::optional<Case> read(const CsvRecord &record, QList<RejectedRow> &rejected,
                             bool everyProblem) const;

    QList<const CaseField *> m_columns;
    QSet<QString> m_courts;
    CaseValidator m_validator;
};
