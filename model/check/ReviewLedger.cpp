#include "ReviewLedger.h"

#include "audit/AuditLog.h"
#include "domain/ANumber.h"
#include "store/CaseStore.h"
#include "store/ReviewStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace ReviewLedger {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("ReviewLedger", text);
}

// What the last entry about a review said of it.
struct Said {
    QString aNumber;
    QString status;
    QString recordSha256;  // empty when the entry did not say (amendments before schema 5)
    qint64 seq = 0;
};

// What the log says of every review, and what in it cannot be so: a review named under two
// cases, or a case deleted that is still in the docket without being added again.
struct Account {
    QHash<qint64, Said> reviews;
    QStringList contradictions;
};

Account whatTheLogSays(const AuditLog &log, CaseStore &store) {
    Account out;
    QHash<QString, qint64> deletedAt;  // A-number -> seq of a deletion not followed by a re-add
    const QList<AuditEntry> entries = log.entriesWithAction(
        QStringLiteral("case"), {QStringLiteral("review.save"), QStringLiteral("review.ready"),
                                 QStringLiteral("review.amend"), QStringLiteral("case.delete"),
                                 QStringLiteral("case.create"), QStringLiteral("case.import")});
    for (const AuditEntry &e : entries) {
        if (e.action == u"case.create" || e.action == u"case.import") {
            deletedAt.remove(e.entityId);
            continue;
        }
        if (e.action == u"case.delete") {  // its reviews went with it
            out.reviews.removeIf([&](const auto &it) { return it.value().aNumber == e.entityId; });
            deletedAt.insert(e.entityId, e.seq);
            continue;
        }
        const QJsonObject d = QJsonDocument::fromJson(e.details).object();
        const qint64 id = d.value(QStringLiteral("review")).toInteger();
        if (const auto known = out.reviews.constFind(id);
            known != out.reviews.cend() && known->aNumber != e.entityId)
            out.contradictions << tr("the audit log names review %1 under %2 (entry %3) and "
                                     "under %4 (entry %5)")
                                      .arg(id)
                                      .arg(ANumber::displayDigits(known->aNumber))
                                      .arg(known->seq)
                                      .arg(ANumber::displayDigits(e.entityId))
                                      .arg(e.seq);
        const QString status = e.action == u"review.ready" ? QStringLiteral("ready")
                               : e.action == u"review.amend"
                                   ? QStringLiteral("draft")
                                   : d.value(QStringLiteral("status")).toString();
        out.reviews.insert(
            id, {e.entityId, status, d.value(QStringLiteral("record_sha256")).toString(), e.seq});
    }
    for (auto it = deletedAt.cbegin(); it != deletedAt.cend(); ++it)
        if (store.findCaseId(it.key()) != 0)
            out.contradictions << tr("%1: the audit log deleted this case (entry %2) and never "
                                     "added it again, but it is in the docket")
                                      .arg(ANumber::displayDigits(it.key()))
                                      .arg(it.value());
    return out;
}

QString problemOf(const Said &said, const ReviewStore::KeptReview &kept) {
    if (kept.aNumber != said.aNumber)
        return tr("is filed under %1, but the audit log has it under %2")
            .arg(ANumber::displayDigits(kept.aNumber), ANumber::displayDigits(said.aNumber));
    if (kept.status != said.status)
        return tr("is %1, but the audit log last recorded it as %2 (entry %3)")
            .arg(kept.status, said.status)
            .arg(said.seq);
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(kept.record, QCryptographicHash::Sha256).toHex());
    if (!said.recordSha256.isEmpty() && hash != said.recordSha256)
        return tr("is not the record the audit log last recorded (entry %1, %2…; it is now "
                  "%3…): it was changed outside Discretion")
            .arg(said.seq)
            .arg(said.recordSha256.left(12), hash.left(12));
    return {};
}
}  // namespace

QStringList problems(CaseStore &store) {
    const AuditLog log(store.handle());
    const Account account = whatTheLogSays(log, store);
    const QHash<qint64, Said> &said = account.reviews;
    QHash<qint64, ReviewStore::KeptReview> kept;
    for (const ReviewStore::KeptReview &r : ReviewStore(store).allReviews())
        kept.insert(r.id, r);
    QStringList out = account.contradictions;
    for (auto it = said.cbegin(); it != said.cend(); ++it) {
        const auto found = kept.constFind(it.key());
        const QString which =
            tr("%1 review %2").arg(ANumber::displayDigits(it->aNumber)).arg(it.key());
        if (found == kept.cend())
            out << tr("%1: the audit log records it (entry %2), but it is no longer in the "
                      "docket: it was removed")
                       .arg(which)
                       .arg(it->seq);
        else if (const QString problem = problemOf(*it, *found); !problem.isEmpty())
            out << which + QStringLiteral(" ") + problem;
    }
    // A docket that had its log from the start has no review the log does not name.
    const QList<AuditEntry> first =
        log.entriesWithAction(QStringLiteral("docket"), {QStringLiteral("docket.create")});
    if (!first.isEmpty() && first.first().seq == 1)
        for (const ReviewStore::KeptReview &r : std::as_const(kept))
            if (!said.contains(r.id))
                out << tr("%1 review %2: the audit log never recorded it: it was added outside "
                          "Discretion")
                           .arg(ANumber::displayDigits(r.aNumber))
                           .arg(r.id);
    out.sort();
    return out;
}
}  // namespace ReviewLedger
