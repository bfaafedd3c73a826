#include "DocketSummary.h"
#include "DocketFile.h"

#include "domain/Codes.h"

#include <QSqlQuery>
#include <QThread>
#include <algorithm>

namespace {
QList<DocketSummary::Count> counts(const QSqlDatabase &db, const QString &sql, bool *ok) {
    QList<DocketSummary::Count> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql)) {
        *ok = false;
        return out;
    }
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toLongLong()});
    std::stable_sort(out.begin(), out.end(),
                     [](const auto &a, const auto &b) { return a.cases > b.cases; });
    return out;
}

qint64 single(const QSqlDatabase &db, const QString &sql, bool *ok) {
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next()) {
        *ok = false;
        return 0;
    }
    return q.value(0).toLongLong();
}

QList<DocketSummary::Count> inWorkflowOrder(const QList<DocketSummary::Count> &found) {
    QList<DocketSummary::Count> out;
    for (const CodeOption &o : Codes::reviewStatuses().options()) {
        qint64 n = 0;
        for (const DocketSummary::Count &c : found)
            if (c.key == o.code)
                n = c.cases;
        out.append({o.code, n});
    }
    return out;
}
}  // namespace

QString DocketSummary::latestSignedDispositionsSql() {
    return QStringLiteral(
        "SELECT r.case_id AS case_id, json_extract(r.record, '$.disposition') AS disposition "
        "FROM reviews r JOIN review_signatures s ON s.review_id = r.id "
        "WHERE r.version = (SELECT max(version) FROM reviews WHERE case_id = r.case_id)");
}

QStringList DocketSummary::Queries::all() const {
    return QStringList{byStatus, byCourt, signedByDisposition, total, unrepresented} + weeks;
}

DocketSummary::Queries DocketSummary::queries(QDate today) {
    Queries q;
    // GROUP BY over the (status, hearing) and (court, hearing) indexes: covering scans.
    q.byStatus = QStringLiteral("SELECT review_status, count(*) FROM cases GROUP BY review_status");
    q.byCourt =
        QStringLiteral("SELECT court, count(*) FROM cases WHERE court <> '' GROUP BY court");
    q.signedByDisposition =
        QStringLiteral("SELECT disposition, count(*) FROM (%1) GROUP BY disposition")
            .arg(latestSignedDispositionsSql());
    q.total = QStringLiteral("SELECT cases FROM docket_stats WHERE id = 1");
    q.unrepresented =
        QStringLiteral("SELECT count(*) FROM cases WHERE counsel_name COLLATE NOCASE = ''");
    const QDate monday = today.addDays(1 - today.dayOfWeek());
    for (int w = 0; w < kWeeks; ++w)
        q.weeks << QStringLiteral(
                       "SELECT count(*) FROM cases WHERE hearing_sort BETWEEN '%1' AND '%2'")
                       .arg(monday.addDays(7 * w).toString(Qt::ISODate),
                            monday.addDays(7 * w + 6).toString(Qt::ISODate));
    return q;
}

DocketSummary DocketSummary::read(const QSqlDatabase &db, QDate today) {
    const Queries q = queries(today);
    DocketSummary s;
    bool ok = true;
    s.byStatus = inWorkflowOrder(counts(db, q.byStatus, &ok));
    s.byCourt = counts(db, q.byCourt, &ok);
    s.signedByDisposition = counts(db, q.signedByDisposition, &ok);
    s.total = single(db, q.total, &ok);
    s.unrepresented = single(db, q.unrepresented, &ok);
    const QDate monday = today.addDays(1 - today.dayOfWeek());
    for (int w = 0; w < kWeeks; ++w)
        s.upcomingWeeks.append(
            {monday.addDays(7 * w), monday.addDays(7 * w + 6), single(db, q.weeks[w], &ok)});
    s.ok = ok;
    return s;
}

DocketSummary DocketSummary::readFile(const QString &path, QDate today) {
    DocketSummary summary;
    DocketFile::readOnThisThread(
        path, [&summary, today](QSqlDatabase &db) { summary = read(db, today); });
    return summary;
}
