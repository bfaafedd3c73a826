#pragma once

#include "ImportReport.h"
#include "domain/Case.h"
#include "domain/CaseValidator.h"

#include <QList>
#include <QSet>
#include <QString>

class CaseStore;
class CaseWriter;
class QIODevice;
struct CaseField;
struct CsvRecord;

// The header and first rows of a CSV file, for the import preview, with what the import
// would reject in those rows (found by the import's own CsvRowParser).
struct CsvPreview {
    struct Problem {
        int row = 0;      // index in rows
        int column = -1;  // index in header; -1 when the whole row is at fault
        QString field;    // the field's key as the import report names it, or empty
        QString reason;
    };
    QStringList header;
    QStringList mappedTo;  // the field each column fills, or empty for an unknown column
    QList<QStringList> rows;
    QList<qint64> lines;      // the line of the file each row starts on
    QList<Problem> problems;  // every problem of each row shown
    QString error;            // the file cannot be read, or the import would refuse it whole
};

// Imports a CSV docket (columns as in README: a_number, family_name, ...). Every bad
// row is reported with its line, column and reason; the good rows go in one
// transaction, so a cancel or a fatal error leaves the docket exactly as it was.
class CsvImporter {
  public:
    CsvImporter(CaseStore &store, DuplicatePolicy onDuplicate, ImportProgress progress = {});

    ImportReport importFile(const QString &path);
    // courts: the docket's court codes, which the import accepts.
    static CsvPreview preview(const QString &path, int rows, const QSet<QString> &courts);

  private:
    bool importRows(QIODevice &file, ImportReport &report);
    bool writeBatches(class BatchQueue &queue, class BulkLoad &load, ImportReport &report,
                      qint64 totalBytes);
    bool store(const class CaseRow &row, qint64 line, class BulkLoad &load, ImportReport &report);
    // What is wrong with the case `caseId` once the row's columns replace its own.
    QList<FieldIssue> updatedCaseIssues(qint64 caseId, const Case &row) const;

    CaseStore &m_store;
    DuplicatePolicy m_onDuplicate;
    ImportProgress m_progress;
    QSet<QString> m_courts;
    QString m_path;
    QList<const CaseField *> m_columns;  // nullptr for unknown columns
    // While rows are written: how they are encoded, and where their A-number is.
    const class CaseRowEncoder *m_encoder = nullptr;
    qsizetype m_aNumberColumn = -1;
};
