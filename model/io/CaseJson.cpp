#include "CaseJson.h"

#include "domain/CaseFields.h"
#include "domain/CaseSnapshot.h"
#include "domain/CaseValidator.h"
#include "domain/Clock.h"
#include "domain/FieldText.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace CaseJson {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("CaseJson", text);
}

const QStringList kChargeKeys = {"offense",     "date",     "jurisdiction",
                                 "disposition", "sentence", "weapon_involved"};
const QStringList kFamilyKeys = {"name", "relation", "status", "dependency"};
const QStringList kReliefKeys = {"type", "forum", "filed_date"};
const QStringList kListKeys = {"charges",       "family",     "relief",
                               "review_status", "created_at", "updated_at"};

// A reader of one JSON object that remembers the first problem and its path.
class ObjectReader {
  public:
    ObjectReader(const QJsonObject &o, QString path, Parsed &out)
        : m_o(o), m_path(std::move(path)), m_out(out) {}

    bool checkKeys(const QStringList &allowed) {
        for (auto it = m_o.begin(); it != m_o.end(); ++it)
            if (!allowed.contains(it.key()))
                return fail(it.key(), tr("unknown field"));
        return true;
    }
    QString text(const QString &key) {
        const QJsonValue v = m_o.value(key);
        if (!v.isUndefined() && !v.isNull() && !v.isString())
            fail(key, tr("must be text"));
        if (v.toString().contains(QChar(0)))
            fail(key, tr("the text contains a NUL character (\\u0000)"));
        return v.toString();
    }
    QDate date(const QString &key) {
        QString error;
        const QDate d = FieldText::parseDate(text(key), &error);
        if (!error.isEmpty())
            fail(key, error);
        return d;
    }
    bool boolean(const QString &key) {
        const QJsonValue v = m_o.value(key);
        if (!v.isUndefined() && !v.isBool())
            fail(key, tr("must be true or false"));
        return v.toBool();
    }
    bool fail(const QString &key, const QString &error) {
        if (m_out.error.isEmpty()) {
            m_out.field = m_path.isEmpty() ? key : m_path + u'.' + key;
            m_out.error = error;
        }
        return false;
    }

  private:
    const QJsonObject &m_o;
    QString m_path;
    Parsed &m_out;
};

// Calls read(object, reader) for each element of the array under key.
template <typename Read>
void readList(const QJsonObject &o, const QString &key, Parsed &out, Read read) {
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return;
    if (!v.isArray()) {
        ObjectReader(o, {}, out).fail(key, tr("must be a list"));
        return;
    }
    const QJsonArray items = v.toArray();
    for (qsizetype i = 0; i < items.size() && out.error.isEmpty(); ++i) {
        const QString path = QStringLiteral("%1[%2]").arg(key).arg(i + 1);
        if (!items[i].isObject()) {
            ObjectReader(o, {}, out).fail(path, tr("must be an object"));
            return;
        }
        const QJsonObject item = items[i].toObject();
        ObjectReader reader(item, path, out);
        read(item, reader);
    }
}

void readChildren(const QJsonObject &o, Parsed &out) {
    Case &c = out.value;
    readList(o, QStringLiteral("charges"), out, [&](const QJsonObject &, ObjectReader &r) {
        if (r.checkKeys(kChargeKeys))
            c.charges.append({r.text("offense"), r.date("date"), r.text("jurisdiction"),
                              r.text("disposition"), r.text("sentence"),
                              r.boolean("weapon_involved")});
    });
    readList(o, QStringLiteral("family"), out, [&](const QJsonObject &, ObjectReader &r) {
        if (r.checkKeys(kFamilyKeys))
            c.family.append(
                {r.text("name"), r.text("relation"), r.text("status"), r.text("dependency")});
    });
    readList(o, QStringLiteral("relief"), out, [&](const QJsonObject &, ObjectReader &r) {
        if (r.checkKeys(kReliefKeys))
            c.relief.append({r.text("type"), r.text("forum"), r.date("filed_date")});
    });
}
}  // namespace

QJsonObject toJson(const Case &c) {
    QJsonObject o = CaseSnapshot::toJson(c);
    o.insert(QStringLiteral("review_status"), c.reviewStatus);
    return o;
}

Parsed fromJson(const QJsonObject &object, const QSet<QString> &courts) {
    Parsed out;
    ObjectReader reader(object, {}, out);
    if (!reader.checkKeys(CaseFields::keys() + kListKeys))
        return out;
    for (const CaseField &f : CaseFields::all()) {
        const FieldText::Parsed p = FieldText::parse(f, reader.text(f.key), courts);
        if (!p.ok())
            reader.fail(f.key, p.error);
        CaseFields::setText(out.value, f, p.value);
    }
    readChildren(object, out);
    if (!out.error.isEmpty())
        return out;
    // review_status is exported for information only: a review's status comes from
    // its review record, never from an imported file.
    const QList<FieldIssue> issues = CaseValidator(courts, Clock::today()).validate(out.value);
    if (!issues.isEmpty())
        reader.fail(issues.first().field, issues.first().message);
    return out;
}
}  // namespace CaseJson
