#include "TestDocket.h"
#include "review/AnswersFile.h"
#include "review/ReviewSession.h"
#include "sign/SigningIdentity.h"
#include "store/ReviewStore.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace {
QString sqlError(CaseStore &store, const QString &sql) {
    QSqlQuery q(store.database());
    return q.exec(sql) ? QString() : q.lastError().text();
}
}  // namespace

class TestSigning : public QObject {
    Q_OBJECT
    TestDocket m_docket;
    std::unique_ptr<CaseStore> m_store;
    std::optional<SigningIdentity> m_identity;
    std::optional<PolicyPack> m_pack;
    qint64 m_caseId = 0;

    Review readyReview(const QString &status = u"ready"_qs) {
        QFile f(QStringLiteral(DISCRETION_SOURCE "/resources/policies/example-answers.json"));
        f.open(QIODevice::ReadOnly);
        AnswersFile::Result r = AnswersFile::read(f.readAll(), PolicyPack::builtIn());
        m_pack = r.pack;
        r.review.status = status;
        r.review.refresh(*m_store->loadCase(m_caseId), *r.pack);
        return r.review;
    }

  private Q_SLOTS:
    void initTestCase() {
        m_store = m_docket.open();
        Case c = makeCase(u"204555101"_qs, u"Hernández"_qs);
        c.counselName = u"Ana Beltrán, Esq."_qs;
        c.eoir28Date = QDate(2019, 5, 2);
        QString error;
        QVERIFY(m_store->saveCase(c, &error));
        m_caseId = c.id;
        m_identity = SigningIdentity::generate({u"A. Attorney"_qs, {}, u"OPLA"_qs, {}, {}, {}},
                                               SigningIdentity::KeyType::EcP256, 365, &error);
        QVERIFY(m_identity);
    }

    void onlyAReadyReviewIsSigned() {
        Review draft = readyReview(u"draft"_qs);
        QString error;
        ReviewStore reviews(*m_store);
        QVERIFY(reviews.save(draft, *m_pack, &error));
        QVERIFY(!reviews.sign(draft.id, *m_identity, nullptr, &error));
        QVERIFY2(error.contains(u"only a review marked ready"_qs), qPrintable(error));
    }

    void aChangedRecordIsNotSigned() {
        Review review = readyReview();
        review.id = ReviewStore(*m_store).latest(m_caseId)->id;
        QString error;
        QVERIFY(ReviewStore(*m_store).save(review, *m_pack, &error));
        // Someone edits the stored record with the sqlite3 tool before signing.
        QCOMPARE(
            sqlError(
                *m_store,
                u"UPDATE reviews SET record = replace(record, 'joint_motion_dismiss', 'decline_pd')"_qs),
            QString());
        QVERIFY(!ReviewStore(*m_store).sign(review.id, *m_identity, nullptr, &error));
        QVERIFY2(error.contains(u"no longer matches its hash"_qs), qPrintable(error));
        QVERIFY(ReviewStore(*m_store).save(review, *m_pack, &error));  // put it back
    }

