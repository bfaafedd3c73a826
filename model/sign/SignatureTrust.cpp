#include "SignatureTrust.h"

#include "CmsSignature.h"
#include "OpenSsl.h"
#include "PdfVerifier.h"
#include "TrustStore.h"

#include <QCoreApplication>

namespace SignatureTrustCheck {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("SignatureTrust", text);
}

QString iso(const QDateTime &t) {
    return t.toString(Qt::ISODate);
}

QDateTime expiryOf(const QByteArray &certificateDer) {
    const OpenSsl::Owned<X509> cert = OpenSsl::certificate(certificateDer);
    return cert ? OpenSsl::toDateTime(X509_get0_notAfter(cert.get())) : QDateTime();
}

// The time the signature is known to have existed by: a valid timestamp's, when its
// authority is trusted (or no store is given); otherwise none.
QDateTime provenTime(const SignatureResult &s, const TrustStore *trust, QStringList &notes) {
    if (!s.timestamp.valid) {
        notes << tr("no timestamp: the signing time %1 is the signer's own claim")
                     .arg(s.claimedTime.isValid() ? iso(s.claimedTime) : tr("(none)"));
        return {};
    }
    // Anyone can add a timestamp to the unsigned part: its time counts only when its
    // authority chains to the trust store.
    if (!trust) {
        notes << tr("timestamp %1 by %2, an authority not checked (no trust store): its time "
                    "is not relied on")
                     .arg(iso(s.timestamp.time), s.timestamp.authority);
        return {};
    }
    if (const QString problem = trust->problem(s.timestamp.authorityCertificate, s.timestamp.time);
        !problem.isEmpty()) {
        notes << tr("timestamp %1 by %2, but that authority is %3: its time is not relied on")
                     .arg(iso(s.timestamp.time), s.timestamp.authority, problem);
        return {};
    }
    notes << tr("timestamp %1 by %2 (a trusted authority)")
                 .arg(iso(s.timestamp.time), s.timestamp.authority);
    return s.timestamp.time;
}
// A revocation the embedded CRL shows: harmless when a trusted timestamp predates it,
// otherwise the verdict. False when the signature stands.
bool revoked(const SignatureResult &s, const QDateTime &proven, SignatureTrust &out) {
    const Revocation::Status &r = s.revocation;
    out.notes << tr("revocation: %1")
                     .arg(r.state == Revocation::Status::State::Unknown
                              ? tr("not checked: %1").arg(r.problem)
                              : r.text());
    if (r.state != Revocation::Status::State::Revoked)
        return false;
    if (proven.isValid() && proven < r.revokedAt) {
        out.notes << tr("revocation: the certificate was revoked on %1, after the timestamp: the "
                        "signature still holds")
                         .arg(iso(r.revokedAt));
        return false;
    }
    const bool before = s.claimedTime.isValid() && r.revokedAt <= s.claimedTime;
    out.verdict = before ? SignatureTrust::Verdict::Invalid : SignatureTrust::Verdict::SinceRevoked;
    out.summary = before ? tr("invalid: the certificate was revoked on %1, before the time the "
                              "signature gives (%2)")
                               .arg(iso(r.revokedAt), iso(s.claimedTime))
                         : tr("valid when signed, by the signer's own clock, but the certificate "
                              "was revoked on %1 and no trusted timestamp shows the signature "
                              "is older")
                               .arg(iso(r.revokedAt));
    return true;
}
// A timestamp anyone could have made does not raise the level.
QString backedLevel(const SignatureResult &s, const TrustStore *trust, QStringList &notes) {
    QString written = s.level();
    if (!trust || !s.valid || !s.timestamp.valid)
        return written;
    if (!trust->problem(s.timestamp.authorityCertificate, s.timestamp.time).isEmpty()) {
        notes << tr("level: PAdES B-B as far as the trust store shows (written as %1, but its "
                    "timestamp's authority is not trusted)")
                     .arg(written);
        return QStringLiteral("PAdES B-B");
    }
    if (s.archived &&
        !trust->problem(s.archiveTimestamp.authorityCertificate, s.archiveTimestamp.time)
             .isEmpty()) {
        notes << tr("level: PAdES B-LT as far as the trust store shows (its document timestamp "
                    "by %1 is from an authority that is not trusted)")
                     .arg(s.archiveTimestamp.authority);
        return QStringLiteral("PAdES B-LT");
    }
    return written;
}
}  // namespace

SignatureTrust judge(const SignatureResult &s, const TrustStore *trust, const QDateTime &now) {
    SignatureTrust out;
    out.level = backedLevel(s, trust, out.notes);
    if (!s.valid) {
        out.summary = tr("invalid: %1").arg(s.problem);
        return out;
    }
    const QDateTime proven = provenTime(s, trust, out.notes);
    const QDateTime at = proven.isValid() ? proven : s.claimedTime;
    out.signedAt = at;
    // Without a trusted timestamp the certificate must also have been valid at the time
    // the signer claims.
    if (const QString problem = CmsSignature::certificateProblem(s.signerCertificate, at);
        !proven.isValid() && !problem.isEmpty()) {
        out.summary = tr("invalid: %1").arg(problem);
        return out;
    }
    if (trust) {
        if (const QString problem = trust->problem(s.signerCertificate, at); !problem.isEmpty()) {
            out.verdict = SignatureTrust::Verdict::SignerNotTrusted;
            out.summary = tr("valid, signer not trusted: %1 is %2").arg(s.signer, problem);
            return out;
        }
    }
    if (revoked(s, proven, out))
        return out;
    const QDateTime expiry = expiryOf(s.signerCertificate);
    if (expiry.isValid() && expiry < now) {
        if (!proven.isValid() || proven > expiry) {
            out.verdict = SignatureTrust::Verdict::SinceExpired;
            out.summary = tr("valid when signed, but the certificate expired on %1 and no "
                             "trusted timestamp shows the signature is older")
                              .arg(iso(expiry));
            return out;
        }
        out.notes << tr("the certificate expired on %1, after the timestamp: the signature "
                        "still holds")
                         .arg(iso(expiry));
    }
    out.verdict = trust ? SignatureTrust::Verdict::Trusted : SignatureTrust::Verdict::NotChecked;
    out.summary = trust ? tr("valid and trusted (%1)").arg(trust->source())
                        : tr("valid; the signer was not checked against a trust store "
                             "(--trust FILE|DIR or DISCRETION_TRUST): anyone can make a "
                             "certificate with any name");
    return out;
}
SignatureTrust judgeRecord(const QString &signer, const QByteArray &certificate,
                           const QDateTime &signedAt, const QString &problem,
                           const TrustStore *trust, const QDateTime &now) {
    SignatureResult s;
    s.valid = problem.isEmpty();
    s.problem = problem;
    s.signer = signer;
    s.signerCertificate = certificate;
    s.claimedTime = s.signingTime = signedAt;
    s.subFilter = QStringLiteral("record");
    s.revocation.problem = tr("the docket holds no revocation data");
    SignatureTrust out = judge(s, trust, now);
    out.level = tr("record signature, no timestamp (the exported PDF carries the PAdES one)");
    return out;
}
}  // namespace SignatureTrustCheck
