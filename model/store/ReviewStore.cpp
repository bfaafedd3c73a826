#include "ReviewStore.h"

#include "CaseStore.h"
#include "Sqlite.h"
#include "Transaction.h"
#include "audit/AuditLog.h"
#include "domain/ANumber.h"
#include "domain/Clock.h"
#include "domain/RecordText.h"
#include "review/RecordSigner.h"

#include <QCryptographicHash>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("ReviewStore", text);
}

QString sha256Hex(const QByteArray &bytes) {
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}
}  // namespace

bool ReviewStore::save(Review &review, const PolicyPack &pack, QString *error) {
    const qint64 caseId = m_store.findCaseId(review.aNumber);
    if (caseId == 0) {
        *error = tr("no case with A-number %1 in the docket").arg(review.aNumber);
        return false;
    }
    Transaction t(m_store.handle());
    if (!t.begin(error) || !storePolicyText(pack, error) || !writeRow(review, caseId, error))
        return false;
    Sqlite::Statement status(m_store.handle(),
                             QStringLiteral("UPDATE cases SET review_status=? WHERE id=?"));
    status.bind(1, review.status);
    status.bind(2, caseId);
    if (status.step() != SQLITE_DONE) {
        *error = status.error();
        return false;
    }
    const QJsonObject details{{QStringLiteral("review"), review.id},
                              {QStringLiteral("version"), review.version},
                              {QStringLiteral("status"), review.status},
                              {QStringLiteral("policy"), review.policyId},
                              {QStringLiteral("disposition"), review.disposition},
                              {QStringLiteral("record_sha256"), review.sha256()}};
    return AuditLog(m_store.handle())
               .append(review.status == u"ready" ? QStringLiteral("review.ready")
                                                 : QStringLiteral("review.save"),
                       QStringLiteral("case"), review.aNumber, details, error) &&
           t.commit(error);
}

bool ReviewStore::storePolicyText(const PolicyPack &pack, QString *error) {
    Sqlite::Statement s(m_store.handle(),
                        QStringLiteral("INSERT OR IGNORE INTO policy_texts(sha256, policy_id, "
                                       "canonical) VALUES(?,?,?)"));
    s.bind(1, pack.sha256());
    s.bind(2, pack.id);
    s.bind(3, QString::fromUtf8(pack.canonicalBytes()));
    if (s.step() != SQLITE_DONE) {
        *error = s.error();
        return false;
    }
    // A text kept under this key but changed outside the program is put back: the pack's own
    // bytes hash to the key, so loading the original file again mends the docket.
    Sqlite::Statement mend(m_store.handle(),
                           QStringLiteral("UPDATE policy_texts SET canonical=? WHERE sha256=? "
                                          "AND canonical IS NOT ?"));
    mend.bind(1, QString::fromUtf8(pack.canonicalBytes()));
    mend.bind(2, pack.sha256());
    mend.bind(3, QString::fromUtf8(pack.canonicalBytes()));
    if (mend.step() == SQLITE_DONE)
        return true;
    *error = mend.error();
    return false;
}

bool ReviewStore::writeRow(Review &review, qint64 caseId, QString *error) {
    const QString now = Clock::nowUtc().toString(Qt::ISODateWithMs);
    const QString record = QString::fromUtf8(review.canonicalBytes());
    const bool insert = review.id == 0;
    Sqlite::Statement s(
        m_store.handle(),
        insert ? QStringLiteral("INSERT INTO reviews(case_id, version, supersedes, status, "
                                "policy_sha256, record, record_sha256, created_at, updated_at) "
                                "VALUES(?,?,?,?,?,?,?,?,?)")
               : QStringLiteral("UPDATE reviews SET case_id=?, version=?, supersedes=?, status=?, "
                                "policy_sha256=?, record=?, record_sha256=?, updated_at=? "
                                "WHERE id=?"));
    s.bind(1, caseId);
    s.bind(2, qint64(review.version));
    if (review.supersedes)
        s.bind(3, review.supersedes);
    s.bind(4, review.status);
    s.bind(5, review.policySha256);
    s.bind(6, record);
    s.bind(7, review.sha256());
    s.bind(8, now);
    if (insert)
        s.bind(9, now);
    else
        s.bind(9, review.id);
    if (s.step() != SQLITE_DONE) {
        *error = s.error();
        return false;
    }
    if (insert)
        review.id = sqlite3_last_insert_rowid(m_store.handle());
    return true;
}

