#include "PolicyPackReader.h"

#include "DerivedFacts.h"
#include "domain/FieldText.h"
#include "domain/RecordText.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("PolicyPack", text);
}

QString at(const QString &path, const QString &key) {
    return path.isEmpty() ? key : path + u'.' + key;
}

QString at(const QString &path, qsizetype index) {
    return QStringLiteral("%1[%2]").arg(path).arg(index);
}

const QStringList kItemLists = {"priorities",     "aggravating",   "mitigating",
                                "considerations", "never_factors", "dispositions"};
}  // namespace

bool PolicyPackReader::fail(const QString &path, const QString &problem) {
    if (m_error.isEmpty())
        m_error = path + QStringLiteral(": ") + problem;
    return false;
}

bool PolicyPackReader::checkKeys(const QJsonObject &o, const QString &path,
                                 const QStringList &required, const QStringList &optional) {
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!required.contains(it.key()) && !optional.contains(it.key()))
            return fail(at(path, it.key()), tr("unknown key"));
    for (const QString &key : required)
        if (!o.contains(key))
            return fail(at(path, key), tr("missing"));
    return true;
}

QString PolicyPackReader::text(const QJsonObject &o, const QString &key, const QString &path) {
    const QJsonValue v = o.value(key);
    if (!v.isString() || v.toString().trimmed().isEmpty()) {
        fail(at(path, key), tr("must be non-empty text"));
        return {};
    }
    // A pack's words are printed in signed dispositions: no direction override (which shows
    // a rule otherwise than it is written, and reversed the rules printed after it) and no
    // control character or Unicode line separator.
    const QString problem = RecordText::problem(v.toString(), true);
    if (!problem.isEmpty()) {
        fail(at(path, key), problem);
        return {};
    }
    return v.toString();
}

QDate PolicyPackReader::date(const QJsonValue &v, const QString &path, bool optional) {
    if (optional && (v.isNull() || v.isUndefined()))
        return {};
    QString error;
    const QDate d = FieldText::parseDate(v.toString(), &error);
    if (!v.isString() || !d.isValid())
        fail(path, error.isEmpty() ? tr("must be a date such as 2022-04-25") : error);
    return d;
}

QJsonArray PolicyPackReader::array(const QJsonObject &o, const QString &key, const QString &path) {
    if (!o.value(key).isArray())
        fail(at(path, key), tr("must be a list"));
    return o.value(key).toArray();
}

QJsonObject PolicyPackReader::object(const QJsonValue &v, const QString &path) {
    if (!v.isObject())
        fail(path, tr("must be an object"));
    return v.toObject();
}

Citation PolicyPackReader::citation(const QJsonObject &o, const QString &path) {
    const QString p = at(path, QStringLiteral("citation"));
    const QJsonObject c = object(o.value(QStringLiteral("citation")), p);
    if (!checkKeys(c, p, {"source", "section"}))
        return {};
    Citation out{text(c, QStringLiteral("source"), p), text(c, QStringLiteral("section"), p)};
    if (!out.source.isEmpty() && !m_sources.contains(out.source))
        fail(at(p, QStringLiteral("source")),
             tr("'%1' is not one of the pack's sources").arg(out.source));
    return out;
}

bool PolicyPackReader::read(const QJsonObject &root, PolicyPack &pack) {
    if (!checkKeys(root, {},
                   {"format", "id", "title", "summary", "sources", "in_force", "priorities",
                    "aggravating", "mitigating", "considerations", "never_factors", "dispositions",
                    "procedure", "rules"}))
        return false;
    if (!readHeader(root, pack) || !readSources(root, pack) || !readPeriods(root, pack))
        return false;
    pack.priorities = items(root, QStringLiteral("priorities"));
    pack.aggravating = items(root, QStringLiteral("aggravating"));
    pack.mitigating = items(root, QStringLiteral("mitigating"));
    pack.considerations = items(root, QStringLiteral("considerations"));
    pack.neverFactors = items(root, QStringLiteral("never_factors"));
    pack.dispositions = items(root, QStringLiteral("dispositions"));
    if (m_error.isEmpty() && pack.dispositions.isEmpty())
        fail(QStringLiteral("dispositions"), tr("a policy needs at least one disposition"));
    const QJsonObject procedureObject =
        object(root.value(QStringLiteral("procedure")), QStringLiteral("procedure"));
    if (checkKeys(procedureObject, QStringLiteral("procedure"), {"represented", "unrepresented"})) {
        pack.represented =
            procedure(procedureObject, QStringLiteral("represented"), QStringLiteral("procedure"));
        pack.unrepresented = procedure(procedureObject, QStringLiteral("unrepresented"),
                                       QStringLiteral("procedure"));
    }
    return m_error.isEmpty() && readRules(root, pack);
}

