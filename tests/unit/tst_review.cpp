#include "TestDocket.h"
#include "policy/PolicyLibrary.h"
#include "review/AnswersFile.h"
#include "review/ReviewSession.h"
#include "store/ReviewStore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <memory>

namespace {
QByteArray exampleAnswers() {
    QFile f(QStringLiteral(DISCRETION_SOURCE "/resources/policies/example-answers.json"));
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

// The case the example answers were written for: represented, non-priority.
Case exampleCase() {
    Case c = makeCase(u"204555101"_qs, QString::fromUtf8("Hernández"), u"Rosa"_qs);
    c.firstPresenceDate = QDate(2009, 5, 1);
    c.entryDate = QDate(2009, 5, 1);
    c.entryManner = u"ewi"_qs;
    c.counselName = u"Ana Beltrán, Esq."_qs;
    c.eoir28Date = QDate(2019, 5, 2);
    c.family = {{u"Luis"_qs, u"child"_qs, u"USC"_qs, u"provider"_qs}};
    c.relief = {{u"42b"_qs, u"court"_qs, QDate(2019, 9, 1)}};
    return c;
}

AnswersFile::Result readExample(const Case &c) {
    AnswersFile::Result r = AnswersFile::read(exampleAnswers(), PolicyPack::builtIn());
    if (r.pack)
        r.review.refresh(c, *r.pack);
    return r;
}

QStringList questions(const QList<ReviewIssue> &issues) {
    QStringList out;
    for (const ReviewIssue &i : issues)
        out << i.question;
    return out;
}
}  // namespace

class TestReview : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void theExampleIsACompleteReview() {
        const AnswersFile::Result r = readExample(exampleCase());
        QVERIFY(r.issues.isEmpty());
        QVERIFY(r.pack);
        QCOMPARE(r.review.usualCourses(), QStringList{u"joint_motion_dismiss"_qs});
        QVERIFY(ReviewChecker::forStatus(r.review, *r.pack).isEmpty());
        QVERIFY(r.review.policyInForce);
    }

    void sameReviewSameBytesAndHash() {
        const Review a = readExample(exampleCase()).review;
        const Review b = readExample(exampleCase()).review;
        QCOMPARE(a.canonicalBytes(), b.canonicalBytes());
        QCOMPARE(a.sha256().size(), 64);
        const Review back = Review::fromJson(QJsonDocument::fromJson(a.canonicalBytes()).object());
        QCOMPARE(back.canonicalBytes(), a.canonicalBytes());
        Review changed = a;
        changed.reasons += u" "_qs;
        QVERIFY(changed.sha256() != a.sha256());
    }

    void departingFromTheUsualCourseNeedsAReason() {
        AnswersFile::Result r = readExample(exampleCase());
        r.review.disposition = u"decline_pd"_qs;
        QList<ReviewIssue> issues = ReviewChecker::forStatus(r.review, *r.pack);
        QCOMPARE(questions(issues), QStringList{u"deviation_reason"_qs});
        QVERIFY(issues.first().message.contains(u"Join or not oppose a motion to dismiss"_qs));
        r.review.deviationReason = u"New information about a pending charge."_qs;
        QVERIFY(ReviewChecker::forStatus(r.review, *r.pack).isEmpty());
        r.review.reasons = u"  "_qs;
        QCOMPARE(questions(ReviewChecker::forStatus(r.review, *r.pack)),
                 QStringList{u"reasons"_qs});
    }