std::optional<Review> ReviewStore::latest(qint64 caseId) const {
    Sqlite::Statement s(m_store.handle(),
                        QStringLiteral("SELECT id, record FROM reviews WHERE case_id=? "
                                       "ORDER BY version DESC LIMIT 1"));
    s.bind(1, caseId);
    if (s.step() != SQLITE_ROW)
        return std::nullopt;
    Review r = Review::fromJson(QJsonDocument::fromJson(s.text(1).toUtf8()).object());
    r.id = s.int64(0);
    r.isSigned = signatureOf(r.id).has_value();
    return r;
}

std::optional<QByteArray> ReviewStore::policyText(const QString &sha256) const {
    Sqlite::Statement s(m_store.handle(),
                        QStringLiteral("SELECT canonical FROM policy_texts WHERE sha256=?"));
    s.bind(1, sha256);
    if (s.step() != SQLITE_ROW)
        return std::nullopt;
    // A text edited outside the program is not the one its reviews were made under.
    QByteArray text = s.blob(0);  // the bytes as kept: no decoding may mend them
    return sha256Hex(text) == sha256 ? std::optional(std::move(text)) : std::nullopt;
}

std::optional<QString> ReviewStore::recordHash(qint64 reviewId) const {
    Sqlite::Statement s(m_store.handle(),
                        QStringLiteral("SELECT record_sha256 FROM reviews WHERE id=?"));
    s.bind(1, reviewId);
    if (s.step() != SQLITE_ROW)
        return std::nullopt;
    return s.text(0);
}

QList<QByteArray> ReviewStore::policyTexts() const {
    QList<QByteArray> out;
    Sqlite::Statement s(m_store.handle(),
                        QStringLiteral("SELECT sha256, canonical FROM policy_texts "
                                       "ORDER BY policy_id"));
    // Only texts that still hash to the key they were stored under: one edited with sqlite3
    // would otherwise come back as one more pack to review under (`check` names it).
    while (s.step() == SQLITE_ROW)
        if (QByteArray text = s.blob(1); sha256Hex(text) == s.text(0))
            out << std::move(text);
    return out;
}

bool ReviewStore::addPolicyText(const PolicyPack &pack, QString *error) {
    Transaction t(m_store.handle());
    const QJsonObject details{{QStringLiteral("sha256"), pack.sha256()},
                              {QStringLiteral("title"), pack.title}};
    return t.begin(error) && storePolicyText(pack, error) &&
           AuditLog(m_store.handle())
               .append(QStringLiteral("policy.load"), QStringLiteral("policy"), pack.id, details,
                       error) &&
           t.commit(error);
}

bool ReviewStore::sign(qint64 reviewId, const RecordSigner &signer, ReviewSignature *out,
                       QString *error) {
    Transaction t(m_store.handle());
    if (!t.begin(error))
        return false;
    Sqlite::Statement row(m_store.handle(),
                          QStringLiteral("SELECT record, record_sha256, status, case_id "
                                         "FROM reviews WHERE id=?"));
    row.bind(1, reviewId);
    if (row.step() != SQLITE_ROW) {
        *error = tr("there is no review %1").arg(reviewId);
        return false;
    }
    const QByteArray record = row.text(0).toUtf8();
    const QString storedHash = row.text(1);
    const qint64 caseId = row.int64(3);
    if (row.text(2) != u"ready") {
        *error = tr("only a review marked ready can be signed; this one is a %1").arg(row.text(2));
        return false;
    }
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(record, QCryptographicHash::Sha256).toHex());
    if (hash != storedHash) {
        *error = tr("the stored review no longer matches its hash (%1 against %2): it was changed "
                    "outside "
                    "Discretion")
                     .arg(hash.left(16), storedHash.left(16));
        return false;
    }
    if (signatureOf(reviewId)) {
        *error = tr("the review is already signed");
        return false;
    }
    if (const QString problem = signingProblem(reviewId, caseId, record, hash);
        !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    AuditLog audit(m_store.handle());
    ReviewSignature signature{reviewId,
                              hash,
                              signer.sign(record, error),
                              signer.certificateDer(),
                              signer.commonName(),
                              Clock::nowUtc().toString(Qt::ISODate),
                              audit.headHashHex(),
                              {}};
    if (signature.signature.isEmpty())
        return false;
    signature.attestation = signer.sign(signature.attestedBytes(), error);
    if (signature.attestation.isEmpty())
        return false;
    if (!signer.verifies(record, signature.signature) ||
        !signer.verifies(signature.attestedBytes(), signature.attestation)) {
        *error = tr("the signature made does not verify with the certificate %1: the key that "
                    "signed is not that certificate's; nothing was signed")
                     .arg(signer.commonName());
        return false;
    }
    Sqlite::Statement insert(
        m_store.handle(),
        QStringLiteral("INSERT INTO review_signatures(review_id, record_sha256, signature, "
                       "certificate, signer, signed_at, audit_head, attestation) "
                       "VALUES(?,?,?,?,?,?,?,?)"));
    insert.bind(1, reviewId);
    insert.bind(2, signature.recordSha256);
    insert.bindBlob(3, signature.signature);
    insert.bindBlob(4, signature.certificate);
    insert.bind(5, signature.signer);
    insert.bind(6, signature.signedAt);
    insert.bind(7, signature.auditHead);
    insert.bindBlob(8, signature.attestation);
    Sqlite::Statement status(m_store.handle(),
                             QStringLiteral("UPDATE cases SET review_status='signed' WHERE id=?"));
    status.bind(1, caseId);
    if (insert.step() != SQLITE_DONE || status.step() != SQLITE_DONE) {
        *error = insert.error();
        return false;
    }
    const QJsonObject details{{QStringLiteral("review"), reviewId},
                              {QStringLiteral("record_sha256"), hash},
                              {QStringLiteral("signer"), signature.signer},
                              {QStringLiteral("certificate_sha256"), signer.fingerprintSha256()},
                              {QStringLiteral("signed_at"), signature.signedAt},
                              {QStringLiteral("audit_head"), signature.auditHead}};
    if (!audit.append(QStringLiteral("review.sign"), QStringLiteral("case"),
                      m_store.loadCase(caseId)->aNumber, details, error))
        return false;
    if (out)
        *out = signature;
    return t.commit(error);
}

