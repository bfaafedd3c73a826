#pragma once

#include "review/Review.h"

#include <optional>

class CaseStore;
class SigningIdentity;

// A signature over a review's canonical record, as stored.
struct ReviewSignature {
    qint64 reviewId = 0;
    QString recordSha256;
    QByteArray signature;
    QByteArray certificate;  // DER
    QString signer;
    QString signedAt;   // UTC, ISO 8601
    QString auditHead;  // hex SHA-256 of the audit log's newest entry before the signing
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
    // them, stores the signature and marks the case signed, in one transaction. The
    // database refuses any later change to the review or its signature.
    bool sign(qint64 reviewId, const SigningIdentity &identity, ReviewSignature *out,
              QString *error);
    std::optional<ReviewSignature> signatureOf(qint64 reviewId) const;
    // Cases whose latest review is signed.
    QList<qint64> casesWithSignedReview() const;
    // Every signed review checked as it stands: its record still hashes to what was signed,
    // the signature verifies with its certificate, and the audit log's signing entry names
    // the same hash. One line per problem, naming the case and version; empty when all hold.
    QStringList signedRecordProblems() const;
    // The same checks for one signed review (record hash, signature, facts); empty if it holds.
    QString signedRecordProblem(qint64 reviewId) const;
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