bool PolicyPackReader::readHeader(const QJsonObject &root, PolicyPack &pack) {
    if (root.value(QStringLiteral("format")).toInt() != 1)
        return fail(QStringLiteral("format"), tr("this version reads policy format 1"));
    pack.id = text(root, QStringLiteral("id"), {});
    pack.title = text(root, QStringLiteral("title"), {});
    pack.summary = text(root, QStringLiteral("summary"), {});
    return m_error.isEmpty();
}

bool PolicyPackReader::readSources(const QJsonObject &root, PolicyPack &pack) {
    const QJsonArray list = array(root, QStringLiteral("sources"), {});
    for (qsizetype i = 0; i < list.size() && m_error.isEmpty(); ++i) {
        const QString p = at(QStringLiteral("sources"), i);
        const QJsonObject o = object(list[i], p);
        if (!checkKeys(o, p, {"id", "title", "author", "dated", "effective"}))
            break;
        PolicySource s{
            text(o, QStringLiteral("id"), p), text(o, QStringLiteral("title"), p),
            text(o, QStringLiteral("author"), p),
            date(o.value(QStringLiteral("dated")), at(p, QStringLiteral("dated"))),
            date(o.value(QStringLiteral("effective")), at(p, QStringLiteral("effective")))};
        if (m_sources.contains(s.id))
            fail(at(p, QStringLiteral("id")), tr("'%1' is used twice").arg(s.id));
        m_sources.insert(s.id);
        pack.sources << s;
    }
    if (m_error.isEmpty() && pack.sources.isEmpty())
        fail(QStringLiteral("sources"), tr("a policy needs at least one source document"));
    return m_error.isEmpty();
}

bool PolicyPackReader::readPeriods(const QJsonObject &root, PolicyPack &pack) {
    const QJsonArray list = array(root, QStringLiteral("in_force"), {});
    for (qsizetype i = 0; i < list.size() && m_error.isEmpty(); ++i) {
        const QString p = at(QStringLiteral("in_force"), i);
        const QJsonObject o = object(list[i], p);
        if (!checkKeys(o, p, {"from"}, {"until"}))
            break;
        InForcePeriod period{
            date(o.value(QStringLiteral("from")), at(p, QStringLiteral("from"))),
            date(o.value(QStringLiteral("until")), at(p, QStringLiteral("until")), true)};
        if (m_error.isEmpty() && period.until.isValid() && period.until <= period.from)
            fail(at(p, QStringLiteral("until")), tr("ends before it begins"));
        pack.inForce << period;
    }
    if (m_error.isEmpty() && pack.inForce.isEmpty())
        fail(QStringLiteral("in_force"), tr("a policy needs at least one period in force"));
    return m_error.isEmpty();
}

QList<PolicyItem> PolicyPackReader::items(const QJsonObject &root, const QString &key) {
    QList<PolicyItem> out;
    const QJsonArray list = array(root, key, {});
    for (qsizetype i = 0; i < list.size() && m_error.isEmpty(); ++i) {
        const QString p = at(key, i);
        const QJsonObject o = object(list[i], p);
        if (!checkKeys(o, p, {"id", "label", "help", "citation"}, {"facts"}))
            break;
        PolicyItem item{text(o, QStringLiteral("id"), p), text(o, QStringLiteral("label"), p),
                        text(o, QStringLiteral("help"), p), citation(o, p), factList(o, p)};
        if (m_ids.contains(item.id))
            fail(at(p, QStringLiteral("id")), tr("'%1' is used twice").arg(item.id));
        m_ids.insert(item.id);
        out << item;
    }
    return out;
}

QStringList PolicyPackReader::factList(const QJsonObject &o, const QString &path) {
    QStringList out;
    const QJsonValue v = o.value(QStringLiteral("facts"));
    if (v.isUndefined())
        return out;
    const QJsonArray list = v.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString fact = list[i].toString();
        if (!FactDeriver::factIds().contains(fact))
            fail(at(at(path, QStringLiteral("facts")), i), tr("unknown fact '%1'").arg(fact));
        out << fact;
    }
    if (!v.isArray())
        fail(at(path, QStringLiteral("facts")), tr("must be a list of fact ids"));
    return out;
}

