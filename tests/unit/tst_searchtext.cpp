#include "domain/SearchText.h"

#include <QTest>

class TestSearchText : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void foldsCaseAccentsAndPunctuation_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("folded");
        QTest::newRow("vietnamese") << QString::fromUtf8("Nguyễn Thị Hương") << "nguyen thi huong";
        QTest::newRow("d with stroke") << QString::fromUtf8("Đặng") << "dang";
        QTest::newRow("apostrophe") << "O'Brien"
                                    << "obrien";
        QTest::newRow("curly apostrophe") << QString::fromUtf8("O’Brien") << "obrien";
        QTest::newRow("irish") << QString::fromUtf8("Ó Briain") << "o briain";
        QTest::newRow("hyphen splits") << "Jean-Baptiste"
                                       << "jean baptiste";
        QTest::newRow("spanish") << QString::fromUtf8("Núñez Ordóñez") << "nunez ordonez";
        QTest::newRow("korean kept") << QString::fromUtf8("김민준") << QString::fromUtf8("김민준");
        QTest::newRow("german sharp s") << QString::fromUtf8("Straße") << "strasse";
        QTest::newRow("spaces squeezed") << "  de   la Cruz "
                                         << "de la cruz";
    }
    void foldsCaseAccentsAndPunctuation() {
        QFETCH(QString, name);
        QFETCH(QString, folded);
        QCOMPARE(SearchText::fold(name), folded);
    }

    void makesQuotedPrefixTerms() {
        QCOMPARE(SearchText::ftsPrefixQuery(u"Nguy thi"), QStringLiteral("\"nguy\"* \"thi\"*"));
        // Quotes and FTS operators in input cannot break out of a term.
        QCOMPARE(SearchText::ftsPrefixQuery(u"\"x\" OR y*"),
                 QStringLiteral("\"x\"* \"or\"* \"y\"*"));
        QCOMPARE(SearchText::ftsPrefixQuery(u"  '  "), QString());
    }
};

QTEST_GUILESS_MAIN(TestSearchText)
#include "tst_searchtext.moc"
