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
                 QStringLiteral("\"or\"* \"x\"* \"y\"*"));
        QCOMPARE(SearchText::ftsPrefixQuery(u"  '  "), QString());
    }

    // A word that begins another matches whatever that one matches: dropped, as a repeated
    // word is (20,000 copies of "a " took SQLite 43 s and 577 MB). Longest first, 16 at most.
    void keepsOnlyTheWordsThatNarrowTheSearch() {
        QCOMPARE(SearchText::prefixTerms(u"ma María m garc ma"),
                 (QStringList{u"maria"_qs, u"garc"_qs}));
        QCOMPARE(SearchText::prefixTerms(QString(u"a "_qs).repeated(20000)), QStringList{u"a"_qs});
        QStringList many;
        for (int i = 0; i < 40; ++i)
            many << u"w%1x"_qs.arg(i, 2, 10, QChar(u'0'));
        many << u"longestword"_qs;
        const QStringList terms = SearchText::prefixTerms(many.join(u' '));
        QCOMPARE(terms.size(), SearchText::kMaxTerms);
        QCOMPARE(terms.first(), u"longestword"_qs);
    }
};

QTEST_GUILESS_MAIN(TestSearchText)
#include "tst_searchtext.moc"
