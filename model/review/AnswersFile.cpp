#include "AnswersFile.h"

#include "files/StrictJson.h"

#include "domain/FieldText.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("AnswersFile", text);
}

const QStringList kKeys = {"policy",  "reviewer",    "review_date", "status",
                           "answers", "disposition", "reasons",     "deviation_reason"};

std::optional<PolicyPack> choosePack(const QString &id, const QDate &date,
                                     const QList<PolicyPack> &packs, QList<ReviewIssue> &issues) {
    for (const PolicyPack &p : packs)
        if (id.isEmpty() ? p.isInForceOn(date) : p.id == id)
            return p;
    issues.append(
        {"policy", id.isEmpty()
                       ? tr("no built-in policy was in force on %1; name one with \"policy\"")
                             .arg(FieldText::isoDate(date))
                       : tr("there is no policy pack '%1'").arg(id)});
    return std::nullopt;
}

void readAnswers(const QJsonObject &answers, Review &review, QList<ReviewIssue> &issues) {
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        const QJsonObject a = it.value().toObject();
        for (auto key = a.begin(); key != a.end(); ++key)
            if (key.key() != u"answer" && key.key() != u"note")
                issues.append(
                    {it.key(),
                     tr("unknown key '%1' (an answer has answer and note)").arg(key.key())});
        if (!it.value().isObject() || !a.value(u"answer").isString())
            issues.append(
                {it.key(),
                 tr("give {\"answer\": \"yes\" | \"no\" | \"unknown\", \"note\": \"...\"}")});
        review.answers << ReviewAnswer{it.key(), a.value(u"answer").toString(),
                                       a.value(u"note").toString()};
    }
}
}  // namespace

AnswersFile::Result AnswersFile::read(const QByteArray &json, const QList<PolicyPack> &packs) {
    Result result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        result.issues.append({"file", doc.isNull() ? parseError.errorString()
                                                   : tr("the file is not a JSON object")});
        return result;
    }
    if (const QString duplicate = StrictJson::duplicateKey(json); !duplicate.isEmpty()) {
        result.issues.append({"file", duplicate});
        return result;
    }
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!kKeys.contains(it.key()))
            result.issues.append({it.key(), tr("unknown key")});
    Review &r = result.review;
    r.reviewer = o.value(u"reviewer").toString();
    if (r.reviewer.trimmed().isEmpty())
        result.issues.append({"reviewer", tr("the reviewer's name is required")});
    QString dateError;
    r.reviewDate = FieldText::parseDate(o.value(u"review_date").toString(), &dateError);
    if (!r.reviewDate.isValid())
        result.issues.append(
            {"review_date", dateError.isEmpty() ? tr("the review date is required") : dateError});
    r.status = o.value(u"status").toString(QStringLiteral("draft"));
    readAnswers(o.value(u"answers").toObject(), r, result.issues);
    r.disposition = o.value(u"disposition").toString();
    r.reasons = o.value(u"reasons").toString();
    r.deviationReason = o.value(u"deviation_reason").toString();
    if (r.reviewDate.isValid())
        result.pack = choosePack(o.value(u"policy").toString(), r.reviewDate, packs, result.issues);
    return result;
}
