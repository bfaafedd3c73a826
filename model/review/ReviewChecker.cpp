#include "ReviewChecker.h"

#include "domain/RecordText.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("ReviewChecker", text);
}

constexpr int kLongestName = 200;

void checkTexts(const Review &review, QList<ReviewIssue> &out) {
    auto check = [&out](const QString &question, const QString &text, bool multiLine) {
        if (const QString problem = RecordText::problem(text, multiLine); !problem.isEmpty())
            out.append({question, problem});
    };
    check(QStringLiteral("reviewer"), review.reviewer, false);
    if (review.reviewer.size() > kLongestName)
        out.append({QStringLiteral("reviewer"), tr("the name is %1 characters long; at most %2")
                                                    .arg(review.reviewer.size())
                                                    .arg(kLongestName)});
    for (const ReviewAnswer &a : review.answers)
        check(a.itemId, a.note, true);
    check(QStringLiteral("reasons"), review.reasons, true);
    check(QStringLiteral("deviation_reason"), review.deviationReason, true);
    check(QStringLiteral("amendment_reason"), review.amendmentReason, true);
}
}  // namespace

QList<ReviewIssue> ReviewChecker::structural(const Review &review, const PolicyPack &pack) {
    QList<ReviewIssue> out;
    if (review.policySha256 != pack.sha256())
        out.append({"policy", tr("the review was made under another policy text")});
    const QStringList asked = pack.answerableIds();
    for (const ReviewAnswer &a : review.answers) {
        if (!asked.contains(a.itemId))
            out.append(
                {a.itemId, tr("'%1' is not a question of policy %2").arg(a.itemId, pack.id)});
        else if (!a.value.isEmpty() && a.value != u"yes" && a.value != u"no" &&
                 a.value != u"unknown")
            out.append(
                {a.itemId, tr("the answer is '%1'; it must be yes, no or unknown").arg(a.value)});
    }
    checkTexts(review, out);
    if (!review.disposition.isEmpty() && !pack.offersDisposition(review.disposition))
        out.append({"disposition",
                    tr("'%1' is not a disposition of policy %2").arg(review.disposition, pack.id)});
    return out;
}

QList<ReviewIssue> ReviewChecker::completeness(const Review &review, const PolicyPack &pack) {
    QList<ReviewIssue> out;
    for (const QString &item : pack.answerableIds())
        if (review.answerOf(item).isEmpty())
            out.append({item, tr("not answered (yes, no or unknown)")});
    if (review.disposition.isEmpty())
        out.append({"disposition", tr("no disposition is chosen")});
    if (review.reasons.trimmed().isEmpty())
        out.append({"reasons", tr("written reasons are required for every disposition, including "
                                  "declining discretion")});
    const QStringList usual = review.usualCourses();
    if (!review.disposition.isEmpty() && !usual.isEmpty() && !usual.contains(review.disposition) &&
        review.deviationReason.trimmed().isEmpty()) {
        QStringList labels;
        for (const QString &u : usual)
            labels << pack.dispositionLabel(u);
        out.append({"deviation_reason",
                    tr("the policy's usual course here is %1; say why you chose %2 instead")
                        .arg(labels.join(tr(" or ")), pack.dispositionLabel(review.disposition))});
    }
    return out;
}

QList<ReviewIssue> ReviewChecker::forStatus(const Review &review, const PolicyPack &pack) {
    QList<ReviewIssue> out = structural(review, pack);
    if (review.status == u"ready")
        out += completeness(review, pack);
    else if (review.status != u"draft")
        out.append(
            {"status", tr("the status is '%1'; it must be draft or ready").arg(review.status)});
    return out;
}
