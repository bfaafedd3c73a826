#pragma once

#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

#include "audit/AuditLog.h"

class CaseStore;
struct SignedReview;

// Whether the docket's signed reviews still hold, each as it stands:
// - its record still hashes to what was signed and the signature verifies;
// - the record names the person its case facts name, and the case it is filed under;
// - the attestation (schema 5) verifies, so the signer's name, the signing time and the audit
//   head kept beside the signature are the ones the key signed;
// - the name kept as signer is the certificate's;
// - the audit log has the signing, naming the same record, signer and certificate, and the
//   entry before it is the audit head the signature kept (so the history up to each
//   signature is bound to the signer's key).
// And the other way round: every signing the audit log records still has its signature.
// Whether the key is one the user trusts is the trust store's question (DocketCheck).
class SignedRecords {
  public:
    explicit SignedRecords(CaseStore &store) : m_store(store) {}

    // One line per problem, naming the case and version; empty when all hold.
    QStringList problems() const;
    // The first problem of one signed review, or empty when it holds.
    QString problemOf(qint64 reviewId) const;

    // The entry that took the docket to schema 5 or later (its creation, its first audit
    // entry, or an upgrade), and the signatures it recorded as made before attestations:
    // the only ones that may lack one, and only if their signing came before it. Entries
    // claiming so later in the log do not count.
    struct AttestationStart {
        qint64 seq = 0;               // 0 when the log has no such entry
        bool beforeAuditLog = false;  // an audit.start: its signatures have no signing entry
        QSet<qint64> unattested;      // review ids
    };
    AttestationStart attestationStart() const;

  private:
    QString problemOf(const SignedReview &review) const;
    QString attestationProblem(const SignedReview &review) const;
    QString auditProblem(const SignedReview &review) const;
    bool mayLackAttestation(const SignedReview &review) const;
    std::optional<AuditEntry> signingEntry(const SignedReview &review) const;
    QStringList signingsWithoutSignature() const;

    CaseStore &m_store;
    mutable std::optional<AttestationStart> m_start;
};