std::optional<ReviewSignature> ReviewStore::signatureOf(qint64 reviewId) const {
    Sqlite::Statement s(
        m_store.handle(),
        QStringLiteral("SELECT record_sha256, signature, certificate, signer, signed_at, "
                       "audit_head, attestation FROM review_signatures WHERE review_id=?"));
    s.bind(1, reviewId);
    if (s.step() != SQLITE_ROW)
        return std::nullopt;
    return ReviewSignature{reviewId,  s.text(0), s.blob(1), s.blob(2),
                           s.text(3), s.text(4), s.text(5), s.blob(6)};
}

std::optional<Review> ReviewStore::amend(qint64 caseId, const QString &reason, QString *error) {
    std::optional<Review> signedReview = latest(caseId);
    if (!signedReview || !signedReview->isSigned) {
        *error = tr("only a signed review is amended; edit an unsigned one instead");
        return std::nullopt;
    }
    if (reason.trimmed().isEmpty()) {
        *error = tr("an amendment needs a reason");
        return std::nullopt;
    }
    if (const QString problem = RecordText::problem(reason, true); !problem.isEmpty()) {
        *error = tr("the reason for the amendment: %1").arg(problem);
        return std::nullopt;
    }
    Review amendment = *signedReview;
    amendment.id = 0;
    amendment.version = signedReview->version + 1;
    amendment.supersedes = signedReview->id;
    amendment.status = QStringLiteral("draft");
    amendment.amendmentReason = reason.trimmed();
    amendment.isSigned = false;
    Transaction t(m_store.handle());
    Sqlite::Statement status(m_store.handle(),
                             QStringLiteral("UPDATE cases SET review_status='draft' WHERE id=?"));
    status.bind(1, caseId);
    if (!t.begin(error) || !writeRow(amendment, caseId, error))
        return std::nullopt;
    if (status.step() != SQLITE_DONE) {
        *error = status.error();
        return std::nullopt;
    }
    const QJsonObject details{{QStringLiteral("review"), amendment.id},
                              {QStringLiteral("version"), amendment.version},
                              {QStringLiteral("supersedes"), amendment.supersedes},
                              {QStringLiteral("reason"), amendment.amendmentReason},
                              {QStringLiteral("record_sha256"), amendment.sha256()}};
    if (!AuditLog(m_store.handle())
             .append(QStringLiteral("review.amend"), QStringLiteral("case"), amendment.aNumber,
                     details, error) ||
        !t.commit(error))
        return std::nullopt;
    return amendment;
}

