#include "TestDocket.h"
#include "domain/CaseValidator.h"
#include "io/DocketGenerator.h"
#include "store/CasePager.h"

#include <QSqlQuery>

class TestGenerator : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void sameSeedSameDocket() {
        const QStringList courts = {u"ATL"_qs, u"BOS"_qs};
        DocketGenerator a(42, courts, QDate(2026, 11, 29));
        DocketGenerator b(42, courts, QDate(2026, 11, 29));
        DocketGenerator c(43, courts, QDate(2026, 11, 29));
        bool differs = false;
        for (int i = 0; i < 50; ++i) {
            const Case x = a.next();
            QCOMPARE(x, b.next());
            differs |= !(x == c.next());
        }
        QVERIFY(differs);
    }

    // The docket depends on the seed and the as-of date, never on the day the program runs.
    void sameSeedAndDateSameDocketWhateverTheClock() {
        const QDate asOf(2031, 7, 15);
        QStringList dumps;
        for (const QDateTime &clock :
             {PinnedClock::now(), QDateTime(QDate(2035, 1, 2), QTime(9, 0), Qt::UTC)}) {
            Clock::setFixed(clock);
            TestDocket docket;
            auto store = docket.open();
            QString error;
            QVERIFY2(DocketGenerator::fill(*store, 300, 7, asOf, &error), qPrintable(error));
            QString dump;
            CasePager(store->database(), {}, {}).forEachCase(true, [&](const Case &c) {
                dump += c.aNumber + c.familyName + c.givenNames + c.dateOfBirth.toString() +
                        c.entryDate.toString() + c.nextHearingDate.toString() + c.court;
                return true;
            });
            dumps << dump;
        }
        PinnedClock::restore();
        QVERIFY(!dumps[0].isEmpty());
        QCOMPARE(dumps[0], dumps[1]);
    }

    // Hearings lie after the as-of date, entries, charges and births before it.
    void datesArePlacedAroundTheAsOfDate() {
        const QDate asOf(2036, 2, 29);
        DocketGenerator generator(5, {u"ATL"_qs}, asOf);
        const CaseValidator validator({u"ATL"_qs}, asOf);
        int withHearing = 0;
        for (int i = 0; i < 500; ++i) {
            const Case c = generator.next();
            QVERIFY2(validator.validate(c).isEmpty(), qPrintable(c.aNumber));
            QVERIFY(c.dateOfBirth < asOf && c.entryDate < asOf && c.ntaDate <= asOf);
            for (const Charge &charge : c.charges)
                QVERIFY(charge.date <= asOf);
            if (c.nextHearingDate.isValid()) {
                ++withHearing;
                QVERIFY(c.nextHearingDate > asOf);
                QVERIFY(c.nextHearingDate <= asOf.addYears(3));
            }
        }
        QVERIFY(withHearing > 300);
    }

    void makesAPlausibleValidMarkedDocket() {
        TestDocket docket;
        auto store = docket.open();
        QString error;
        // The shares below describe the backlog as of late 2026 (later dates move more
        // entries past 2020-11-01): this test is about that docket, on any day.
        const QDate asOf(2026, 11, 29);
        QVERIFY(DocketGenerator::fill(*store, 2000, 1, asOf, &error));
        QVERIFY(store->isSynthetic());
        QCOMPARE(store->caseCount(), 2000);
        const CaseValidator validator(store->courtCodes(), asOf);
        int withCharges = 0, withUscFamily = 0, represented = 0, afterBorderDate = 0,
            withRelief = 0;
        QSet<QString> aNumbers;
        CasePager(store->database(), {}, {}).forEachCase(true, [&](const Case &c) {
            const QList<FieldIssue> issues = validator.validate(c);
            if (!issues.isEmpty())
                qWarning() << c.aNumber << issues.first().field << issues.first().message;
            aNumbers.insert(c.aNumber);
            withCharges += !c.charges.isEmpty();
            withUscFamily += std::any_of(c.family.begin(), c.family.end(),
                                         [](const FamilyMember &f) { return f.status == u"USC"; });
            represented += c.isRepresented();
            afterBorderDate += c.entryDate > QDate(2020, 11, 1);
            withRelief += !c.relief.isEmpty();
            return issues.isEmpty();
        });
        QCOMPARE(aNumbers.size(), 2000);
        // A minority with criminal history; many with citizen family; a mix of counsel.
        QVERIFY2(withCharges > 150 && withCharges < 500, qPrintable(QString::number(withCharges)));
        QVERIFY(withUscFamily > 400);
        QVERIFY(represented > 800 && represented < 1400);
        QVERIFY(afterBorderDate > 500 && afterBorderDate < 1200);
        QVERIFY(withRelief > 600);
        QSqlQuery q(u"SELECT count(DISTINCT nationality), count(DISTINCT court) FROM cases"_qs,
                    store->database());
        QVERIFY(q.next());
        QVERIFY(q.value(0).toInt() >= 15);
        QVERIFY(q.value(1).toInt() >= 40);
    }
};

QTEST_GUILESS_MAIN(TestGenerator)
#include "tst_generator.moc"
