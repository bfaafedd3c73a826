#include "files/CsvReader.h"
#include "io/CsvWriter.h"

#include <QBuffer>
#include <QTest>

namespace {
QList<CsvRecord> readAll(const QByteArray &bytes, QString *error = nullptr) {
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    QList<CsvRecord> out;
    CsvRecord r;
    while (reader.next(r))
        out << r;
    if (error)
        *error = reader.error();
    return out;
}
}  // namespace

class TestCsv : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void readsQuotedFieldsWithCommasQuotesAndNewlines() {
        QString error;
        const auto records = readAll(
            "a,b,c\n\"Smith, John\",\"He said \"\"hi\"\"\",\"line1\nline2\"\nx,y,z\n", &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(records.size(), 3);
        QCOMPARE(records[1].fields,
                 (QList<QByteArray>{"Smith, John", "He said \"hi\"", "line1\nline2"}));
        QCOMPARE(records[1].line, 2);
        QCOMPARE(records[2].line, 4);  // the embedded newline used line 3
    }

    void skipsBomBlankLinesAndHandlesCrlf() {
        const auto records =
            readAll("\xEF\xBB\xBFname,x\r\n\r\nNguy\xE1\xBB\x85n,1\r\n\r\n   \r\nO'Brien,2");
        QCOMPARE(records.size(), 3);
        QCOMPARE(records[0].fields.first(), QByteArray("name"));
        QCOMPARE(QString::fromUtf8(records[1].fields[0]), QString::fromUtf8("Nguyễn"));
        QCOMPARE(records[1].line, 3);
        QCOMPARE(records[2].fields, (QList<QByteArray>{"O'Brien", "2"}));
        QCOMPARE(records[2].line, 6);
    }

    void reportsAnUnclosedQuoteWithItsLine() {
        QString error;
        const auto records = readAll("a,b\n1,2\n3,\"never closed\n4,5\n", &error);
        QCOMPARE(records.size(), 2);
        QVERIFY2(error.contains(u"line 3"_qs), qPrintable(error));
    }

    void reportsAStrayQuote() {
        QString error;
        readAll("a,b\n1,x\"y\"z\n", &error);
        QVERIFY2(error.contains(u"line 2"_qs), qPrintable(error));
    }

    void writerQuotesOnlyWhatNeedsIt() {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(&buffer);
        QVERIFY(writer.writeRecord(
            {u"plain"_qs, u"a,b"_qs, u"say \"x\""_qs, u"two\nlines"_qs, QString(), u" pad"_qs}));
        QCOMPARE(buffer.data(),
                 QByteArray("plain,\"a,b\",\"say \"\"x\"\"\",\"two\nlines\",,\" pad\"\r\n"));
    }

    void writerAndReaderRoundTrip() {
        const QStringList fields = {
            QString::fromUtf8("김민준"), u"Robert'); DROP TABLE cases;--"_qs,
            u"\"quoted\", and, commas"_qs, u"multi\r\nline"_qs, u"  spaced  "_qs};
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter(&buffer).writeRecord(fields);
        const auto records = readAll(buffer.data());
        QCOMPARE(records.size(), 1);
        QStringList back;
        for (const QByteArray &f : records[0].fields)
            back << CsvFormulas::unguard(QString::fromUtf8(f));
        QCOMPARE(back, fields);
        // On the way: "-" after ';' starts a cell where ';' is the separator, so it is guarded.
        QCOMPARE(QString::fromUtf8(records[0].fields[1]), u"Robert'); DROP TABLE cases;'--"_qs);
    }

    void formulaGuardsRoundTrip() {
        const QStringList cells = {u"=1+1"_qs,  u"a;=b"_qs, u"x\t@y"_qs, u"-"_qs,
                                   u"plain"_qs, u"it's"_qs, u"a;b"_qs,   u"';"_qs,
                                   u"+;-;@"_qs, u"\r"_qs,   QString()};
        for (const QString &cell : cells)
            QCOMPARE(CsvFormulas::unguard(CsvFormulas::guard(cell)), cell);
        QCOMPARE(CsvFormulas::guard(u"+;-;@"_qs), u"'+;'-;'@"_qs);
        QCOMPARE(CsvFormulas::guard(u"plain;text"_qs), u"plain;text"_qs);
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