std::optional<ReviewStore::SignedRecord> ReviewStore::signatureByRecord(
    const QString &sha256) const {
    Sqlite::Statement s(
        m_store.handle(),
        QStringLiteral("SELECT s.review_id, c.a_number, r.record FROM review_signatures s "
                       "JOIN reviews r ON r.id = s.review_id JOIN cases c ON c.id = r.case_id "
                       "WHERE s.record_sha256 = ?"));
    s.bind(1, sha256);
    if (s.step() != SQLITE_ROW)
        return std::nullopt;
    const std::optional<ReviewSignature> signature = signatureOf(s.int64(0));
    if (!signature)
        return std::nullopt;
    return SignedRecord{*signature, s.text(2).toUtf8(), s.text(1)};
}

QString ReviewStore::signingProblem(qint64 reviewId, qint64 caseId, const QByteArray &record,
                                    const QString &hash) const {
    const Review review = Review::fromJson(QJsonDocument::fromJson(record).object());
    if (!review.hasCaseFacts())
        return tr(
            "this review was recorded without the case facts it was made on (by an "
            "earlier version of Discretion, or changed since): record it as ready again, "
            "then sign");
    Sqlite::Statement live(m_store.handle(),
                           QStringLiteral("SELECT a_number FROM cases WHERE id=?"));
    live.bind(1, caseId);
    const QString filedUnder = live.step() == SQLITE_ROW ? live.text(0) : QString();
    const QString onRecord = review.caseOnRecord().aNumber;
    if (review.aNumber != filedUnder || onRecord != review.aNumber)
        return tr("the record names %1 and its facts name %2, but it is the review of %3: it "
                  "was changed outside Discretion")
            .arg(ANumber::displayDigits(review.aNumber), ANumber::displayDigits(onRecord),
                 ANumber::displayDigits(filedUnder));
    // What the attorney marked ready is in the audit log; a record swapped in since is not.
    Sqlite::Statement ready(
        m_store.handle(),
        QStringLiteral("SELECT json_extract(details, '$.record_sha256') FROM audit_log "
                       "WHERE action='review.ready' AND entity='case' AND entity_id=? AND "
                       "json_extract(details, '$.review')=? ORDER BY seq DESC LIMIT 1"));
    ready.bind(1, filedUnder);
    ready.bind(2, reviewId);
    if (ready.step() != SQLITE_ROW || ready.text(0) != hash)
        return tr("this record (%1…) is not the one the audit log says was marked ready: it was "
                  "changed outside Discretion")
            .arg(hash.left(12));
    return {};
}

QList<std::pair<QString, ReviewSignature>> ReviewStore::allSignatures() const {
    QList<std::pair<QString, ReviewSignature>> out;
    Sqlite::Statement s(m_store.handle(),
                        QStringLiteral("SELECT c.a_number, s.review_id FROM review_signatures s "
                                       "JOIN reviews r ON r.id = s.review_id JOIN cases c ON "
                                       "c.id = r.case_id ORDER BY s.signed_at, s.review_id"));
    while (s.step() == SQLITE_ROW)
        if (const std::optional<ReviewSignature> signature = signatureOf(s.int64(1)))
            out.append({s.text(0), *signature});
    return out;
}

QList<SignedReview> ReviewStore::signedReviews(qint64 onlyReviewId) const {
    Sqlite::Statement s(m_store.handle(),
                        QStringLiteral("SELECT c.a_number, r.version, r.record, r.record_sha256, "
                                       "r.id FROM review_signatures s JOIN reviews r ON r.id = "
                                       "s.review_id JOIN cases c ON c.id = r.case_id WHERE ?1 = 0 "
                                       "OR r.id = ?1 ORDER BY c.a_number, r.version"));
    s.bind(1, onlyReviewId);
    QList<SignedReview> out;
    while (s.step() == SQLITE_ROW)
        if (const std::optional<ReviewSignature> signature = signatureOf(s.int64(4)))
            out.append({s.text(0), int(s.int64(1)), s.text(2).toUtf8(), s.text(3), *signature});
    return out;
}

QStringList ReviewStore::statusProblems() const {
    // What the status should be: the latest review's, "signed" once it is signed, and
    // "not_reviewed" without one.
    Sqlite::Statement s(
        m_store.handle(),
        QStringLiteral(
            "SELECT a_number, review_status, expected FROM (SELECT c.a_number, c.review_status, "
            "CASE WHEN r.id IS NULL THEN 'not_reviewed' WHEN EXISTS (SELECT 1 FROM "
            "review_signatures s WHERE s.review_id = r.id) THEN 'signed' ELSE r.status END "
            "AS expected FROM cases c LEFT JOIN reviews r ON r.case_id = c.id AND r.version = "
            "(SELECT max(version) FROM reviews WHERE case_id = c.id)) "
            "WHERE review_status IS NOT expected ORDER BY a_number"));
    QStringList out;
    while (s.step() == SQLITE_ROW)
        out << tr("%1: the list says %2, but its latest review says %3")
                   .arg(ANumber::displayDigits(s.text(0)), s.text(1), s.text(2));
    return out;
}

