#include "ReviewQueue.h"

#include "CasePager.h"
#include "DocketFile.h"

#include <QSqlQuery>
#include <tuple>

ReviewQueue::ReviewQueue(const QSqlDatabase &db, CaseFilter filter)
    : m_db(db), m_filter(std::move(filter)) {}

QStringList ReviewQueue::openStatuses() const {
    QStringList open = {QStringLiteral("not_reviewed"), QStringLiteral("draft"),
                        QStringLiteral("ready")};
    if (m_filter.reviewStatus.isEmpty())
        return open;
    return open.contains(m_filter.reviewStatus) ? QStringList{m_filter.reviewStatus}
                                                : QStringList();
}

std::optional<ReviewQueue::Position> ReviewQueue::next(const std::optional<Position> &after) const {
    // One query per status rather than "status <> 'signed'": each walks its own index
    // range in hearing order and stops at the first row, where the inequality would
    // read past every signed case first.
    CaseFilter rest = m_filter;
    rest.reviewStatus.clear();
    const CasePager pager(m_db, rest, CaseSort{});
    QString sql = QStringLiteral("SELECT hearing_sort, id FROM cases WHERE review_status = ?");
    if (!pager.whereSql().isEmpty())
        sql += QStringLiteral(" AND ") + pager.whereSql();
    // After a position: the rest of its hearing date, then the later dates, each one index
    // seek (a row value (hearing_sort, id) > (?, ?) is sought by its first column only, and
    // read the cases without a hearing, which share one value, row by row).
    QList<std::pair<QString, QVariantList>> ranges{{QString(), {}}};
    if (after)
        ranges = {{QStringLiteral(" AND hearing_sort = ? AND id > ?"),
                   {after->hearingSort, after->caseId}},
                  {QStringLiteral(" AND hearing_sort > ?"), {after->hearingSort}}};
    std::optional<Position> best;
    for (const QString &status : openStatuses()) {
        std::optional<Position> found;
        for (const auto &[clause, binds] : ranges) {
            QSqlQuery q(m_db);
            q.prepare(sql + clause + QStringLiteral(" ORDER BY hearing_sort, id LIMIT 1"));
            q.addBindValue(status);
            for (const QVariant &b : pager.whereBinds() + binds)
                q.addBindValue(b);
            if (q.exec() && q.next()) {
                found = Position{q.value(0).toString(), q.value(1).toLongLong()};
                break;
            }
        }
        if (!found)
            continue;
        if (!best ||
            std::tie(found->hearingSort, found->caseId) < std::tie(best->hearingSort, best->caseId))
            best = found;
    }
    return best;
}

qint64 ReviewQueue::hearingsWithoutDecision(QDate from, QDate until) const {
    CaseFilter rest = m_filter;
    rest.reviewStatus.clear();
    const CasePager pager(m_db, rest, CaseSort{});
    QString sql = QStringLiteral(
        "SELECT count(*) FROM cases WHERE review_status = ? AND hearing_sort BETWEEN ? AND ?");
    if (!pager.whereSql().isEmpty())
        sql += QStringLiteral(" AND ") + pager.whereSql();
    qint64 total = 0;
    for (const QString &status : openStatuses()) {
        QSqlQuery q(m_db);
        q.prepare(sql);
        q.addBindValue(status);
        q.addBindValue(from.toString(Qt::ISODate));
        q.addBindValue(until.toString(Qt::ISODate));
        for (const QVariant &b : pager.whereBinds())
            q.addBindValue(b);
        if (q.exec() && q.next())
            total += q.value(0).toLongLong();
    }
    return total;
}

qint64 ReviewQueue::hearingsWithoutDecisionInFile(const QString &path, const CaseFilter &filter,
                                                  QDate from, QDate until) {
    qint64 count = -1;
    DocketFile::readOnThisThread(path, [&](QSqlDatabase &db) {
        count = ReviewQueue(db, filter).hearingsWithoutDecision(from, until);
    });
    return count;
}
