#pragma once

#include "store/CaseQuery.h"

#include <QString>
#include <functional>

class CaseStore;

// Writes the cases of a filtered, sorted list to CSV (the import's columns) or to
// JSON Lines (whole records). Through QSaveFile: a failed export leaves any earlier
// file as it was, never a truncated one.
// Masked: for sharing statistics, names and identifying details removed (CaseMasking).
// progress: told the cases written so far every few thousand; returning false stops the
// export (false, "cancelled", and no file written: an earlier file stays as it was).
namespace CaseExporter {
enum class Privacy { Full, Masked };
using Progress = std::function<bool(qint64 written)>;
bool exportCsv(const CaseStore &store, const CaseFilter &filter, const CaseSort &sort,
               const QString &path, qint64 *written, QString *error,
               Privacy privacy = Privacy::Full, const Progress &progress = {});
bool exportJsonLines(const CaseStore &store, const CaseFilter &filter, const CaseSort &sort,
                     const QString &path, qint64 *written, QString *error,
                     Privacy privacy = Privacy::Full, const Progress &progress = {});
// The message of a stopped export.
QString cancelledMessage();
}  // namespace CaseExporter