    void signingStoresAVerifiableSignatureAndLocksTheRecord() {
        ReviewStore reviews(*m_store);
        const Review review = *reviews.latest(m_caseId);
        ReviewSignature signature;
        QString error;
        QVERIFY2(reviews.sign(review.id, *m_identity, &signature, &error), qPrintable(error));
        QCOMPARE(signature.recordSha256, review.sha256());
        QVERIFY(SigningIdentity::verify(signature.certificate, review.canonicalBytes(),
                                        signature.signature));
        QCOMPARE(m_store->loadCase(m_caseId)->reviewStatus, u"signed"_qs);
        QVERIFY(reviews.latest(m_caseId)->isSigned);
        QCOMPARE(reviews.signatureOf(review.id)->signer, u"A. Attorney"_qs);
        // The same key signed the circumstances: this review, its hash, the audit head
        // before the signing, the signer, the time and the certificate.
        const ReviewSignature kept = *reviews.signatureOf(review.id);
        QCOMPARE(kept.attestation, signature.attestation);
        QVERIFY(SigningIdentity::verify(kept.certificate, kept.attestedBytes(), kept.attestation));
        const QJsonObject attested = QJsonDocument::fromJson(kept.attestedBytes()).object();
        QCOMPARE(attested[u"review"_qs].toInteger(), review.id);
        QCOMPARE(attested[u"record_sha256"_qs].toString(), review.sha256());
        QCOMPARE(attested[u"audit_head"_qs].toString(), kept.auditHead);
        QCOMPARE(attested[u"signed_at"_qs].toString(), kept.signedAt);
        QCOMPARE(attested[u"certificate_sha256"_qs].toString(), m_identity->fingerprintSha256());
        ReviewSignature moved = kept;
        moved.signedAt = u"2020-01-01T00:00:00Z"_qs;
        QVERIFY(
            !SigningIdentity::verify(kept.certificate, moved.attestedBytes(), kept.attestation));

        // The database itself refuses every change, whatever tool is used.
        QVERIFY(sqlError(*m_store, u"UPDATE reviews SET record='{}' WHERE id=%1"_qs.arg(review.id))
                    .contains(u"cannot be changed"_qs));
        QVERIFY(sqlError(*m_store, u"DELETE FROM reviews WHERE id=%1"_qs.arg(review.id))
                    .contains(u"cannot be deleted"_qs));
        QVERIFY(sqlError(*m_store, u"UPDATE review_signatures SET signer='X'"_qs)
                    .contains(u"cannot be changed"_qs));
        QVERIFY(sqlError(*m_store, u"DELETE FROM review_signatures"_qs)
                    .contains(u"cannot be deleted"_qs));
        QVERIFY(!m_store->deleteCase(m_caseId, &error));
        QVERIFY(error.contains(u"cannot be deleted"_qs));
        QVERIFY(!reviews.sign(review.id, *m_identity, nullptr, &error));
        // The wizard's save of a signed review is refused by the same rule.
        ReviewSession session(*m_store, m_caseId, PolicyPack::builtIn(), QDate(2024, 3, 1),
                              u"A"_qs);
        QVERIFY(!session.save(u"draft"_qs, &error));
        QVERIFY2(error.contains(u"cannot be changed"_qs), qPrintable(error));
    }

    void amendingMakesANewVersionThatNamesTheOld() {
        ReviewStore reviews(*m_store);
        const Review signedReview = *reviews.latest(m_caseId);
        QString error;
        QVERIFY(!reviews.amend(m_caseId, u"  "_qs, &error));
        QVERIFY(error.contains(u"needs a reason"_qs));
        // A reason that would print otherwise than it is recorded starts no amendment.
        QVERIFY(!reviews.amend(m_caseId, u"Reason \u202Ereversed"_qs, &error));
        QVERIFY2(error.contains(u"U+202E"_qs), qPrintable(error));
        QCOMPARE(reviews.latest(m_caseId)->id, signedReview.id);
        std::optional<Review> amendment =
            reviews.amend(m_caseId, u"New evidence of rehabilitation."_qs, &error);
        QVERIFY2(amendment, qPrintable(error));
        QCOMPARE(amendment->version, 2);
        QCOMPARE(amendment->supersedes, signedReview.id);
        QCOMPARE(m_store->loadCase(m_caseId)->reviewStatus, u"draft"_qs);
        const Review latest = *reviews.latest(m_caseId);
        QCOMPARE(latest.id, amendment->id);
        QVERIFY(!latest.isSigned);
        QCOMPARE(latest.amendmentReason, u"New evidence of rehabilitation."_qs);
        QVERIFY(reviews.signatureOf(signedReview.id));  // the old version stays, signed
        Review ready = latest;
        ready.status = u"ready"_qs;
        QVERIFY(reviews.save(ready, *m_pack, &error));
        QVERIFY2(reviews.sign(ready.id, *m_identity, nullptr, &error), qPrintable(error));
        QSqlQuery q(u"SELECT count(*) FROM review_signatures"_qs, m_store->database());
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestSigning)
#include "tst_signing.moc"
