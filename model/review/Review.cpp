#include "Review.h"

#include "domain/CaseSnapshot.h"
#include "domain/FieldText.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace {
QString stateName(RuleOutcome::State s) {
    switch (s) {
        case RuleOutcome::State::Applies:
            return QStringLiteral("applies");
        case RuleOutcome::State::DoesNotApply:
            return QStringLiteral("does_not_apply");
        case RuleOutcome::State::Undecided:
            return QStringLiteral("undecided");
    }
    return {};
}

QJsonValue factValue(const DerivedFact &f) {
    if (!f.isKnown())
        return QJsonValue::Null;
    if (f.value.typeId() == QMetaType::Bool)
        return f.value.toBool();
    return f.value.toInt();
}

QJsonArray strings(const QStringList &list) {
    return QJsonArray::fromStringList(list);
}

QStringList stringList(const QJsonValue &v) {
    QStringList out;
    for (const auto &s : v.toArray())
        out << s.toString();
    return out;
}
}  // namespace

QString Review::answerOf(const QString &itemId) const {
    for (const ReviewAnswer &a : answers)
        if (a.itemId == itemId)
            return a.value;
    return {};
}

Case Review::caseOnRecord() const {
    return CaseSnapshot::fromJson(caseFacts);
}

void Review::refresh(const Case &c, const PolicyPack &pack) {
    aNumber = c.aNumber;
    caseFacts = CaseSnapshot::toJson(c);
    policyId = pack.id;
    policySha256 = pack.sha256();
    policyInForce = pack.isInForceOn(reviewDate);
    facts = FactDeriver::derive(c, reviewDate);
    PolicyGuide::Answers given;
    for (const ReviewAnswer &a : answers)
        if (!a.value.isEmpty())
            given.insert(a.itemId, a.value);
    rules.clear();
    for (const RuleOutcome &o : PolicyGuide(pack, facts, given).evaluate())
        rules << RuleSnapshot{o.rule.id,
                              stateName(o.state),
                              o.rule.says,
                              o.rule.usualCourse,
                              pack.citationText(o.rule.citation),
                              o.because};
}

QStringList Review::usualCourses() const {
    QStringList out;
    for (const RuleSnapshot &r : rules)
        if (r.state == u"applies" && !r.usualCourse.isEmpty() && !out.contains(r.usualCourse))
            out << r.usualCourse;
    return out;
}

QJsonObject Review::toJson() const {
    QJsonArray answerArray, factArray, ruleArray;
    for (const ReviewAnswer &a : answers)
        answerArray.append(QJsonObject{{"item", a.itemId}, {"answer", a.value}, {"note", a.note}});
    for (const DerivedFact &f : facts)
        factArray.append(QJsonObject{{"id", f.id},
                                     {"label", f.label},
                                     {"value", factValue(f)},
                                     {"derivation", f.derivation}});
    for (const RuleSnapshot &r : rules)
        ruleArray.append(QJsonObject{{"rule", r.ruleId},
                                     {"state", r.state},
                                     {"says", r.says},
                                     {"usual_course", r.usualCourse},
                                     {"citation", r.citation},
                                     {"because", strings(r.because)}});
    QJsonObject record{{"format", 1},
                       {"a_number", aNumber},
                       {"version", version},
                       {"supersedes", supersedes},
                       {"status", status},
                       {"policy", QJsonObject{{"id", policyId},
                                              {"sha256", policySha256},
                                              {"in_force_on_review_date", policyInForce}}},
                       {"reviewer", reviewer},
                       {"review_date", FieldText::isoDate(reviewDate)},
                       {"answers", answerArray},
                       {"facts", factArray},
                       {"rules", ruleArray},
                       {"disposition", disposition},
                       {"reasons", reasons},
                       {"deviation_reason", deviationReason},
                       {"amendment_reason", amendmentReason}};
    // Format 2 adds the case facts; a format 1 record keeps its exact bytes and hash.
    if (hasCaseFacts()) {
        record.insert(QStringLiteral("format"), 2);
        record.insert(QStringLiteral("case"), caseFacts);
    }
    // Only when there is something to say, so that earlier records keep their bytes.
    if (!considerationsShown.isEmpty())
        record.insert(QStringLiteral("considerations_shown"),
                      QJsonArray::fromStringList(considerationsShown));
    return record;
}

Review Review::fromJson(const QJsonObject &o) {
    Review r;
    r.aNumber = o.value("a_number").toString();
    r.version = o.value("version").toInt(1);
    r.supersedes = o.value("supersedes").toInteger();
    r.status = o.value("status").toString();
    const QJsonObject policy = o.value("policy").toObject();
    r.policyId = policy.value("id").toString();
    r.policySha256 = policy.value("sha256").toString();
    r.policyInForce = policy.value("in_force_on_review_date").toBool(true);
    r.reviewer = o.value("reviewer").toString();
    r.reviewDate = FieldText::parseDate(o.value("review_date").toString(), nullptr);
    for (const auto &v : o.value("answers").toArray()) {
        const QJsonObject a = v.toObject();
        r.answers << ReviewAnswer{a.value("item").toString(), a.value("answer").toString(),
                                  a.value("note").toString()};
    }
    for (const auto &v : o.value("facts").toArray()) {
        const QJsonObject f = v.toObject();
        const QJsonValue value = f.value("value");
        r.facts << DerivedFact{f.value("id").toString(), f.value("label").toString(),
                               value.isNull() ? QVariant() : value.toVariant(),
                               f.value("derivation").toString()};
        if (value.isDouble())
            r.facts.last().value = value.toInt();
    }
    for (const auto &v : o.value("rules").toArray()) {
        const QJsonObject s = v.toObject();
        r.rules << RuleSnapshot{s.value("rule").toString(),     s.value("state").toString(),
                                s.value("says").toString(),     s.value("usual_course").toString(),
                                s.value("citation").toString(), stringList(s.value("because"))};
    }
    r.disposition = o.value("disposition").toString();
    r.reasons = o.value("reasons").toString();
    r.deviationReason = o.value("deviation_reason").toString();
    r.amendmentReason = o.value("amendment_reason").toString();
    r.caseFacts = o.value("case").toObject();
    r.considerationsShown = stringList(o.value("considerations_shown"));
    return r;
}

QByteArray Review::canonicalBytes() const {
    // QJsonObject keeps keys sorted and compact output has no optional whitespace.
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

QString Review::sha256() const {
    return QString::fromLatin1(
        QCryptographicHash::hash(canonicalBytes(), QCryptographicHash::Sha256).toHex());
}
