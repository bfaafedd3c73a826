#include "CaseReader.h"

#include "domain/CaseFields.h"

#include <QSqlQuery>
#include <QVariant>

namespace {
QSqlQuery childQuery(const QSqlDatabase &db, const QString &sql, qint64 caseId) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(sql);
    q.addBindValue(caseId);
    q.exec();
    return q;
}

QDate date(const QSqlQuery &q, int column) {
    return QDate::fromString(q.value(column).toString(), Qt::ISODate);
}
}  // namespace

QString CaseReader::caseColumns() {
    return QStringLiteral("id, ") + CaseFields::keys().join(u',') +
           QStringLiteral(", review_status, created_at, updated_at");
}

Case CaseReader::caseFromRow(const QSqlQuery &q) {
    Case c;
    int column = 0;
    c.id = q.value(column++).toLongLong();
    for (const CaseField &f : CaseFields::all())
        CaseFields::setText(c, f, q.value(column++).toString());
    c.reviewStatus = q.value(column++).toString();
    c.createdAt = QDateTime::fromString(q.value(column++).toString(), Qt::ISODateWithMs);
    c.updatedAt = QDateTime::fromString(q.value(column++).toString(), Qt::ISODateWithMs);
    return c;
}

std::optional<Case> CaseReader::load(qint64 id) const {
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM cases WHERE id=?").arg(caseColumns()));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    Case c = caseFromRow(q);
    loadChildren(c);
    return c;
}

void CaseReader::loadChildren(Case &c) const {
    loadCharges(c);
    loadFamily(c);
    loadRelief(c);
}

void CaseReader::loadCharges(Case &c) const {
    QSqlQuery q = childQuery(m_db,
                             QStringLiteral("SELECT offense, offense_date, jurisdiction, "
                                            "disposition, sentence, weapon_involved FROM charges "
                                            "WHERE case_id=? ORDER BY position"),
                             c.id);
    while (q.next())
        c.charges.append({q.value(0).toString(), date(q, 1), q.value(2).toString(),
                          q.value(3).toString(), q.value(4).toString(), q.value(5).toInt() != 0});
}

void CaseReader::loadFamily(Case &c) const {
    QSqlQuery q = childQuery(m_db,
                             QStringLiteral("SELECT name, relation, status, dependency FROM "
                                            "family_members WHERE case_id=? ORDER BY position"),
                             c.id);
    while (q.next())
        c.family.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                         q.value(3).toString()});
}

void CaseReader::loadRelief(Case &c) const {
    QSqlQuery q =
        childQuery(m_db,
                   QStringLiteral("SELECT relief_type, forum, filed_date FROM "
                                  "relief_applications WHERE case_id=? ORDER BY position"),
                   c.id);
    while (q.next())
        c.relief.append({q.value(0).toString(), q.value(1).toString(), date(q, 2)});
}
