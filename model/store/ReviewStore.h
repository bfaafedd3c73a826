#pragma once

#include "review/Review.h"

#include <optional>

class CaseStore;
class RecordSigner;

// A signature over a review's canonical record, as stored.
struct ReviewSignature {
    qint64 reviewId = 0;
    QString recordSha256;
    QByteArray signature;
    QByteArray certificate;  // DER
    QString signer;
    QString signedAt;   // UTC, ISO 8601
    QString auditHead;  // hex SHA-256 of the audit log's newest entry before the signing
    // The signer's signature over attestedBytes(); empty for signatures made before
    // schema 5, which did not sign their circumstances.
    QByteArray attestation;

    // What the attestation signs: this review, the record's hash, the audit head, the
    // signer, the time and the certificate, as compact JSON with sorted keys.
    QByteArray attestedBytes() const;
    QString certificateSha256() const;
};

// A signed review as the docket keeps it, for the checks in sign/SignedRecords.
struct SignedReview {
    QString aNumber;  // of the case the docket files it under
    int version = 0;
    QByteArray record;  // the canonical record bytes as kept
    QString keptHash;   // the hash the review row keeps
    ReviewSignature signature;
};

// Reviews in the docket. Saving stores the review's canonical record and hash, the exact
// policy text it was made under (once per text), and the case's review status, all in
// one transaction. A draft is saved in place; the latest version is what the list shows.
class ReviewStore {
  public:
    explicit ReviewStore(CaseStore &store) : m_store(store) {}

    bool save(Review &review, const PolicyPack &pack, QString *error);
    std::optional<Review> latest(qint64 caseId) const;
    // The canonical text of a policy pack stored with some review, if any.
    std::optional<QByteArray> policyText(const QString &sha256) const;
    std::optional<QString> recordHash(qint64 reviewId) const;

    // Signs a review that is ready: checks its stored bytes still match their hash, signs
    // them and the attestation, stores the signature and marks the case signed, in one
    // transaction. The database refuses any later change to the review or its signature.
    bool sign(qint64 reviewId, const RecordSigner &signer, ReviewSignature *out, QString *error);
    std::optional<ReviewSignature> signatureOf(qint64 reviewId) const;
    // Whether any version of the case's review is signed (then the case cannot be deleted).
    bool hasSignedVersion(qint64 caseId) const;
    // Cases whose latest review is signed.
    QList<qint64> casesWithSignedReview() const;
    // Every signed review (or only one), by A-number, for sign/SignedRecords to check.
    QList<SignedReview> signedReviews(qint64 onlyReviewId = 0) const;
    // Cases whose review status (what the list shows) is not what their latest review
    // says: "A204-555-101: the list says signed, its latest review is a draft".
    QStringList statusProblems() const;
    // Review rows whose columns (version, supersedes, status, policy, A-number) are not what
    // their own record says, or whose policy text is gone.
    QStringList rowProblems() const;
    // Every review as kept, for the audit log's account of them (check/ReviewLedger).
    struct KeptReview {
        qint64 id = 0;
        QString aNumber;  // of the case it is filed under
        QString status;
        QByteArray record;
    };
    QList<KeptReview> allReviews() const;
    // Every signature with its case's A-number, in signing order.
    QList<std::pair<QString, ReviewSignature>> allSignatures() const;
    // Every kept policy text still hashes to the SHA-256 it is filed under.
    QStringList policyTextProblems() const;
    // Ids of the latest reviews marked ready and not yet signed, by case.
    QList<qint64> readyReviews() const;
    // The signed review whose record has this hash: its signature, the record as kept, and
    // the A-number of the case the docket files it under (which a check compares with the
    // A-number inside the record).
    struct SignedRecord {
        ReviewSignature signature;
        QByteArray record;
        QString filedUnder;
    };
    std::optional<SignedRecord> signatureByRecord(const QString &sha256) const;
    // Starts a new draft version that supersedes the signed latest review of a case.
    std::optional<Review> amend(qint64 caseId, const QString &reason, QString *error);
    // Every policy text kept in the docket (loaded packs and those reviews were made under).
    QList<QByteArray> policyTexts() const;
    // Keeps a pack's exact text in the docket, so every review of it can use it later.
    bool addPolicyText(const PolicyPack &pack, QString *error);

  private:
    // Why a ready record may not be signed: it lacks the case facts, names another person
    // than the case it is filed under, or is not the record the audit log marked ready.
    QString signingProblem(qint64 reviewId, qint64 caseId, const QByteArray &record,
                           const QString &hash) const;
    bool storePolicyText(const PolicyPack &pack, QString *error);
    bool writeRow(Review &review, qint64 caseId, QString *error);

    CaseStore &m_store;
};