    void everyProblemNamesItsQuestion() {
        AnswersFile::Result r = readExample(exampleCase());
        r.review.answers.removeIf(
            [](const ReviewAnswer &a) { return a.itemId == u"public_safety"; });
        r.review.answers << ReviewAnswer{u"weather"_qs, u"yes"_qs, {}};
        r.review.answers.first().value = u"maybe"_qs;
        r.review.disposition = u"deport"_qs;
        r.review.refresh(exampleCase(), *r.pack);
        const QStringList q = questions(ReviewChecker::forStatus(r.review, *r.pack));
        for (const QString &expected : {u"public_safety"_qs, u"weather"_qs,
                                        r.review.answers.first().itemId, u"disposition"_qs})
            QVERIFY2(q.contains(expected), qPrintable(q.join(u',')));
        // A draft may be incomplete, but never malformed.
        r.review.status = u"draft"_qs;
        const QStringList draft = questions(ReviewChecker::forStatus(r.review, *r.pack));
        QVERIFY(!draft.contains(u"public_safety"_qs));
        QVERIFY(draft.contains(u"weather"_qs));
    }

    void textThatWouldPrintOtherwiseIsRefusedByName() {
        AnswersFile::Result r = readExample(exampleCase());
        r.review.reasons = u"First paragraph.\r\nSecond,\tafter a tab.\nThird."_qs;
        r.review.answers.first().note = u"A note\nof two lines."_qs;
        QVERIFY(ReviewChecker::forStatus(r.review, *r.pack).isEmpty());
        const QString question = r.review.answers.first().itemId;
        const QList<std::pair<QString, QString>> bad = {
            {u"reasons"_qs, u"pays \u202E$1"_qs},  // shown as "1$"
            {u"reasons"_qs, u"one\u2029two"_qs},   // drawn as "onetwo"
            {u"reasons"_qs, u"a\rb"_qs},           // a lone carriage return
            {question, u"bell\u0007"_qs},
            {question, u"isolate \u2067x\u2069"_qs},
            {u"deviation_reason"_qs, u"x\u0085"_qs},  // C1: next line
            {u"reviewer"_qs, u"A. Attorney\nB. Other"_qs},
            {u"reviewer"_qs, QString(201, u'a')}};
        for (const auto &[field, text] : bad) {
            Review review = r.review;
            if (field == u"reasons")
                review.reasons = text;
            else if (field == u"deviation_reason")
                review.deviationReason = text;
            else if (field == u"reviewer")
                review.reviewer = text;
            else
                review.answers.first().note = text;
            const QList<ReviewIssue> issues = ReviewChecker::structural(review, *r.pack);
            QCOMPARE(questions(issues), QStringList{field});
            QVERIFY2(issues.first().message.contains(u"character"_qs),
                     qPrintable(issues.first().message));
        }
        Review review = r.review;
        review.reasons = u"pays \u202E$1"_qs;
        QVERIFY(ReviewChecker::structural(review, *r.pack).first().message.contains(u"U+202E"_qs));
    }