QStringList ReviewStore::rowProblems() const {
    Sqlite::Statement s(
        m_store.handle(),
        QStringLiteral(
            "SELECT c.a_number, r.version, r.id FROM reviews r JOIN cases c ON c.id = r.case_id "
            "WHERE json_extract(r.record, '$.version') IS NOT r.version "
            "OR json_extract(r.record, '$.supersedes') IS NOT coalesce(r.supersedes, 0) "
            "OR json_extract(r.record, '$.status') IS NOT r.status "
            "OR json_extract(r.record, '$.policy.sha256') IS NOT r.policy_sha256 "
            "OR json_extract(r.record, '$.a_number') IS NOT c.a_number "
            "OR NOT EXISTS (SELECT 1 FROM policy_texts p WHERE p.sha256 = r.policy_sha256) "
            "ORDER BY c.a_number, r.version"));
    QStringList out;
    while (s.step() == SQLITE_ROW)
        out << tr("%1 version %2 (review %3): its version, amendment link, status, policy or "
                  "A-number is not what its record says, or its policy text is gone")
                   .arg(ANumber::displayDigits(s.text(0)))
                   .arg(s.int64(1))
                   .arg(s.int64(2));
    return out;
}

QList<ReviewStore::KeptReview> ReviewStore::allReviews() const {
    Sqlite::Statement s(m_store.handle(),
                        QStringLiteral("SELECT r.id, c.a_number, r.status, r.record FROM reviews r "
                                       "JOIN cases c ON c.id = r.case_id ORDER BY r.id"));
    QList<KeptReview> out;
    while (s.step() == SQLITE_ROW)
        out.append({s.int64(0), s.text(1), s.text(2), s.text(3).toUtf8()});
    return out;
}

QStringList ReviewStore::policyTextProblems() const {
    QStringList problems;
    Sqlite::Statement s(m_store.handle(),
                        QStringLiteral("SELECT policy_id, sha256, canonical FROM policy_texts"));
    while (s.step() == SQLITE_ROW)
        if (sha256Hex(s.blob(2)) != s.text(1))
            problems << tr("policy %1: the kept text no longer matches its SHA-256 %2…")
                            .arg(s.text(0), s.text(1).left(12));
    return problems;
}

QList<qint64> ReviewStore::readyReviews() const {
    QList<qint64> out;
    Sqlite::Statement s(
        m_store.handle(),
        QStringLiteral(
            "SELECT r.id FROM reviews r WHERE r.status = 'ready' "
            "AND r.version = (SELECT max(version) FROM reviews WHERE case_id = r.case_id) "
            "AND NOT EXISTS (SELECT 1 FROM review_signatures s WHERE s.review_id = r.id) "
            "ORDER BY r.case_id"));
    while (s.step() == SQLITE_ROW)
        out << s.int64(0);
    return out;
}

bool ReviewStore::hasSignedVersion(qint64 caseId) const {
    Sqlite::Statement s(m_store.handle(),
                        QStringLiteral("SELECT 1 FROM reviews r JOIN review_signatures s ON "
                                       "s.review_id = r.id WHERE r.case_id = ? LIMIT 1"));
    s.bind(1, caseId);
    return s.step() == SQLITE_ROW;
}

QList<qint64> ReviewStore::casesWithSignedReview() const {
    QList<qint64> out;
    Sqlite::Statement s(
        m_store.handle(),
        QStringLiteral(
            "SELECT r.case_id FROM reviews r JOIN review_signatures s ON s.review_id = r.id "
            "WHERE r.version = (SELECT max(version) FROM reviews WHERE case_id = r.case_id) "
            "ORDER BY r.case_id"));
    while (s.step() == SQLITE_ROW)
        out << s.int64(0);
    return out;
}

QByteArray ReviewSignature::attestedBytes() const {
    const QJsonObject o{{QStringLiteral("attests"), QStringLiteral("discretion review signature")},
                        {QStringLiteral("review"), reviewId},
                        {QStringLiteral("record_sha256"), recordSha256},
                        {QStringLiteral("audit_head"), auditHead},
                        {QStringLiteral("signer"), signer},
                        {QStringLiteral("signed_at"), signedAt},
                        {QStringLiteral("certificate_sha256"), certificateSha256()}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString ReviewSignature::certificateSha256() const {
    return sha256Hex(certificate);
}
