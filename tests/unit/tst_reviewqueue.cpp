#include "ExampleReview.h"
#include "TestDocket.h"
#include "store/ReviewQueue.h"

#include <QTest>

using namespace Qt::StringLiterals;

// The review queue over a real docket: cases with reviews in every status, hearings on
// known dates, and the filters of the case list.
class TestReviewQueue : public QObject {
    Q_OBJECT
    TestDocket m_docket;
    std::unique_ptr<CaseStore> m_store;
    QHash<QString, qint64> m_ids;  // by family name

    qint64 add(const QString &digits, const QString &family, const QString &hearing,
               const QString &court) {
        Case c = makeCase(digits, family);
        c.nextHearingDate = QDate::fromString(hearing, Qt::ISODate);
        c.court = court;
        QString error;
        if (!m_store->saveCase(c, &error))
            qWarning("%s", qPrintable(error));
        m_ids.insert(family, c.id);
        return c.id;
    }

    // The family names in the order Next Case visits them, from the start, once round.
    QStringList walk(const CaseFilter &filter) {
        const ReviewQueue queue(m_store->database(), filter);
        QStringList names;
        std::optional<ReviewQueue::Position> at;
        while ((at = queue.next(at)))
            names << m_store->loadCase(at->caseId)->familyName;
        return names;
    }

  private Q_SLOTS:
    void initTestCase() {
        m_store = m_docket.open();
        QVERIFY(m_store);
        // Inserted out of order, so that the queue order cannot be the insertion order.
        add(u"100000005"_s, u"Late"_s, u"2027-03-01"_s, u"SFR"_s);
        add(u"100000001"_s, u"Signed"_s, u"2026-12-01"_s, u"SFR"_s);
        add(u"100000002"_s, u"Draft"_s, u"2026-12-05"_s, u"NYC"_s);
        add(u"100000003"_s, u"Ready"_s, u"2026-12-05"_s, u"SFR"_s);  // same day: by id
        add(u"100000004"_s, u"Unreviewed"_s, u"2026-12-03"_s, u"NYC"_s);
        add(u"100000006"_s, u"NoHearing"_s, QString(), u"SFR"_s);
        add(u"100000007"_s, u"SignedLate"_s, u"2027-01-10"_s, u"NYC"_s);
        QString error;
        const auto identity =
            SigningIdentity::generate({u"Queue Test"_s, {}, u"OPLA"_s, {}, {}, {}},
                                      SigningIdentity::KeyType::EcP256, 30, &error);
        QVERIFY2(identity, qPrintable(error));
        QVERIFY(signExampleReview(*m_store, m_ids[u"Signed"_s], *identity));
        QVERIFY(signExampleReview(*m_store, m_ids[u"SignedLate"_s], *identity));
        QVERIFY(recordExampleReview(*m_store, m_ids[u"Draft"_s], u"draft"_s));
        QVERIFY(recordExampleReview(*m_store, m_ids[u"Ready"_s], u"ready"_s));
    }

    void walksOpenCasesByHearingDateThenId() {
        // Signed cases are left out; a case with no hearing date comes last.
        QCOMPARE(walk({}),
                 (QStringList{u"Unreviewed"_s, u"Draft"_s, u"Ready"_s, u"Late"_s, u"NoHearing"_s}));
    }

    void staysWithinTheListFilters() {
        CaseFilter nyc;
        nyc.court = u"NYC"_s;
        QCOMPARE(walk(nyc), (QStringList{u"Unreviewed"_s, u"Draft"_s}));
        CaseFilter ready;
        ready.reviewStatus = u"ready"_s;
        QCOMPARE(walk(ready), QStringList{u"Ready"_s});
        CaseFilter signedOnly;
        signedOnly.reviewStatus = u"signed"_s;
        QCOMPARE(walk(signedOnly), QStringList());
        CaseFilter byName;
        byName.search = u"late"_s;
        QCOMPARE(walk(byName), QStringList{u"Late"_s});  // SignedLate is signed
    }

    void countsHearingsWithoutDecisionInAWindow() {
        const ReviewQueue queue(m_store->database(), {});
        const QDate from(2026, 12, 1);
        // Signed (12-01) is decided; Unreviewed (12-03), Draft and Ready (12-05) are not.
        QCOMPARE(queue.hearingsWithoutDecision(from, from.addDays(ReviewQueue::kSoonDays)), 3);
        QCOMPARE(queue.hearingsWithoutDecision(from, from.addDays(2)), 1);
        CaseFilter sfr;
        sfr.court = u"SFR"_s;
        QCOMPARE(ReviewQueue(m_store->database(), sfr)
                     .hearingsWithoutDecision(from, from.addDays(ReviewQueue::kSoonDays)),
                 1);
    }

    void continuesAfterAPlaceEvenWhenThatCaseIsSignedMeanwhile() {
        const ReviewQueue queue(m_store->database(), {});
        const auto first = queue.next(std::nullopt);
        QCOMPARE(first->caseId, m_ids[u"Unreviewed"_s]);
        QCOMPARE(first->hearingSort, u"2026-12-03"_s);
        // The place is a (date, id) key, not a row number: it holds whatever happens to
        // the case it names.
        const auto second = queue.next(first);
        QCOMPARE(second->caseId, m_ids[u"Draft"_s]);
        QString error;
        QVERIFY2(m_store->deleteCase(m_ids[u"Draft"_s], &error), qPrintable(error));
        const auto afterDeleted = queue.next(second);
        QCOMPARE(afterDeleted->caseId, m_ids[u"Ready"_s]);
    }

    // Cases sharing a hearing date (those without one share the last sort value) are
    // visited one by one in id order: the step after one of them continues inside the run.
    void walksARunOfEqualHearingDatesCaseByCase() {
        add(u"100000010"_s, u"TieA"_s, QString(), u"ATL"_s);
        add(u"100000011"_s, u"TieB"_s, QString(), u"ATL"_s);
        add(u"100000012"_s, u"TieC"_s, QString(), u"ATL"_s);
        add(u"100000013"_s, u"Earlier"_s, u"2026-12-20"_s, u"ATL"_s);
        CaseFilter atl;
        atl.court = u"ATL"_s;
        QCOMPARE(walk(atl), (QStringList{u"Earlier"_s, u"TieA"_s, u"TieB"_s, u"TieC"_s}));
    }
};

QTEST_GUILESS_MAIN(TestReviewQueue)
#include "tst_reviewqueue.moc"
