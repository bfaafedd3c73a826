#pragma once

#include "CaseQuery.h"

#include <QDate>
#include <QSqlDatabase>
#include <optional>

// The cases that still need a decision (no signed review), in the order their hearings
// come, within the case list's filters. The attorney walks it with "Next Case": each
// step asks for the first such case after the one before, so signing, skipping or a
// change made elsewhere never loses the place. Each step is one index seek per open
// review status (cases_status_hearing), whatever the docket size.
class ReviewQueue {
  public:
    // A place in the queue: the hearing date as the list sorts it, then the case id.
    struct Position {
        QString hearingSort;
        qint64 caseId = 0;
        friend bool operator==(const Position &, const Position &) = default;
    };

    ReviewQueue(const QSqlDatabase &db, CaseFilter filter);

    // The first case after `after` (from the start when there is none), or none.
    std::optional<Position> next(const std::optional<Position> &after) const;
    // How many cases have a hearing from `from` to `until` (inclusive) and no signed review.
    qint64 hearingsWithoutDecision(QDate from, QDate until) const;
    // The same through a reader connection of its own, for a worker thread; -1 when the
    // docket cannot be read.
    static qint64 hearingsWithoutDecisionInFile(const QString &path, const CaseFilter &filter,
                                                QDate from, QDate until);

    static constexpr int kSoonDays = 14;  // the window the list highlights

  private:
    QStringList openStatuses() const;  // the statuses the filter leaves in the queue

    QSqlDatabase m_db;
    CaseFilter m_filter;
};
