#include "domain/CaseFields.h"
#include "domain/Codes.h"
#include "files/CsvReader.h"
#include "io/CsvRowParser.h"
#include "io/CsvWriter.h"
#include "io/DocketGenerator.h"
#include "io/PlainCsvRow.h"
#include "store/CaseRow.h"

#include <QRandomGenerator>
#include <QTest>

// The import's quick path (PlainCsvRow) against its careful path (CsvRowParser, then
// CaseRowEncoder): a row the quick path takes must be one the careful path imports, with
// the same bytes in every column. The careful path is the definition; the quick one only
// has to step aside whenever it is not sure.
namespace {
const QDate kToday(2026, 11, 1);
const QSet<QString> kCourts = {u"ATL"_qs, u"BOS"_qs, u"CHI"_qs, u"DET"_qs, u"NYC"_qs};

// Values a field of each kind may hold in a file: in the stored form, in another form the
// import reads, and wrong.
QList<QByteArray> textValues() {
    return {"",
            "Smith",
            "O'Brien",
            "de la Cruz",
            "Nguy\xE1\xBB\x85n",
            "Jos\xC3\xA9",
            "\xC3\x81lvarez",
            "\xEA\xB9\x80\xEB\xAF\xBC\xEC\xA4\x80",
            "\xC5\x81ukasz Stra\xC3\x9F",
            "Zo\xC3\xAB `Z` Mc-Neil",
            "a  b",
            " Smith",
            "Smith ",
            "Smith\xC2\xA0",
            "\xE3\x80\x80Kim",
            "line\nbreak",
            "tab\there",
            "ctl\x01x",
            "del\x7Fx",
            "c1\xC2\x85x",
            "'=SUM(A1)",
            "a;'+b",
            "x'y'z",
            "'",
            "=cmd",
            "\xFF\xFEx",
            QByteArray("nul\0x", 5),
            "x\xE2\x80\x8By",
            "\xE2\x80\xAE"
            "Deepak",                             // a direction override: RecordText refuses it
            "Mehta\xE2\x80\xA8In the Matter of",  // a line separator
            "x\xE2\x81\xA7y\xE2\x81\xA9",         // a direction isolate
            "x\xE2\x80\xA7y",                     // U+2027, a hyphenation point: allowed
            "x\xE2\x81\xA5y",                     // U+2065, unassigned: allowed
            "x\xE2\x80\xAFy",                     // U+202F, narrow no-break space: allowed
            "\xEF\xBB\xBF",  // a byte order mark: fromUtf8 drops one at the start
            "\xEF\xBB\xBFGarcia",
            "Garcia\xEF\xBB\xBF",
            " \xEF\xBB\xBFGarcia",
            "\xEF\xBB\xBF\xEF\xBB\xBF",
            "1 2 3",
            "Ana Beltr\xC3\xA1n, Esq.",
            QByteArray(20000, 'a'),
            QByteArray(20001, 'a')};
}

QList<QByteArray> dateValues() {
    return {"",
            "2020-01-31",
            "2020-02-29",
            "2021-02-29",
            "2020-13-01",
            "2020-00-10",
            "1899-12-31",
            "1900-01-01",
            "2026-11-01",
            "2026-11-02",
            "2999-01-01",
            "03/15/2020",
            "3/5/2020",
            " 2020-01-01",
            "2020-1-01",
            "0000-01-01",
            "0999-05-05",
            "2020-01-01x",
            "2020/01/01",
            "\xEF\xBC\x92"
            "020-01-01",
            "2019-06-30",
            "1975-03-04",
            "2027-01-05"};
}

QList<QByteArray> aNumberValues() {
    return {"123456789",
            "012345678",
            "A012345678",
            "12345678",
            "000000000",
            "1234567890",
            "123-456-789",
            "12345678x",
            " 123456789",
            "",
            "\xD9\xA1\xD9\xA2\xD9\xA3"
            "456789"};
}

QList<QByteArray> courtValues() {
    return {"ATL", "BOS", "atl", "Chi", " NYC", "XYZ", "", "'=1"};
}

QList<QByteArray> codeValues(const CaseField &field) {
    QList<QByteArray> out = {"", "zzz", " x"};
    for (const CodeOption &o : field.codes->options()) {
        out << o.code.toUtf8() << o.code.toUpper().toUtf8() << " " + o.code.toUtf8();
    }
    return out;
}

QList<QByteArray> valuesFor(const CaseField &field) {
    switch (field.kind) {
        case FieldKind::Text:
            return textValues();
        case FieldKind::Date:
            return dateValues();
        case FieldKind::ANumber:
            return aNumberValues();
        case FieldKind::Court:
            return courtValues();
        case FieldKind::Code:
            return codeValues(field);
    }
    return {};
}

// A generated case as the export writes it (formula guards included), one field a column.
CsvRecord exported(const Case &c, const QList<const CaseField *> &columns) {
    CsvRecord r;
    for (const CaseField *field : columns)
        r.fields << (field ? CsvFormulas::guard(CaseFields::text(c, *field)).toUtf8()
                           : QByteArray("ignored"));
    return r;
}

QList<const CaseField *> allColumns() {
    QList<const CaseField *> columns;
    for (const CaseField &f : CaseFields::all())
        columns << &f;
    return columns;
}

QStringList keysOf(const QList<const CaseField *> &columns) {
    QStringList keys;
    for (const CaseField *f : columns)
        if (f)
            keys << f->key;
    return keys;
}

struct Tally {
    int quick = 0;    // rows the quick path took
    int careful = 0;  // rows only the careful path imported
    int refused = 0;  // rows neither imports
};

// Compares the two paths on one record; false (with a message) when they disagree.
bool agree(const QList<const CaseField *> &columns, const CsvRecord &record, Tally &tally,
           QString *why, const QSet<QString> &courts = kCourts) {
    const PlainCsvRow plain(columns, courts, kToday);
    const CsvRowParser parser(columns, courts, kToday);
    const CaseRowEncoder encoder(keysOf(columns));
    CaseRow quick;
    const bool quickTook = plain.encode(record, quick);
    QList<RejectedRow> rejected;
    const std::optional<Case> c = parser.parse(record, rejected);
    if (!quickTook) {
        ++(c ? tally.careful : tally.refused);
        return true;
    }
    ++tally.quick;
    if (!c) {
        *why = u"the quick path took a row the import refuses: "_qs + rejected.first().reason;
        return false;
    }
    const CaseRow careful = encoder.encode(*c);
    if (careful.size() != quick.size()) {
        *why = u"different number of values"_qs;
        return false;
    }
    for (qsizetype i = 0; i < careful.size(); ++i)
        if (careful.value(i) != quick.value(i)) {
            *why = u"value %1: careful '%2', quick '%3'"_qs.arg(i).arg(
                QString::fromUtf8(careful.value(i)), QString::fromUtf8(quick.value(i)));
            return false;
        }
    return true;
}
}  // namespace

