#include "CaseSnapshot.h"

#include "CaseFields.h"
#include "FieldText.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace CaseSnapshot {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("CaseSnapshot", text);
}

QString isoDate(const QDate &d) {
    return FieldText::isoDate(d);
}

QDate date(const QJsonObject &o, const char *key) {
    return QDate::fromString(o.value(QLatin1String(key)).toString(), Qt::ISODate);
}

QString text(const QJsonObject &o, const char *key) {
    return o.value(QLatin1String(key)).toString();
}

QJsonArray chargesJson(const Case &c) {
    QJsonArray out;
    for (const Charge &ch : c.charges)
        out.append(QJsonObject{{"offense", ch.offense},
                               {"date", isoDate(ch.date)},
                               {"jurisdiction", ch.jurisdiction},
                               {"disposition", ch.disposition},
                               {"sentence", ch.sentence},
                               {"weapon_involved", ch.weaponInvolved}});
    return out;
}

QJsonArray familyJson(const Case &c) {
    QJsonArray out;
    for (const FamilyMember &f : c.family)
        out.append(QJsonObject{{"name", f.name},
                               {"relation", f.relation},
                               {"status", f.status},
                               {"dependency", f.dependency}});
    return out;
}

QJsonArray reliefJson(const Case &c) {
    QJsonArray out;
    for (const ReliefApplication &r : c.relief)
        out.append(QJsonObject{
            {"type", r.type}, {"forum", r.forum}, {"filed_date", isoDate(r.filedDate)}});
    return out;
}

void readLists(const QJsonObject &o, Case &c) {
    for (const auto &v : o.value(QLatin1String("charges")).toArray()) {
        const QJsonObject ch = v.toObject();
        c.charges.append({text(ch, "offense"), date(ch, "date"), text(ch, "jurisdiction"),
                          text(ch, "disposition"), text(ch, "sentence"),
                          ch.value(QLatin1String("weapon_involved")).toBool()});
    }
    for (const auto &v : o.value(QLatin1String("family")).toArray()) {
        const QJsonObject f = v.toObject();
        c.family.append(
            {text(f, "name"), text(f, "relation"), text(f, "status"), text(f, "dependency")});
    }
    for (const auto &v : o.value(QLatin1String("relief")).toArray()) {
        const QJsonObject r = v.toObject();
        c.relief.append({text(r, "type"), text(r, "forum"), date(r, "filed_date")});
    }
}

QString quoted(const QString &value) {
    return value.isEmpty() ? tr("(none)") : u'\'' + value + u'\'';
}
}  // namespace

QJsonObject toJson(const Case &c) {
    QJsonObject o;
    for (const CaseField &f : CaseFields::all())
        o.insert(f.key, CaseFields::text(c, f));
    o.insert(QStringLiteral("charges"), chargesJson(c));
    o.insert(QStringLiteral("family"), familyJson(c));
    o.insert(QStringLiteral("relief"), reliefJson(c));
    return o;
}

Case fromJson(const QJsonObject &o) {
    Case c;
    for (const CaseField &f : CaseFields::all())
        CaseFields::setText(c, f, o.value(f.key).toString());
    readLists(o, c);
    return c;
}

QStringList differences(const Case &before, const Case &after) {
    QStringList out;
    for (const CaseField &f : CaseFields::all()) {
        const QString old = CaseFields::text(before, f);
        const QString now = CaseFields::text(after, f);
        if (old != now)
            out << tr("%1: %2 → %3").arg(f.label, quoted(old), quoted(now));
    }
    if (before.charges != after.charges)
        out << tr("Charges: changed");
    if (before.family != after.family)
        out << tr("Family in the US: changed");
    if (before.relief != after.relief)
        out << tr("Relief applications: changed");
    return out;
}
}  // namespace CaseSnapshot
