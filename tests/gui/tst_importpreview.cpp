#include "ImportDialog.h"
#include "TestDocket.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;

// File > Import's preview marks, before anything is imported, exactly the cells the import
// will reject (red, with a tooltip naming the line, the column and the reason), judged by
// the import's own rules; the import then rejects those rows for those reasons.
class TestImportPreview : public QObject {
    Q_OBJECT

    // The cells the preview marks, as "line column: tooltip".
    static QStringList marked(const QTableWidget *preview) {
        QStringList out;
        for (int r = 0; r < preview->rowCount(); ++r)
            for (int c = 0; c < preview->columnCount(); ++c) {
                const QTableWidgetItem *item = preview->item(r, c);
                const bool red = item && item->background().style() != Qt::NoBrush;
                if (red || (item && !item->toolTip().isEmpty()))
                    out << preview->verticalHeaderItem(r)->text() + u' ' +
                               preview->horizontalHeaderItem(c)->text().section(u'\n', 0, 0) +
                               u": "_s + item->toolTip();
            }
        return out;
    }

  private Q_SLOTS:
    void marksTheCellsTheImportWillReject() {
        TestDocket docket;
        { docket.open(); }
        // Line 3: a date that does not exist. Line 4: an unknown custody code. Line 6: both
        // a date that is no date and an unknown court; the import names only the first, the
        // preview marks both. Line 7: a birth after today, which the case validator finds.
        const QString unborn = PinnedClock::today().addYears(1).toString(Qt::ISODate);
        QVERIFY(docket.writeFile(u"docket.csv"_s,
                                 "a_number,family_name,date_of_birth,court,custody,shoe_size\n"
                                 "A204555101,Good,1985-06-02,LOS,N,9\n"
                                 "A204555102,Baddate,1985-02-30,LOS,N,10\n"
                                 "A204555103,Badcode,1990-01-01,ATL,Q,11\n"
                                 "A204555104,Fine,,ATL,D,8\n"
                                 "A204555105,Twice,13/45/1990,ZZZ,R,7\n"
                                 "A204555106,Unborn," +
                                     unborn.toUtf8() + ",LOS,N,6\n"));
        ImportDialog dialog(docket.path(), docket.path(u"docket.csv"_s), ImportDialog::Format::Csv);
        auto *preview = dialog.findChild<QTableWidget *>(u"importPreview"_s);
        QVERIFY(preview);
        QCOMPARE(preview->rowCount(), 6);
        QCOMPARE(preview->item(1, 2)->text(), u"1985-02-30"_s);

        QCOMPARE(marked(preview),
                 (QStringList{u"3 ✕ date_of_birth: Line 3, date_of_birth: '1985-02-30' is not a "
                              "date that exists."_s,
                              u"4 ✕ custody: Line 4, custody: 'Q' is not a known custody (use "
                              "one of: D, N, R)."_s,
                              u"6 ✕ date_of_birth: Line 6, date_of_birth: '13/45/1990' is not a "
                              "date that exists."_s,
                              u"6 ✕ court: Line 6, court: 'ZZZ' is not a known court code."_s,
                              u"7 ✕ date_of_birth: Line 7, date_of_birth: the date of birth "_s +
                                  unborn + u" is in the future."_s}));
        // The rows that pass carry no mark: their line numbers stand alone.
        QCOMPARE(preview->verticalHeaderItem(0)->text(), u"2"_s);
        QCOMPARE(preview->verticalHeaderItem(3)->text(), u"5"_s);
        const QColor red = preview->item(2, 4)->background().color();
        QVERIFY2(red.red() > red.green() + 40 && red.red() > red.blue() + 40,
                 qPrintable(red.name()));
        auto *info = dialog.findChild<QLabel *>(u"importInfo"_s);
        QVERIFY(info);
        QVERIFY2(info->text().contains(u"Rejected on import: 4 rows of the 6 shown."_s),
                 qPrintable(info->text()));

        // The import rejects just those rows, for those reasons (the first of line 6).
        const ImportReport report = dialog.runImport();
        QCOMPARE(report.imported, 2);
        QStringList rejected;
        for (const RejectedRow &r : report.rejected)
            rejected << report.rejectedText(r);
        QCOMPARE(rejected,
                 (QStringList{u"line 3, date_of_birth: '1985-02-30' is not a date that exists"_s,
                              u"line 4, custody: 'Q' is not a known custody (use one of: D, N, "
                              "R)"_s,
                              u"line 6, date_of_birth: '13/45/1990' is not a date that exists"_s,
                              u"line 7, date_of_birth: the date of birth "_s + unborn +
                                  u" is in the future"_s}));
    }

    // A row with a field too few is rejected whole: every cell of it is marked.
    void aShortRowIsMarkedWhole() {
        TestDocket docket;
        { docket.open(); }
        QVERIFY(docket.writeFile(u"short.csv"_s,
                                 "a_number,family_name,custody\n"
                                 "A204555101,Good,N\n"
                                 "A204555102,Short\n"));
        ImportDialog dialog(docket.path(), docket.path(u"short.csv"_s), ImportDialog::Format::Csv);
        auto *preview = dialog.findChild<QTableWidget *>(u"importPreview"_s);
        const QString reason = u"Line 3: the row has 2 fields but the header has 3."_s;
        QCOMPARE(marked(preview),
                 (QStringList{u"3 ✕ a_number: "_s + reason, u"3 ✕ family_name: "_s + reason,
                              u"3 ✕ custody: "_s + reason}));
    }
};

QTEST_MAIN(TestImportPreview)
#include "tst_importpreview.moc"