class TestPlainCsvRow : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    // Generated dockets as exported: nearly every row is plain, and each agrees.
    void takesGeneratedRowsAsTheImportWould() {
        DocketGenerator generator(7, QStringList(kCourts.cbegin(), kCourts.cend()), kToday);
        const QList<const CaseField *> columns = allColumns();
        Tally tally;
        QString why;
        for (int i = 0; i < 3000; ++i) {
            const CsvRecord record = exported(generator.next(), columns);
            QVERIFY2(agree(columns, record, tally, &why), qPrintable(why));
        }
        QCOMPARE(tally.refused, 0);
        // The quick path is the one a real docket takes (else it buys nothing).
        QVERIFY2(tally.quick >= 2900, qPrintable(u"quick %1 of 3000"_qs.arg(tally.quick)));
    }

    // Every value of the pools in every column, one at a time, in an otherwise plain row,
    // and rows with several values changed at random: wherever the quick path takes a
    // row, the careful path imports it with the same bytes.
    void neverTakesARowTheImportWouldReadDifferently() {
        DocketGenerator generator(11, QStringList(kCourts.cbegin(), kCourts.cend()), kToday);
        const QList<const CaseField *> columns = allColumns();
        Tally tally;
        QString why;
        for (qsizetype col = 0; col < columns.size(); ++col)
            for (const QByteArray &value : valuesFor(*columns[col])) {
                CsvRecord record = exported(generator.next(), columns);
                record.fields[col] = value;
                QVERIFY2(agree(columns, record, tally, &why),
                         qPrintable(u"%1 = '%2': %3"_qs.arg(columns[col]->key,
                                                            QString::fromUtf8(value), why)));
            }
        QRandomGenerator random(5);
        for (int i = 0; i < 4000; ++i) {
            CsvRecord record = exported(generator.next(), columns);
            for (int changes = random.bounded(1, 4); changes > 0; --changes) {
                const qsizetype col = random.bounded(int(columns.size()));
                const QList<QByteArray> values = valuesFor(*columns[col]);
                record.fields[col] = values[random.bounded(int(values.size()))];
            }
            QVERIFY2(agree(columns, record, tally, &why), qPrintable(why));
        }
        // Each kind of outcome happened, so the comparison above compared something.
        QVERIFY(tally.quick > 1000);
        QVERIFY(tally.careful > 300);
        QVERIFY(tally.refused > 1000);
    }

    // A file with fewer columns, in another order, with a column the import ignores.
    void agreesOnAPartialFile() {
        const auto find = [](const char *key) { return CaseFields::find(QLatin1String(key)); };
        const QList<const CaseField *> columns = {find("next_hearing_date"),
                                                  nullptr,
                                                  find("family_name"),
                                                  find("a_number"),
                                                  find("nta_date"),
                                                  find("counsel_bar_number"),
                                                  find("date_of_birth"),
                                                  find("entry_date"),
                                                  find("court")};
        DocketGenerator generator(13, QStringList(kCourts.cbegin(), kCourts.cend()), kToday);
        QRandomGenerator random(9);
        Tally tally;
        QString why;
        for (int i = 0; i < 4000; ++i) {
            CsvRecord record = exported(generator.next(), columns);
            for (qsizetype col = 0; col < columns.size(); ++col)
                if (columns[col] && random.bounded(8) == 0) {
                    const QList<QByteArray> values = valuesFor(*columns[col]);
                    record.fields[col] = values[random.bounded(int(values.size()))];
                }
            QVERIFY2(agree(columns, record, tally, &why), qPrintable(why));
        }
        // Many are refused: without a counsel column, a bar number has no counsel.
        QVERIFY(tally.quick > 500);
        QVERIFY(tally.careful > 100);
        QVERIFY(tally.refused > 100);
        CsvRecord shortRow;
        shortRow.fields = {"2027-01-05", "x", "Smith"};
        QVERIFY2(agree(columns, shortRow, tally, &why), qPrintable(why));
    }

    // A docket whose courts table was edited to hold a lower-case code: the careful path
    // upper-cases what the file says before looking it up, and so refuses "xyz"; so must
    // the quick one.
    void aLowerCaseCourtCodeInTheDocketIsNotTakenAsIs() {
        const QList<const CaseField *> columns = {CaseFields::find(u"a_number"_qs),
                                                  CaseFields::find(u"family_name"_qs),
                                                  CaseFields::find(u"court"_qs)};
        const QSet<QString> courts = {u"xyz"_qs, u"ATL"_qs, u"D\u00C91"_qs};
        Tally tally;
        QString why;
        for (const QByteArray &court : {QByteArray("xyz"), QByteArray("XYZ"), QByteArray("ATL"),
                                        QByteArray("D\xC3\xA9"
                                                   "1"),
                                        QByteArray("D\xC3\x89"
                                                   "1")}) {
            CsvRecord record;
            record.fields = {"123456789", "Smith", court};
            QVERIFY2(agree(columns, record, tally, &why, courts), qPrintable(why));
        }
        QCOMPARE(tally.quick, 1);  // ATL
    }

    // The import stores rows, not cases; the case behind a row (for an update) is the one
    // the row came from.
    void decodingARowGivesItsCaseBack() {
        DocketGenerator generator(3, QStringList(kCourts.cbegin(), kCourts.cend()), kToday);
        const CaseRowEncoder encoder(CaseFields::keys());
        for (int i = 0; i < 500; ++i) {
            Case c = generator.next();
            if (i % 50 == 0)  // kept from " \uFEFFname" in a file, trimmed
                c.familyName.prepend(QChar(0xFEFF));
            const Case back = encoder.decode(encoder.encode(c));
            for (const CaseField &field : CaseFields::all())
                QCOMPARE(CaseFields::text(back, field), CaseFields::text(c, field));
        }
    }
};

QTEST_GUILESS_MAIN(TestPlainCsvRow)
#include "tst_plaincsvrow.moc"
