#include "DocketSummary.h"

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

qint64 single(const QSqlDatabase &db, const QString &sql, const QVariantList &binds, bool *ok) {
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next()) {
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

DocketSummary DocketSummary::read(const QSqlDatabase &db, QDate today) {
    DocketSummary s;
    bool ok = true;
    // GROUP BY over the (status, hearing) and (court, hearing) indexes: covering scans.
    s.byStatus = inWorkflowOrder(counts(
        db, QStringLiteral("SELECT review_status, count(*) FROM cases GROUP BY review_status"),
        &ok));
    s.byCourt = counts(
        db, QStringLiteral("SELECT court, count(*) FROM cases WHERE court <> '' GROUP BY court"),
        &ok);
    s.signedByDisposition =
        counts(db,
               QStringLiteral("SELECT disposition, count(*) FROM (%1) GROUP BY disposition")
                   .arg(latestSignedDispositionsSql()),
               &ok);
    s.total = single(db, QStringLiteral("SELECT cases FROM docket_stats WHERE id = 1"), {}, &ok);
    s.unrepresented =
        single(db, QStringLiteral("SELECT count(*) FROM cases WHERE counsel_name = ''"), {}, &ok);
    const QDate monday = today.addDays(1 - today.dayOfWeek());
    for (int w = 0; w < kWeeks; ++w) {
        const Week week{monday.addDays(7 * w), monday.addDays(7 * w + 6), 0};
        s.upcomingWeeks.append(week);
        s.upcomingWeeks.last().hearings = single(
            db, QStringLiteral("SELECT count(*) FROM cases WHERE hearing_sort BETWEEN ? AND ?"),
            {week.from.toString(Qt::ISODate), week.until.toString(Qt::ISODate)}, &ok);
    }
    s.ok = ok;
    return s;
}

DocketSummary DocketSummary::readFile(const QString &path, QDate today) {
    const QString name =
        QStringLiteral("discretion-summary-%1").arg(quintptr(QThread::currentThreadId()), 0, 16);
    DocketSummary summary;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open())
            summary = read(db, today);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return summary;
}
