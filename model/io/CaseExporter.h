#pragma once

#include "store/CaseQuery.h"

#include <QString>

class CaseStore;

// Writes the cases of a filtered, sorted list to CSV (the import's columns) or to
// JSON Lines (whole records). Through QSaveFile: a failed export leaves any earlier
// file as it was, never a truncated one.
// Masked: for sharing statistics, names and identifying details removed (CaseMasking).
namespace CaseExporter {
enum class Privacy { Full, Masked };
bool exportCsv(const CaseStore &store, const CaseFilter &filter, const CaseSort &sort,
               const QString &path, qint64 *written, QString *error,
               Privacy privacy = Privacy::Full);
bool exportJsonLines(const CaseStore &store, const CaseFilter &filter, const CaseSort &sort,
                     const QString &path, qint64 *written, QString *error,
                     Privacy privacy = Privacy::Full);
}  // namespace CaseExporter
