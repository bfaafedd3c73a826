#include "domain/CaseValidator.h"

#include <QTest>

namespace {
const QDate kToday(2026, 11, 29);

Case validCase() {
    Case c;
    c.aNumber = QStringLiteral("012345678");
    c.familyName = QStringLiteral("García");
    c.court = QStringLiteral("ATL");
    c.dateOfBirth = QDate(1990, 1, 1);
    c.ntaDate = QDate(2022, 1, 1);
    c.nextHearingDate = QDate(2027, 1, 1);
    return c;
}

QStringList fields(const QList<FieldIssue> &issues) {
    QStringList out;
    for (const FieldIssue &i : issues)
        out << i.field;
    return out;
}
}  // namespace

class TestValidation : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void validCaseHasNoIssues() {
        const CaseValidator v({QStringLiteral("ATL")}, kToday);
        QCOMPARE(v.validate(validCase()), QList<FieldIssue>());
    }

    void findsEachKindOfProblem_data() {
        QTest::addColumn<int>("change");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("missing a-number") << 0 << "a_number"
                                          << "required";
        QTest::newRow("missing family name") << 1 << "family_name"
                                             << "required";
        QTest::newRow("unknown court") << 2 << "court"
                                       << "'ZZZ' is not a known court";
        QTest::newRow("birth in future") << 3 << "date_of_birth"
                                         << "in the future";
        QTest::newRow("hearing before nta") << 4 << "next_hearing_date"
                                            << "before the NTA";
        QTest::newRow("entry before birth") << 5 << "entry_date"
                                            << "before the date of birth";
        QTest::newRow("eoir-28 without counsel") << 6 << "counsel_name"
                                                 << "no counsel";
        QTest::newRow("bad custody code") << 7 << "custody"
                                          << "not a known custody";
        QTest::newRow("charge without offense") << 8 << "charges[1].offense"
                                                << "required";
        QTest::newRow("bad charge disposition") << 9 << "charges[1].disposition"
                                                << "not a known";
        QTest::newRow("family without status") << 10 << "family[1].status"
                                               << "not a known";
        QTest::newRow("relief in future") << 11 << "relief[1].filed_date"
                                          << "in the future";
        QTest::newRow("before 1900") << 12 << "date_of_birth"
                                     << "before 1900";
        QTest::newRow("none found, yet charges")
            << 13 << "no_criminal_history_checked_on"
            << "checked on 2026-01-05 with none found, but 2 charges are recorded";
        QTest::newRow("none found, yet family")
            << 14 << "no_us_family_checked_on"
            << "checked on 2026-01-05 with none found, but 1 family member is recorded";
        QTest::newRow("checked in the future") << 15 << "no_us_family_checked_on"
                                               << "in the future";
    }
    void findsEachKindOfProblem() {
        QFETCH(int, change);
        QFETCH(QString, field);
        QFETCH(QString, messagePart);
        Case c = validCase();
        switch (change) {
            case 0:
                c.aNumber.clear();
                break;
            case 1:
                c.familyName = QStringLiteral("  ");
                break;
            case 2:
                c.court = QStringLiteral("ZZZ");
                break;
            case 3:
                c.dateOfBirth = kToday.addDays(1);
                break;
            case 4:
                c.nextHearingDate = QDate(2021, 12, 31);
                break;
            case 5:
                c.entryDate = QDate(1989, 12, 31);
                break;
            case 6:
                c.eoir28Date = QDate(2023, 1, 1);
                break;
            case 7:
                c.custody = QStringLiteral("X");
                break;
            case 8:
                c.charges = {{QString(), QDate(), {}, QStringLiteral("convicted"), {}, false}};
                break;
            case 9:
                c.charges = {
                    {QStringLiteral("Theft"), QDate(), {}, QStringLiteral("maybe"), {}, false}};
                break;
            case 10:
                c.family = {{QStringLiteral("Ana"), QStringLiteral("child"), QString(), QString()}};
                break;
            case 11:
                c.relief = {{QStringLiteral("asylum"), QStringLiteral("court"), kToday.addDays(2)}};
                break;
            case 12:
                c.dateOfBirth = QDate(1899, 12, 31);
                break;
            case 13:
                c.noCriminalHistoryCheckedOn = QDate(2026, 1, 5);
                c.charges = {{u"Theft"_qs, {}, {}, u"dismissed"_qs, {}, false},
                             {u"DUI"_qs, {}, {}, u"pending"_qs, {}, false}};
                break;
            case 14:
                c.noUsFamilyCheckedOn = QDate(2026, 1, 5);
                c.family = {{u"Ana"_qs, u"child"_qs, u"USC"_qs, QString()}};
                break;
            case 15:
                c.noUsFamilyCheckedOn = kToday.addDays(1);
                break;
        }
        const QList<FieldIssue> issues = CaseValidator({QStringLiteral("ATL")}, kToday).validate(c);
        QVERIFY2(fields(issues).contains(field), qPrintable(fields(issues).join(u',')));
        for (const FieldIssue &i : issues)
            if (i.field == field)
                QVERIFY2(i.message.contains(messagePart), qPrintable(i.message));
    }

    void hearingMayBeInTheFuture() {
        Case c = validCase();
        c.nextHearingDate = kToday.addYears(2);
        QVERIFY(CaseValidator({QStringLiteral("ATL")}, kToday).validate(c).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
