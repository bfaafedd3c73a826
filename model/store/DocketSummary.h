#pragma once

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

// The numbers behind the dashboard: how the docket stands, read in one pass of indexed
// queries (covering-index scans and range counts, no table rows read) so that it stays
// well under a second on a 1.5-million-case docket. Safe to read on a worker thread
// through its own connection (readFile).
struct DocketSummary {
    struct Count {
        QString key;  // a review status, court code or disposition id
        qint64 cases = 0;
    };
    struct Week {
        QDate from;   // Monday
        QDate until;  // Sunday
        qint64 hearings = 0;
    };

    QList<Count> byStatus;             // every review status, in workflow order, zeros included
    QList<Count> byCourt;              // courts with cases, most cases first
    QList<Week> upcomingWeeks;         // kWeeks weeks from the week of `today`
    QList<Count> signedByDisposition;  // latest signed review of each case, most first
    qint64 total = 0;
    qint64 unrepresented = 0;
    bool ok = false;

    static constexpr int kWeeks = 12;

    // The SQL it runs, literal (dates inlined; they are ours, in ISO form), so that a
    // benchmark can hand the very same statements to the sqlite3 CLI.
    struct Queries {
        QString byStatus, byCourt, signedByDisposition, total, unrepresented;
        QStringList weeks;  // one count per week
        QStringList all() const;
    };
    static Queries queries(QDate today);

    static DocketSummary read(const QSqlDatabase &db, QDate today);
    // Opens the docket read-only on the calling thread, reads, closes.
    static DocketSummary readFile(const QString &path, QDate today);
    // The SQL of the latest signed review of each case (case_id, disposition); the case
    // list's disposition filter uses the same definition.
    static QString latestSignedDispositionsSql();
};
