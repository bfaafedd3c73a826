#pragma once

#include <QString>
#include <QStringList>

class CaseStore;
struct SignedReview;

// Whether the docket's signed reviews still hold, each as it stands:
// - its record still hashes to what was signed and the signature verifies;
// - the record names the person its case facts name;
// - the attestation (schema 5) verifies, so the signer's name, the signing time and the audit
//   head kept beside the signature are the ones the key signed; a signature without one is
//   accepted only if an upgrade recorded it as made before attestations existed;
// - the name kept as signer is the certificate's;
// - the audit log has the signing, naming the same record, signer and certificate, and the
//   entry before it is the audit head the signature kept (so the history up to each
//   signature is bound to the signer's key).
// Whether the key is one the user trusts is the trust store's question (DocketCheck).
class SignedRecords {
  public:
    explicit SignedRecords(CaseStore &store) : m_store(store) {}

    // One line per problem, naming the case and version; empty when all hold.
    QStringList problems() const;
    // The first problem of one signed review, or empty when it holds.
    QString problemOf(qint64 reviewId) const;

  private:
    QString problemOf(const SignedReview &review) const;
    QString attestationProblem(const SignedReview &review) const;
    QString auditProblem(const SignedReview &review) const;

    CaseStore &m_store;
};