ProcedureNote PolicyPackReader::procedure(const QJsonObject &o, const QString &key,
                                          const QString &path) {
    const QString p = at(path, key);
    const QJsonObject note = object(o.value(key), p);
    if (!checkKeys(note, p, {"text", "citation"}))
        return {};
    return {text(note, QStringLiteral("text"), p), citation(note, p)};
}

bool PolicyPackReader::readRules(const QJsonObject &root, PolicyPack &pack) {
    const QJsonArray list = array(root, QStringLiteral("rules"), {});
    QStringList dispositionIds;
    for (const PolicyItem &d : pack.dispositions)
        dispositionIds << d.id;
    for (qsizetype i = 0; i < list.size() && m_error.isEmpty(); ++i) {
        const QString p = at(QStringLiteral("rules"), i);
        const QJsonObject o = object(list[i], p);
        if (!checkKeys(o, p, {"id", "when", "says", "citation"}, {"usual_course"}))
            break;
        PolicyRule rule{text(o, QStringLiteral("id"), p),
                        o.value(QStringLiteral("when")).toObject(),
                        text(o, QStringLiteral("says"), p),
                        o.value(QStringLiteral("usual_course")).toString(), citation(o, p)};
        if (m_ids.contains(rule.id))
            fail(at(p, QStringLiteral("id")), tr("'%1' is used twice").arg(rule.id));
        m_ids.insert(rule.id);
        if (!rule.usualCourse.isEmpty() && !dispositionIds.contains(rule.usualCourse))
            fail(at(p, QStringLiteral("usual_course")),
                 tr("'%1' is not one of the pack's dispositions").arg(rule.usualCourse));
        checkCondition(o.value(QStringLiteral("when")), at(p, QStringLiteral("when")), pack);
        pack.rules << rule;
    }
    return m_error.isEmpty();
}

bool PolicyPackReader::checkCondition(const QJsonValue &v, const QString &path,
                                      const PolicyPack &pack) {
    const QJsonObject o = object(v, path);
    if (!m_error.isEmpty())
        return false;
    for (const QString &group : {QStringLiteral("all"), QStringLiteral("any")}) {
        if (!o.contains(group))
            continue;
        if (!checkKeys(o, path, {group}))
            return false;
        const QJsonArray parts = array(o, group, path);
        if (parts.isEmpty())
            return fail(at(path, group), tr("needs at least one condition"));
        for (qsizetype i = 0; i < parts.size(); ++i)
            if (!checkCondition(parts[i], at(at(path, group), i), pack))
                return false;
        return true;
    }
    if (o.contains(QStringLiteral("not")))
        return checkKeys(o, path, {"not"}) && checkCondition(o.value(QStringLiteral("not")),
                                                             at(path, QStringLiteral("not")), pack);
    return checkLeaf(o, path, pack);
}

bool PolicyPackReader::checkLeaf(const QJsonObject &o, const QString &path,
                                 const PolicyPack &pack) {
    if (o.contains(QStringLiteral("fact"))) {
        if (!checkKeys(o, path, {"fact"}, {"is", "at_least", "at_most"}))
            return false;
        const QString fact = o.value(QStringLiteral("fact")).toString();
        if (!FactDeriver::factIds().contains(fact))
            return fail(at(path, QStringLiteral("fact")), tr("unknown fact '%1'").arg(fact));
        const int tests = o.contains(QStringLiteral("is")) +
                          o.contains(QStringLiteral("at_least")) +
                          o.contains(QStringLiteral("at_most"));
        if (tests != 1)
            return fail(path, tr("a fact condition needs exactly one of is, at_least, at_most"));
        if ((o.contains(QStringLiteral("at_least")) &&
             !o.value(QStringLiteral("at_least")).isDouble()) ||
            (o.contains(QStringLiteral("at_most")) &&
             !o.value(QStringLiteral("at_most")).isDouble()))
            return fail(path, tr("at_least and at_most take a number"));
        return true;
    }
    if (o.contains(QStringLiteral("answer"))) {
        if (!checkKeys(o, path, {"answer", "is"}))
            return false;
        const QString item = o.value(QStringLiteral("answer")).toString();
        if (!pack.answerableIds().contains(item))
            return fail(at(path, QStringLiteral("answer")),
                        tr("'%1' is not a priority or factor of this pack").arg(item));
        const QString is = o.value(QStringLiteral("is")).toString();
        if (is != u"yes" && is != u"no" && is != u"unknown")
            return fail(at(path, QStringLiteral("is")), tr("an answer is yes, no or unknown"));
        return true;
    }
    return fail(path, tr("a condition is all, any, not, fact or answer"));
}
