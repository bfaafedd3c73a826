#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

struct SignatureResult;
class TrustStore;

// What a reader concludes from one checked PDF signature, a trust store and today's date:
// one of the four verdicts a verifier gives, with the facts behind it.
struct SignatureTrust {
    enum class Verdict {
        Trusted,           // valid, and the signer chains to the trust store
        NotChecked,        // valid; no trust store was given
        SignerNotTrusted,  // valid, but the signer does not chain to the trust store
        SinceExpired,      // valid when signed; the certificate has expired since, and no
                           // trusted timestamp shows the signature is older than that
        SinceRevoked,      // valid when signed by its own clock; the certificate was revoked
                           // later, and no trusted timestamp shows the signature is older
        Invalid,
    };
    Verdict verdict = Verdict::Invalid;
    QString summary;     // "valid and trusted", "valid, signer not trusted: ..."
    QStringList notes;   // the time relied on and why, the timestamp authority's standing
    QDateTime signedAt;  // a trusted timestamp's time, else the signer's claim
    // The PAdES level as far as the trust store backs it: a level resting on a timestamp
    // (B-T and up on the signature's, B-LTA on the document's) counts only when that
    // timestamp's authority is trusted. Without a store, the level as written.
    QString level;

    // Exit 0 only for valid and trusted, or valid when no trust store was given.
    bool acceptable() const {
        return verdict == Verdict::Trusted || verdict == Verdict::NotChecked;
    }
};

namespace SignatureTrustCheck {
// trust may be null (no store given). A timestamp counts as trusted time only when its
// authority chains to the store too (or when there is no store).
SignatureTrust judge(const SignatureResult &signature, const TrustStore *trust,
                     const QDateTime &now);
// The same verdicts for a record signature kept in the docket: no timestamp and no
// revocation data there, so its time is the signing time the signer attested. problem:
// why the signature does not hold (SignedRecords), empty when it does.
SignatureTrust judgeRecord(const QString &signer, const QByteArray &certificate,
                           const QDateTime &signedAt, const QString &problem,
                           const TrustStore *trust, const QDateTime &now);
}  // namespace SignatureTrustCheck
