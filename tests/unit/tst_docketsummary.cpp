#include "ExampleReview.h"
#include "TestDocket.h"
#include "store/CasePager.h"
#include "store/DocketSummary.h"

#include <QTest>

using namespace Qt::StringLiterals;

// The dashboard's numbers over a real docket whose every count is known: courts,
// counsel, hearings in chosen weeks, reviews in each status, signed dispositions and an
// amended one (its signed version no longer the latest).
class TestDocketSummary : public QObject {
    Q_OBJECT
    TestDocket m_docket;
    std::unique_ptr<CaseStore> m_store;
    QHash<QString, qint64> m_ids;
    const QDate m_today{2026, 11, 29};  // a Sunday: its week began on Monday 11-23

    void add(const QString &digits, const QString &family, const QString &court,
             const QString &hearing, bool counsel) {
        Case c = makeCase(digits, family);
        c.court = court;
        c.nextHearingDate = QDate::fromString(hearing, Qt::ISODate);
        if (counsel)
            c.counselName = u"Rosa Delgado, Esq."_s;
        QString error;
        QVERIFY2(m_store->saveCase(c, &error), qPrintable(error));
        m_ids.insert(family, c.id);
    }

    QStringList listed(const CaseFilter &filter) {
        QStringList names;
        CasePager(m_store->database(), filter, {}).forEachCase(false, [&](const Case &c) {
            names << c.familyName;
            return true;
        });
        return names;
    }

  private Q_SLOTS:
    void initTestCase() {
        m_store = m_docket.open();
        add(u"300000001"_s, u"A"_s, u"SFR"_s, u"2026-11-23"_s, true);   // week 0 (Monday)
        add(u"300000002"_s, u"B"_s, u"SFR"_s, u"2026-11-29"_s, false);  // week 0 (Sunday)
        add(u"300000003"_s, u"C"_s, u"NYC"_s, u"2026-11-30"_s, false);  // week 1
        add(u"300000004"_s, u"D"_s, u"NYC"_s, u"2027-02-14"_s, true);   // week 11 (last day)
        add(u"300000005"_s, u"E"_s, u"NYC"_s, u"2027-02-15"_s, false);  // past the 12 weeks
        add(u"300000006"_s, u"F"_s, u"BOS"_s, QString(), false);        // no hearing
        add(u"300000007"_s, u"G"_s, u"SFR"_s, u"2026-11-10"_s, true);   // before this week
        QString error;
        const auto id = SigningIdentity::generate({u"Summary"_s, {}, u"OPLA"_s, {}, {}, {}},
                                                  SigningIdentity::KeyType::EcP256, 30, &error);
        QVERIFY2(id, qPrintable(error));
        QVERIFY(signExampleReview(*m_store, m_ids[u"A"_s], *id, u"dismiss"_s));
        QVERIFY(signExampleReview(*m_store, m_ids[u"B"_s], *id, u"dismiss"_s));
        QVERIFY(signExampleReview(*m_store, m_ids[u"C"_s], *id, u"continuance"_s));
        // Signed, then amended: the latest version is a draft, so no signed disposition.
        QVERIFY(signExampleReview(*m_store, m_ids[u"D"_s], *id, u"continuance"_s));
        QVERIFY2(ReviewStore(*m_store).amend(m_ids[u"D"_s], u"new facts"_s, &error),
                 qPrintable(error));
        QVERIFY(recordExampleReview(*m_store, m_ids[u"E"_s], u"ready"_s));
    }

    void countsEveryChartFromTheDocket() {
        const DocketSummary s = DocketSummary::read(m_store->database(), m_today);
        QVERIFY(s.ok);
        QCOMPARE(s.total, 7);
        QCOMPARE(s.unrepresented, 4);  // B, C, E, F
        QStringList status;
        for (const auto &c : s.byStatus)
            status << u"%1=%2"_s.arg(c.key).arg(c.cases);
        QCOMPARE(status,
                 (QStringList{u"not_reviewed=2"_s, u"draft=1"_s, u"ready=1"_s, u"signed=3"_s}));
        QCOMPARE(s.byCourt.size(), 3);
        QCOMPARE(s.byCourt[0].key, u"NYC"_s);  // 3, then SFR 3 (tie kept), then BOS 1
        QCOMPARE(s.byCourt[0].cases, 3);
        QCOMPARE(s.byCourt[2].key, u"BOS"_s);
        QCOMPARE(s.byCourt[2].cases, 1);
        QCOMPARE(s.signedByDisposition.size(), 2);
        QCOMPARE(s.signedByDisposition[0].key, u"dismiss"_s);
        QCOMPARE(s.signedByDisposition[0].cases, 2);
        QCOMPARE(s.signedByDisposition[1].key, u"continuance"_s);
        QCOMPARE(s.signedByDisposition[1].cases, 1);  // D's amendment took it out
    }

    void weeksStartOnMondayAndCoverTwelveWeeks() {
        const DocketSummary s = DocketSummary::read(m_store->database(), m_today);
        QCOMPARE(s.upcomingWeeks.size(), DocketSummary::kWeeks);
        QCOMPARE(s.upcomingWeeks.first().from, QDate(2026, 11, 23));
        QCOMPARE(s.upcomingWeeks.first().until, QDate(2026, 11, 29));
        QCOMPARE(s.upcomingWeeks.last().until, QDate(2027, 2, 14));
        QList<qint64> hearings;
        for (const auto &w : s.upcomingWeeks)
            hearings << w.hearings;
        QCOMPARE(hearings, (QList<qint64>{2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
    }

    void theDispositionFilterListsTheCasesTheChartCounts() {
        CaseFilter dismissed;
        dismissed.disposition = u"dismiss"_s;
        QCOMPARE(listed(dismissed), (QStringList{u"A"_s, u"B"_s}));
        CaseFilter continued;
        continued.disposition = u"continuance"_s;
        QCOMPARE(listed(continued), QStringList{u"C"_s});
    }

    void readsThroughItsOwnConnection() {
        const DocketSummary s = DocketSummary::readFile(m_store->path(), m_today);
        QVERIFY(s.ok);
        QCOMPARE(s.total, 7);
        QVERIFY(!DocketSummary::readFile(m_docket.path(u"missing.sqlite"_s), m_today).ok);
    }
};

QTEST_GUILESS_MAIN(TestDocketSummary)
#include "tst_docketsummary.moc"
