#include "SignedRecords.h"

#include "SigningIdentity.h"
#include "audit/AuditLog.h"
#include "domain/ANumber.h"
#include "store/CaseStore.h"
#include "store/ReviewStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("SignedRecords", text);
}

QString sha256Hex(const QByteArray &bytes) {
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// Signatures made from this schema on sign an attestation.
constexpr int kAttestedSchema = 5;

// The record itself: its bytes, the hash the review row keeps, the hash that was signed,
// the signature, and the person it names and is filed under.
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
    if (review.aNumber != r.aNumber)
        return tr("the signed record is the review of %1, but the docket files it under %2")
            .arg(ANumber::displayDigits(review.aNumber), ANumber::displayDigits(r.aNumber));
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
    return out + signingsWithoutSignature();
}

QString SignedRecords::problemOf(qint64 reviewId) const {
    const QList<SignedReview> found = ReviewStore(m_store).signedReviews(reviewId);
    return found.isEmpty() ? tr("the review is not signed") : problemOf(found.first());
}

QString SignedRecords::problemOf(const SignedReview &review) const {
    QString problem = recordProblem(review);
    if (problem.isEmpty())
        problem = attestationProblem(review);
    if (problem.isEmpty() &&
        !(review.signature.attestation.isEmpty() && review.signature.auditHead.isEmpty()))
        problem = auditProblem(review);
    return problem;
}

SignedRecords::AttestationStart SignedRecords::attestationStart() const {
    if (m_start)
        return *m_start;
    m_start = AttestationStart{};
    const QList<AuditEntry> steps =
        AuditLog(m_store.handle())
            .entriesWithAction(QStringLiteral("docket"),
                               {QStringLiteral("docket.create"), QStringLiteral("audit.start"),
                                QStringLiteral("docket.upgrade")});
    for (const AuditEntry &e : steps) {
        const QJsonObject d = QJsonDocument::fromJson(e.details).object();
        const int from =
            e.action == u"docket.create" ? 0 : d.value(QStringLiteral("schema_from")).toInt();
        if (from >= kAttestedSchema || d.value(QStringLiteral("schema")).toInt() < kAttestedSchema)
            continue;
        m_start->seq = e.seq;
        m_start->beforeAuditLog = e.action == u"audit.start";
        for (const auto &id : d.value(QStringLiteral("unattested_reviews")).toArray())
            m_start->unattested.insert(id.toInteger());
        break;  // only the first: an "upgrade" appended later is no upgrade
    }
    return *m_start;
}

std::optional<AuditEntry> SignedRecords::signingEntry(const SignedReview &review) const {
    const QList<AuditEntry> entries =
        AuditLog(m_store.handle()).entriesFor(QStringLiteral("case"), review.aNumber, 100000);
    for (const AuditEntry &e : entries)
        if (e.action == u"review.sign" &&
            QJsonDocument::fromJson(e.details).object().value(QStringLiteral("record_sha256")) ==
                review.signature.recordSha256)
            return e;
    return std::nullopt;
}

bool SignedRecords::mayLackAttestation(const SignedReview &review) const {
    const AttestationStart start = attestationStart();
    if (!start.unattested.contains(review.signature.reviewId))
        return false;
    // Signed before the docket reached schema 5: the log has the signing before that entry,
    // or (signed before the log existed) no signing and no kept head.
    const std::optional<AuditEntry> signing = signingEntry(review);
    return signing ? signing->seq < start.seq : review.signature.auditHead.isEmpty();
}

QString SignedRecords::attestationProblem(const SignedReview &review) const {
    const ReviewSignature &s = review.signature;
    const QString onCertificate = SigningIdentity::profileOf(s.certificate).fullName;
    if (s.signer != onCertificate)
        return tr("the signer is kept as \"%1\", but the certificate names \"%2\"")
            .arg(s.signer, onCertificate);
    if (s.attestation.isEmpty())
        return mayLackAttestation(review)
                   ? QString()
                   : tr("its signer, time and audit head are not signed (the attestation was "
                        "removed; only signatures the upgrade to schema 5 listed lack one)");
    if (!SigningIdentity::verify(s.certificate, s.attestedBytes(), s.attestation))
        return tr("the signer, signing time or audit head kept with the signature (%1, %2, "
                  "%3…) are not the ones the key signed: they were changed after signing")
            .arg(s.signer, s.signedAt, s.auditHead.left(12));
    return {};
}

QString SignedRecords::auditProblem(const SignedReview &review) const {
    const ReviewSignature &s = review.signature;
    const std::optional<AuditEntry> e = signingEntry(review);
    if (!e)
        return tr("the audit log has no signing of this record (%1…)").arg(s.recordSha256.left(12));
    // The signing appends its entry right after reading the head it keeps.
    if (QString::fromLatin1(e->prevHash.toHex()) != s.auditHead)
        return tr("the audit log no longer leads up to the head this review was signed at "
                  "(%1…): the history before it was rewritten")
            .arg(s.auditHead.left(12));
    const QJsonObject d = QJsonDocument::fromJson(e->details).object();
    const bool agrees =
        d.value(QStringLiteral("signer")).toString() == s.signer &&
        d.value(QStringLiteral("certificate_sha256")).toString() == s.certificateSha256() &&
        d.value(QStringLiteral("signed_at")).toString(s.signedAt) == s.signedAt;
    return agrees ? QString()
                  : tr("the audit log's signing entry %1 names another signer, certificate or "
                       "time than the signature")
                        .arg(e->seq);
}

QStringList SignedRecords::signingsWithoutSignature() const {
    QSet<QString> kept;
    for (const SignedReview &r : ReviewStore(m_store).signedReviews())
        kept.insert(r.signature.recordSha256);
    QStringList out;
    const QList<AuditEntry> signings =
        AuditLog(m_store.handle())
            .entriesWithAction(QStringLiteral("case"), {QStringLiteral("review.sign")});
    for (const AuditEntry &e : signings) {
        const QJsonObject d = QJsonDocument::fromJson(e.details).object();
        const QString hash = d.value(QStringLiteral("record_sha256")).toString();
        if (!kept.contains(hash))
            out << tr("%1: the audit log records its signing by %2 (entry %3, record %4…), but "
                      "the docket has no such signature: it was removed")
                       .arg(ANumber::displayDigits(e.entityId),
                            d.value(QStringLiteral("signer")).toString())
                       .arg(e.seq)
                       .arg(hash.left(12));
    }
    return out;
}