    void answersFileProblemsAreNamed() {
        const auto r = AnswersFile::read(R"({"review_date": "2021-02-30", "colour": "red",
                                             "answers": {"public_safety": "no"}})",
                                         PolicyPack::builtIn());
        const QStringList q = questions(r.issues);
        for (const char *expected : {"colour", "reviewer", "review_date", "public_safety"})
            QVERIFY2(q.contains(QLatin1String(expected)), qPrintable(q.join(u',')));
        // Before the first pack came into force, no pack is in force to default to.
        const auto outside = AnswersFile::read(R"({"review_date": "2021-01-05", "reviewer": "X"})",
                                               PolicyPack::builtIn());
        QVERIFY(questions(outside.issues).contains(u"policy"_qs));
    }

    void aPackChosenOutsideItsPeriodIsRecordedAsSuch() {
        QByteArray json = exampleAnswers();
        json.replace("\"2024-03-01\"", "\"2022-09-01\"");  // the guidelines were vacated then
        AnswersFile::Result r = AnswersFile::read(json, PolicyPack::builtIn());
        r.review.refresh(exampleCase(), *r.pack);
        QVERIFY(!r.review.policyInForce);
        QCOMPARE(r.review.toJson()[u"policy"_qs].toObject()[u"in_force_on_review_date"_qs].toBool(),
                 false);
    }

    void draftsSaveInPlaceAndResume() {
        TestDocket docket;
        auto store = docket.open();
        Case c = exampleCase();
        QVERIFY(saved(*store, c));
        QString error;
        AnswersFile::Result r = readExample(c);
        r.review.status = u"draft"_qs;
        r.review.disposition.clear();
        ReviewStore reviews(*store);
        QVERIFY2(reviews.save(r.review, *r.pack, &error), qPrintable(error));
        QCOMPARE(store->loadCase(c.id)->reviewStatus, u"draft"_qs);
        std::optional<Review> resumed = reviews.latest(c.id);
        QVERIFY(resumed);
        QCOMPARE(resumed->canonicalBytes(), r.review.canonicalBytes());
        resumed->disposition = u"joint_motion_dismiss"_qs;
        resumed->status = u"ready"_qs;
        QVERIFY(reviews.save(*resumed, *r.pack, &error));
        QCOMPARE(store->loadCase(c.id)->reviewStatus, u"ready"_qs);
        QSqlQuery q(u"SELECT count(*) FROM reviews"_qs, store->database());
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QCOMPARE(*reviews.recordHash(resumed->id), resumed->sha256());
        QCOMPARE(*reviews.policyText(r.pack->sha256()), r.pack->canonicalBytes());
    }

    // The attack: a kept pack's text edited with sqlite3 (its key left as it was). Before,
    // the edited text came back as one more pack to review under, and `check` alone said so.
    void aPolicyTextEditedOutsideTheProgramIsNeverUsed() {
        TestDocket docket;
        auto store = docket.open();
        QJsonObject json =
            QJsonDocument::fromJson(PolicyPack::builtIn().first().canonicalBytes()).object();
        json[u"id"_qs] = u"local-guidance"_qs;
        json[u"title"_qs] = u"Local guidance"_qs;
        QString error;
        const std::optional<PolicyPack> local =
            PolicyPack::fromJson(QJsonDocument(json).toJson(), &error);
        QVERIFY2(local, qPrintable(error));
        ReviewStore reviews(*store);
        QVERIFY2(reviews.addPolicyText(*local, &error), qPrintable(error));
        const qsizetype builtIn = PolicyPack::builtIn().size();
        QCOMPARE(PolicyLibrary::available(*store).size(), builtIn + 1);
        QVERIFY(reviews.policyText(local->sha256()));
        // A draft under it resumes under it, with no warning about its text.
        Case c = exampleCase();
        QVERIFY(saved(*store, c));
        AnswersFile::Result r = readExample(c);
        r.review.status = u"draft"_qs;
        r.review.refresh(c, *local);
        QVERIFY2(reviews.save(r.review, *local, &error), qPrintable(error));
        const auto resumeDraft = [&] {
            return std::make_unique<ReviewSession>(*store, c.id, PolicyLibrary::available(*store),
                                                   QDate(2026, 11, 29), u"rev"_qs);
        };
        QCOMPARE(resumeDraft()->pack().sha256(), local->sha256());
        QVERIFY(!resumeDraft()->policyWarning().contains(u"local-guidance"_qs));

        QSqlQuery edit(store->database());
        QVERIFY(
            edit.exec(u"UPDATE policy_texts SET canonical = replace(canonical, "
                      "'Local guidance', 'Local guidance, relaxed')"_qs));
        QCOMPARE(edit.numRowsAffected(), 1);

        QCOMPARE(PolicyLibrary::available(*store).size(), builtIn);
        QVERIFY(!reviews.policyText(local->sha256()));
        QCOMPARE(reviews.policyTextProblems().size(), 1);
        // The draft goes on under a pack whose text holds, and its page says what happened.
        const auto session = resumeDraft();
        QVERIFY(session->pack().sha256() != local->sha256());
        QVERIFY2(
            session->policyWarning().contains(u"The text of the policy pack local-guidance"_qs) &&
                session->policyWarning().contains(u"changed outside Discretion"_qs) &&
                session->policyWarning().contains(u"Load from File…"_qs),
            qPrintable(session->policyWarning()));

        // Loading the original file again mends the kept text (a new user's reload did
        // nothing, silently: the key was there, so the insert was ignored).
        QVERIFY2(reviews.addPolicyText(*local, &error), qPrintable(error));
        QCOMPARE(reviews.policyTextProblems(), QStringList());
        QCOMPARE(PolicyLibrary::available(*store).size(), builtIn + 1);
        QCOMPARE(resumeDraft()->pack().sha256(), local->sha256());
    }

    // From the attack round: a pack with the id of one that ships with the program, its text
    // changed and stored under its own correct hash, became the pack in force for new
    // reviews, title and all, and `check` found nothing wrong.
    void aPackUnderAShippedIdIsNeverOffered() {
        TestDocket docket;
        auto store = docket.open();
        const PolicyPack shipped = PolicyPack::builtIn().last();
        QJsonObject json = QJsonDocument::fromJson(shipped.canonicalBytes()).object();
        json[u"summary"_qs] = u"Planted."_qs;  // any change of the text will do
        QString error;
        const std::optional<PolicyPack> shadow =
            PolicyPack::fromJson(QJsonDocument(json).toJson(), &error);
        QVERIFY2(shadow, qPrintable(error));
        QCOMPARE(shadow->id, shipped.id);
        QVERIFY(shadow->sha256() != shipped.sha256());
        // Planted with sqlite3, hash and all.
        QSqlQuery plant(store->database());
        plant.prepare(u"INSERT INTO policy_texts(sha256, policy_id, canonical) VALUES(?,?,?)"_qs);
        plant.addBindValue(shadow->sha256());
        plant.addBindValue(shadow->id);
        plant.addBindValue(QString::fromUtf8(shadow->canonicalBytes()));
        QVERIFY(plant.exec());
        const QList<PolicyPack> packs = PolicyLibrary::available(*store);
        QCOMPARE(packs.size(), PolicyPack::builtIn().size());
        for (const PolicyPack &p : packs)
            QVERIFY(p.sha256() != shadow->sha256());
        // Loaded from a file: refused, naming the shipped pack.
        const QString path = docket.path(u"shadow.json"_qs);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(shadow->canonicalBytes()) > 0);
        file.close();
        QVERIFY(!PolicyLibrary::load(*store, path, &error));
        QVERIFY2(error.contains(u"ships with Discretion"_qs) && error.contains(shipped.title),
                 qPrintable(error));
    }

    // From the attack round: bytes that are not UTF-8, kept under the hash of the text Qt
    // would mend them into, passed as intact: the hash is now of the bytes as kept.
    void aKeptTextIsHashedAsItsExactBytes() {
        TestDocket docket;
        auto store = docket.open();
        QByteArray bytes = PolicyPack::builtIn().first().canonicalBytes();
        bytes.replace("Guidelines", "Guide\xfflines");
        const QString mendedHash = QString::fromLatin1(
            QCryptographicHash::hash(QString::fromUtf8(bytes).toUtf8(), QCryptographicHash::Sha256)
                .toHex());
        QSqlQuery plant(store->database());
        plant.prepare(u"INSERT INTO policy_texts(sha256, policy_id, canonical) VALUES(?,?,?)"_qs);
        plant.addBindValue(mendedHash);
        plant.addBindValue(u"mended"_qs);
        plant.addBindValue(bytes);  // a BLOB
        QVERIFY(plant.exec());
        ReviewStore reviews(*store);
        QCOMPARE(reviews.policyTextProblems().size(), 1);
        QVERIFY(reviews.policyTexts().isEmpty());
        QVERIFY(!reviews.policyText(mendedHash));
    }
};

QTEST_GUILESS_MAIN(TestReview)
#include "tst_review.moc"
