#include "SignedRecords.h"

#include "SigningIdentity.h"
#include "audit/AuditLog.h"
#include "domain/ANumber.h"
#include "store/CaseStore.h"
#include "store/ReviewStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("SignedRecords", text);
}

QString sha256Hex(const QByteArray &bytes) {
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// The record itself: its bytes, the hash the review row keeps, the hash that was signed,
// the signature, and the person it names.
QString recordProblem(const SignedReview &r) {
    const ReviewSignature &s = r.signature;
    const QString now = sha256Hex(r.record);
    if (now != s.recordSha256 || r.keptHash != s.recordSha256)
        return tr("the signed record was changed after signing (it hashes to %1…, it was "
                  "signed as %2…)")
            .arg(now.left(12), s.recordSha256.left(12));
    if (!SigningIdentity::verify(s.certificate, r.record, s.signature))
        return tr("the signature does not verify with its certificate");
    const Review review = Review::fromJson(QJsonDocument::fromJson(r.record).object());
    if (review.hasCaseFacts() && review.caseOnRecord().aNumber != review.aNumber)
        return tr("the record names %1 but its case facts name %2")
            .arg(ANumber::displayDigits(review.aNumber),
                 ANumber::displayDigits(review.caseOnRecord().aNumber));
    return {};
}
}  // namespace

QStringList SignedRecords::problems() const {
    QStringList out;
    for (const SignedReview &r : ReviewStore(m_store).signedReviews())
        if (const QString problem = problemOf(r); !problem.isEmpty())
            out << tr("%1 version %2: %3")
                       .arg(ANumber::displayDigits(r.aNumber))
                       .arg(r.version)
                       .arg(problem);
    return out;
}

QString SignedRecords::problemOf(qint64 reviewId) const {
    const QList<SignedReview> found = ReviewStore(m_store).signedReviews(reviewId);
    return found.isEmpty() ? tr("the review is not signed") : problemOf(found.first());
}

QString SignedRecords::problemOf(const SignedReview &review) const {
    QString problem = recordProblem(review);
    if (problem.isEmpty())
        problem = attestationProblem(review);
    if (problem.isEmpty())
        problem = auditProblem(review);
    return problem;
}

QString SignedRecords::attestationProblem(const SignedReview &review) const {
    const ReviewSignature &s = review.signature;
    if (s.signer != SigningIdentity::profileOf(s.certificate).fullName)
        return tr("the signer is kept as \"%1\", but the certificate names \"%2\"")
            .arg(s.signer, SigningIdentity::profileOf(s.certificate).fullName);
    if (s.attestation.isEmpty())
        return ReviewStore(m_store).signedBeforeAttestations().contains(s.reviewId)
                   ? QString()
                   : tr("its signer, time and audit head are not signed (the attestation was "
                        "removed; only signatures from before schema 5 lack one)");
    if (!SigningIdentity::verify(s.certificate, s.attestedBytes(), s.attestation))
        return tr("the signer, signing time or audit head kept with the signature (%1, %2, "
                  "%3…) are not the ones the key signed: they were changed after signing")
            .arg(s.signer, s.signedAt, s.auditHead.left(12));
    return {};
}

QString SignedRecords::auditProblem(const SignedReview &review) const {
    const ReviewSignature &s = review.signature;
    if (s.auditHead.isEmpty())  // signed before the docket had an audit log (schema 3)
        return {};
    const QList<AuditEntry> entries =
        AuditLog(m_store.handle()).entriesFor(QStringLiteral("case"), review.aNumber, 100000);
    for (const AuditEntry &e : entries) {
        const QJsonObject d = QJsonDocument::fromJson(e.details).object();
        if (e.action != u"review.sign" ||
            d.value(QStringLiteral("record_sha256")) != s.recordSha256)
            continue;
        // The signing appends its entry right after reading the head it keeps.
        if (QString::fromLatin1(e.prevHash.toHex()) != s.auditHead)
            return tr("the audit log no longer leads up to the head this review was signed at "
                      "(%1…): the history before it was rewritten")
                .arg(s.auditHead.left(12));
        const bool agrees =
            d.value(QStringLiteral("signer")).toString() == s.signer &&
            d.value(QStringLiteral("certificate_sha256")).toString() == s.certificateSha256() &&
            d.value(QStringLiteral("signed_at")).toString(s.signedAt) == s.signedAt;
        return agrees ? QString()
                      : tr("the audit log's signing entry %1 names another signer, certificate "
                           "or time than the signature")
                            .arg(e.seq);
    }
    return tr("the audit log has no signing of this record (%1…)").arg(s.recordSha256.left(12));
}
