#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

enum class DuplicatePolicy { Skip, Update };

// A row that was not imported: where it is and what is wrong with it.
struct RejectedRow {
    qint64 line = 0;  // physical line in the file where the row starts
    QString column;   // the column or field at fault; empty for the whole row
    QString reason;
};

// What an import did. A fatal error (or a cancel) means nothing was imported.
struct ImportReport {
    qint64 imported = 0;
    qint64 updated = 0;
    qint64 skipped = 0;  // duplicates left as they were
    QList<RejectedRow> rejected;
    QStringList unknownColumns;
    QString fatal;
    bool cancelled = false;

    bool succeeded() const { return fatal.isEmpty() && !cancelled; }
    // The counts as the audit log records them, with the file's name (not its folder).
    QJsonObject summary(const QString &path) const;
    QString rejectedText(const RejectedRow &r) const;
};

class QIODevice;
// Text import reads UTF-8. A UTF-16 file (what Excel's "Unicode Text" and some exports
// write) would otherwise fail as a header with no known column: say what it is instead.
// Empty when the first bytes do not look like UTF-16.
QString utf16Problem(QIODevice &file);

// Called with (bytes done, bytes in all); return false to cancel (and roll back).
using ImportProgress = std::function<bool(qint64 done, qint64 total)>;
