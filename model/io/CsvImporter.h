#pragma once

#include "ImportReport.h"
#include "domain/Case.h"

#include <QList>
#include <QSet>
#include <QString>

class CaseStore;
class CaseWriter;
class QIODevice;
struct CaseField;
struct CsvRecord;

// The header and first rows of a CSV file, for the import preview.
struct CsvPreview {
    QStringList header;
    QStringList mappedTo;  // the field each column fills, or empty for an unknown column
    QList<QStringList> rows;
    QString error;
};

// Imports a CSV docket (columns as in README: a_number, family_name, ...). Every bad
// row is reported with its line, column and reason; the good rows go in one
// transaction, so a cancel or a fatal error leaves the docket exactly as it was.
class CsvImporter {
  public:
    CsvImporter(CaseStore &store, DuplicatePolicy onDuplicate, ImportProgress progress = {});

    ImportReport importFile(const QString &path);
    static CsvPreview preview(const QString &path, int rows);

  private:
    bool readHeader(const CsvRecord &header, ImportReport &report);
    bool importRows(QIODevice &file, ImportReport &report);
    bool writeBatches(class BatchQueue &queue, class BulkLoad &load, ImportReport &report,
                      qint64 totalBytes);
    bool store(Case &c, class BulkLoad &load, ImportReport &report);

    CaseStore &m_store;
    DuplicatePolicy m_onDuplicate;
    ImportProgress m_progress;
    QSet<QString> m_courts;
    QString m_path;
    QList<const CaseField *> m_columns;  // nullptr for unknown columns
};
