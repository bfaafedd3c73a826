#include "domain/CaseFields.h"
#include "domain/FieldText.h"

#include <QTest>

class TestFieldText : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void parsesIsoAndUsDates_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("date");
        QTest::newRow("iso") << "2024-03-15" << QDate(2024, 3, 15);
        QTest::newRow("us") << "03/15/2024" << QDate(2024, 3, 15);
        QTest::newRow("us short") << "3/5/2024" << QDate(2024, 3, 5);
        QTest::newRow("leap day") << "2024-02-29" << QDate(2024, 2, 29);
        QTest::newRow("padded") << " 2020-11-01 " << QDate(2020, 11, 1);
    }
    void parsesIsoAndUsDates() {
        QFETCH(QString, text);
        QFETCH(QDate, date);
        QString error;
        QCOMPARE(FieldText::parseDate(text, &error), date);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void rejectsOtherDates_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("no such day") << "2023-02-29"
                                     << "not a date that exists";
        QTest::newRow("month 13") << "13/01/2024"
                                  << "not a date that exists";
        QTest::newRow("day first with slashes")
            << "15/03/2027"
            << "not a date that exists: with slashes the month comes first (03/15/2027)";
        QTest::newRow("no swap makes it a date") << "13/45/1990"
                                                 << "'13/45/1990' is not a date that exists";
        QTest::newRow("european") << "15.03.2024"
                                  << "not a date";
        QTest::newRow("two-digit year") << "03/15/24"
                                        << "not a date";
        QTest::newRow("words") << "March 15, 2024"
                               << "not a date";
    }
    void rejectsOtherDates() {
        QFETCH(QString, text);
        QFETCH(QString, reasonPart);
        QString error;
        QVERIFY(!FieldText::parseDate(text, &error).isValid());
        QVERIFY2(error.contains(reasonPart), qPrintable(error));
    }

    void normalisesCodesCourtsAndANumbers() {
        const QSet<QString> courts{QStringLiteral("ATL")};
        QCOMPARE(FieldText::parse(*CaseFields::find(u"custody"_qs), u"d"_qs, courts).value,
                 u"D"_qs);
        QCOMPARE(FieldText::parse(*CaseFields::find(u"court"_qs), u"atl"_qs, courts).value,
                 u"ATL"_qs);
        QCOMPARE(
            FieldText::parse(*CaseFields::find(u"a_number"_qs), u"A12-345-678"_qs, courts).value,
            u"012345678"_qs);
        QCOMPARE(FieldText::parse(*CaseFields::find(u"nta_date"_qs), u"1/2/2020"_qs, courts).value,
                 u"2020-01-02"_qs);
    }

    void namesTheProblem() {
        const QSet<QString> courts{QStringLiteral("ATL")};
        const auto court = FieldText::parse(*CaseFields::find(u"court"_qs), u"XYZ"_qs, courts);
        QVERIFY(court.error.contains(u"'XYZ' is not a known court code"_qs));
        const auto custody = FieldText::parse(*CaseFields::find(u"custody"_qs), u"jail"_qs, courts);
        QVERIFY2(custody.error.contains(u"D, N, R"_qs), qPrintable(custody.error));
        const auto family = FieldText::parse(*CaseFields::find(u"family_name"_qs), u" "_qs, courts);
        QVERIFY(family.error.contains(u"required"_qs));
        const auto given =
            FieldText::parse(*CaseFields::find(u"given_names"_qs), QString(), courts);
        QVERIFY(given.ok());
    }
};

QTEST_GUILESS_MAIN(TestFieldText)
#include "tst_fieldtext.moc"
