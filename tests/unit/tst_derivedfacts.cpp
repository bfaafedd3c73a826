#include "policy/DerivedFacts.h"

#include <QTest>

namespace {
const QDate kReview(2026, 11, 29);

DerivedFact fact(const Case &c, const QString &id) {
    for (const DerivedFact &f : FactDeriver::derive(c, kReview))
        if (f.id == id)
            return f;
    return {};
}
}  // namespace

class TestDerivedFacts : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void borderDateIsStrictlyAfterTheFirstOfNovember_data() {
        QTest::addColumn<QDate>("entry");
        QTest::addColumn<QString>("manner");
        QTest::addColumn<QString>("expected");
        QTest::newRow("2020-10-31 ewi") << QDate(2020, 10, 31) << "ewi"
                                        << "no";
        QTest::newRow("2020-11-01 ewi") << QDate(2020, 11, 1) << "ewi"
                                        << "no";
        QTest::newRow("2020-11-02 ewi") << QDate(2020, 11, 2) << "ewi"
                                        << "yes";
        QTest::newRow("after, at a port of entry") << QDate(2023, 5, 1) << "port_of_entry"
                                                   << "no";
        QTest::newRow("after, paroled") << QDate(2023, 5, 1) << "parole"
                                        << "no";
        QTest::newRow("after, manner missing") << QDate(2023, 5, 1) << ""
                                               << "unknown";
        QTest::newRow("before, manner missing") << QDate(2019, 5, 1) << ""
                                                << "no";
        QTest::newRow("date missing") << QDate() << "ewi"
                                      << "unknown";
    }
    void borderDateIsStrictlyAfterTheFirstOfNovember() {
        QFETCH(QDate, entry);
        QFETCH(QString, manner);
        QFETCH(QString, expected);
        Case c;
        c.entryDate = entry;
        c.entryManner = manner;
        const DerivedFact f = fact(c, u"entered_unlawfully_after_2020_11_01"_qs);
        QCOMPARE(f.valueText(), expected);
        QVERIFY(!f.derivation.isEmpty());
    }

    void yearsCountOnlyPassedAnniversaries_data() {
        QTest::addColumn<QDate>("since");
        QTest::addColumn<QString>("expected");
        QTest::newRow("exactly ten years") << QDate(2016, 11, 29) << "10";
        QTest::newRow("one day short of ten") << QDate(2016, 11, 30) << "9";
        QTest::newRow("leap day") << QDate(2016, 2, 29) << "10";
        QTest::newRow("missing") << QDate() << "unknown";
        // A date after the review date is an error in the record or the review date: no
        // negative years, and the derivation says what to check.
        QTest::newRow("after the review") << QDate(2027, 1, 5) << "unknown";
    }
    void yearsCountOnlyPassedAnniversaries() {
        QFETCH(QDate, since);
        QFETCH(QString, expected);
        Case c;
        c.firstPresenceDate = since;
        c.dateOfBirth = since;
        QCOMPARE(fact(c, u"years_of_presence"_qs).valueText(), expected);
        QCOMPARE(fact(c, u"age_at_review"_qs).valueText(), expected);
        if (since > kReview) {
            QVERIFY(fact(c, u"years_of_presence"_qs).derivation.contains(u"check the record"_qs));
            QVERIFY(fact(c, u"age_at_review"_qs).derivation.contains(u"check the record"_qs));
        }
    }

    void familyFactsNeedRecordedFamily() {
        Case c;
        QVERIFY(!fact(c, u"has_usc_or_lpr_family"_qs).isKnown());
        QVERIFY(!fact(c, u"provider_or_caregiver"_qs).isKnown());
        c.family = {{u"Ana"_qs, u"sibling"_qs, u"other"_qs, QString()}};
        QCOMPARE(fact(c, u"has_usc_or_lpr_family"_qs).valueText(), u"no"_qs);
        QCOMPARE(fact(c, u"provider_or_caregiver"_qs).valueText(), u"no"_qs);
        c.family << FamilyMember{u"Luis"_qs, u"child"_qs, u"USC"_qs, u"provider"_qs};
        const DerivedFact usc = fact(c, u"has_usc_or_lpr_family"_qs);
        QCOMPARE(usc.valueText(), u"yes"_qs);
        QVERIFY2(usc.derivation.contains(u"child (USC)"_qs), qPrintable(usc.derivation));
        QCOMPARE(fact(c, u"provider_or_caregiver"_qs).valueText(), u"yes"_qs);
    }

    void vacatedAndExpungedAreNotConvictions() {
        Case c;
        QVERIFY(!fact(c, u"convictions"_qs).isKnown());
        QVERIFY(!fact(c, u"weapon_involved"_qs).isKnown());
        c.charges = {{u"Robbery"_qs, {}, {}, u"vacated"_qs, {}, true},
                     {u"Theft"_qs, {}, {}, u"expunged"_qs, {}, false},
                     {u"DUI"_qs, {}, {}, u"convicted"_qs, {}, false},
                     {u"Assault"_qs, {}, {}, u"acquitted"_qs, {}, false}};
        const DerivedFact convictions = fact(c, u"convictions"_qs);
        QCOMPARE(convictions.value.toInt(), 1);
        QVERIFY2(convictions.derivation.contains(u"2 vacated or expunged"_qs),
                 qPrintable(convictions.derivation));
        const DerivedFact weapon = fact(c, u"weapon_involved"_qs);
        QCOMPARE(weapon.valueText(), u"yes"_qs);
        QVERIFY(weapon.derivation.contains(u"Robbery (vacated)"_qs));
    }

    void anEmptyListSaysNoOnlyWhenChecked() {
        // No charges and no family on record: unknown until someone records a check.
        Case c;
        for (const char *id :
             {"convictions", "weapon_involved", "has_usc_or_lpr_family", "provider_or_caregiver"}) {
            const DerivedFact f = fact(c, QLatin1String(id));
            QVERIFY2(!f.isKnown(), id);
            QVERIFY2(f.derivation.contains(u"not recorded as checked"_qs),
                     qPrintable(f.derivation));
        }
        c.noCriminalHistoryCheckedOn = QDate(2026, 10, 2);
        const DerivedFact convictions = fact(c, u"convictions"_qs);
        QCOMPARE(convictions.valueText(), u"0"_qs);
        QCOMPARE(convictions.derivation, u"criminal records checked on 2026-10-02: none found"_qs);
        QCOMPARE(fact(c, u"weapon_involved"_qs).valueText(), u"no"_qs);
        QVERIFY(!fact(c, u"has_usc_or_lpr_family"_qs).isKnown());  // the other check is separate
        c.noUsFamilyCheckedOn = kReview.addDays(1);  // after the review: not what it relied on
        QVERIFY(!fact(c, u"has_usc_or_lpr_family"_qs).isKnown());
        QVERIFY2(fact(c, u"has_usc_or_lpr_family"_qs).derivation.contains(u"check the record"_qs),
                 qPrintable(fact(c, u"has_usc_or_lpr_family"_qs).derivation));
        c.noUsFamilyCheckedOn = QDate(2026, 10, 3);
        QCOMPARE(fact(c, u"has_usc_or_lpr_family"_qs).valueText(), u"no"_qs);
        QCOMPARE(fact(c, u"provider_or_caregiver"_qs).derivation,
                 u"family in the US checked on 2026-10-03: none found"_qs);
    }

    void representationNeedsAnEoir28() {
        Case c;
        QCOMPARE(fact(c, u"represented"_qs).valueText(), u"no"_qs);
        c.counselName = u"Ana Beltrán"_qs;
        QCOMPARE(fact(c, u"represented"_qs).valueText(), u"unknown"_qs);
        c.eoir28Date = QDate(2024, 1, 2);
        QCOMPARE(fact(c, u"represented"_qs).valueText(), u"yes"_qs);
    }

    void reliefNamesWherePending() {
        Case c;
        QVERIFY(!fact(c, u"relief_pending"_qs).isKnown());
        c.relief = {{u"asylum"_qs, u"court"_qs, {}}, {u"tps"_qs, u"uscis"_qs, {}}};
        const DerivedFact f = fact(c, u"relief_pending"_qs);
        QCOMPARE(f.valueText(), u"yes"_qs);
        QVERIFY(f.derivation.contains(u"Asylum (Immigration court)"_qs));
        QVERIFY(f.derivation.contains(u"Temporary Protected Status (USCIS)"_qs));
    }

    void everyFactHasAUniqueId() {
        const QStringList ids = FactDeriver::factIds();
        QCOMPARE(ids.size(), 9);
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size());
    }
};

QTEST_GUILESS_MAIN(TestDerivedFacts)
#include "tst_derivedfacts.moc"
