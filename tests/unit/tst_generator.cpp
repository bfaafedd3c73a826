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

    void makesAPlausibleValidMarkedDocket() {
        TestDocket docket;
        auto store = docket.open();
        QString error;
        QVERIFY(DocketGenerator::fill(*store, 2000, 1, &error));
        QVERIFY(store->isSynthetic());
        QCOMPARE(store->caseCount(), 2000);
        const CaseValidator validator(store->courtCodes(), Clock::today());
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
