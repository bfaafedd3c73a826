#include "domain/ANumber.h"

#include <QTest>

class TestANumber : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void acceptsEveryWrittenForm_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("digits");
        QTest::newRow("nine digits") << "012345678"
                                     << "012345678";
        QTest::newRow("eight digits get a zero") << "12345678"
                                                 << "012345678";
        QTest::newRow("with A") << "A12345678"
                                << "012345678";
        QTest::newRow("lower-case a") << "a012345678"
                                      << "012345678";
        QTest::newRow("dashes") << "A012-345-678"
                                << "012345678";
        QTest::newRow("spaces") << " A 012 345 678 "
                                << "012345678";
        QTest::newRow("mixed") << "212-34 5678"
                               << "212345678";
        // As an East Asian input method types them (a helper typed these and got "not allowed").
        QTest::newRow("full-width")
            << QString::fromUtf8("Ａ０１２－３４５\u3000６７８") << "012345678";
        // The minus key under a Japanese input method (U+30FC), the minus sign, a no-break
        // hyphen: a helper's search for a case that exists said "No cases match".
        QTest::newRow("IME long vowel mark")
            << QString::fromUtf8("１００ー００７ー９２０") << "100007920";
        QTest::newRow("minus sign and no-break hyphen")
            << QString::fromUtf8("100\u2212007\u2011920") << "100007920";
    }
    void acceptsEveryWrittenForm() {
        QFETCH(QString, input);
        QFETCH(QString, digits);
        QString error = QStringLiteral("unset");
        const ANumber a = ANumber::parse(input, &error);
        QVERIFY2(a.isValid(), qPrintable(error));
        QCOMPARE(a.digits(), digits);
        QVERIFY(error.isEmpty());
    }

    void rejectsWithAReason_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("empty") << ""
                               << "empty";
        QTest::newRow("seven digits") << "1234567"
                                      << "has 7";
        QTest::newRow("ten digits") << "A1234567890"
                                    << "has 10";
        QTest::newRow("letter inside") << "A12B45678"
                                       << "'B' (U+0042) is not allowed";
        QTest::newRow("slash") << "012/345/678"
                               << "'/' (U+002F) is not allowed";
        // Named by code where the character alone would show as nothing or as half of one.
        QTest::newRow("combining mark")
            << QString::fromUtf8("0123\u0301") << "U+0301 is not allowed";
        QTest::newRow("outside the basic plane")
            << QString::fromUtf8("12345678\U0001D7D7") << "'\U0001D7D7' (U+1D7D7) is not allowed";
        QTest::newRow("zero-width space") << QString::fromUtf8("012\u200B345678") << "U+200B is";
        // A long value is quoted cut short: the message stays readable.
        QTest::newRow("5,009 digits") << QString(5009, u'1') << QString(40, u'1') + u"…\" has 5009";
        QTest::newRow("all zeros") << "000000000"
                                   << "not a real";
        QTest::newRow("arabic-indic digits") << QString::fromUtf8("٠١٢٣٤٥٦٧٨") << "not allowed";
    }
    void rejectsWithAReason() {
        QFETCH(QString, input);
        QFETCH(QString, reasonPart);
        QString error;
        QVERIFY(!ANumber::parse(input, &error).isValid());
        QVERIFY2(error.contains(reasonPart), qPrintable(error));
    }

    void displaysInEoirForm() {
        QCOMPARE(ANumber::parse(u"12345678").display(), QStringLiteral("A012-345-678"));
        QCOMPARE(ANumber::displayDigits(QStringLiteral("212345678")),
                 QStringLiteral("A212-345-678"));
        QCOMPARE(ANumber().display(), QString());
    }

    void fromDigitsNeedsExactlyNine() {
        QVERIFY(ANumber::fromDigits(QStringLiteral("012345678")).isValid());
        QVERIFY(!ANumber::fromDigits(QStringLiteral("12345678")).isValid());
        QVERIFY(!ANumber::fromDigits(QStringLiteral("01234567x")).isValid());
    }
};

QTEST_GUILESS_MAIN(TestANumber)
#include "tst_anumber.moc"
