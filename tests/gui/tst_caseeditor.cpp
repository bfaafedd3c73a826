#include "CaseEditorDialog.h"
#include "ImportDialog.h"
#include "RecordTableEditor.h"
#include "TestDocket.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableWidget>

class TestCaseEditor : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void savesChildRecordsFromTheTables() {
        TestDocket docket;
        auto store = docket.open();
        CaseEditorDialog d(*store, std::nullopt);
        d.findChild<QLineEdit *>(u"field_a_number"_qs)->setText(u"12345678"_qs);
        d.findChild<QLineEdit *>(u"field_family_name"_qs)->setText(QString::fromUtf8("Nguyễn"));
        auto *charges = d.findChild<RecordTableEditor *>(u"charges"_qs);
        charges->addRecord();
        charges->table()->item(0, 0)->setText(u"Robbery"_qs);
        charges->table()->item(0, 1)->setText(u"03/04/2019"_qs);
        charges->table()->item(0, 5)->setCheckState(Qt::Checked);
        auto *family = d.findChild<RecordTableEditor *>(u"family"_qs);
        family->addRecord();
        family->table()->item(0, 0)->setText(u"Ana"_qs);
        QVERIFY(d.save());
        const Case saved = *store->loadCase(d.savedCase().id);
        QCOMPARE(saved.aNumber, u"012345678"_qs);
        QCOMPARE(saved.charges.size(), 1);
        QCOMPARE(saved.charges[0].date, QDate(2019, 3, 4));
        QCOMPARE(saved.charges[0].disposition, u"convicted"_qs);  // first option until chosen
        QVERIFY(saved.charges[0].weaponInvolved);
        QCOMPARE(saved.family[0].relation, u"spouse"_qs);
    }

    void listsEveryProblemAndSavesNothing() {
        TestDocket docket;
        auto store = docket.open();
        CaseEditorDialog d(*store, std::nullopt);
        d.findChild<QLineEdit *>(u"field_a_number"_qs)->setText(u"A12"_qs);
        d.findChild<QLineEdit *>(u"field_nta_date"_qs)->setText(u"2024-05-01"_qs);
        d.findChild<QLineEdit *>(u"field_next_hearing_date"_qs)->setText(u"2024-04-01"_qs);
        auto *charges = d.findChild<RecordTableEditor *>(u"charges"_qs);
        charges->addRecord();
        QVERIFY(!d.save());
        auto *summary = d.findChild<QLabel *>(u"problemSummary"_qs);
        QVERIFY(!summary->isHidden());
        for (const QString &part :
             {u"A-number"_qs, u"Family name"_qs, u"before the NTA"_qs, u"charges[1].offense"_qs})
            QVERIFY2(summary->text().contains(part), qPrintable(summary->text()));
        QVERIFY(!d.findChild<QLabel *>(u"error_a_number"_qs)->isHidden());
        QCOMPARE(store->caseCount(), 0);
    }

    void leavingAFieldChecksTheFormAndClearsWhatIsFixed() {
        TestDocket docket;
        auto store = docket.open();
        CaseEditorDialog d(*store, std::nullopt);
        d.show();
        auto *nta = d.findChild<QLineEdit *>(u"field_nta_date"_qs);
        auto *hearing = d.findChild<QLineEdit *>(u"field_next_hearing_date"_qs);
        auto *hearingError = d.findChild<QLabel *>(u"error_next_hearing_date"_qs);
        nta->setText(u"2024-05-01"_qs);
        Q_EMIT nta->editingFinished();
        hearing->setText(u"2024-04-01"_qs);
        Q_EMIT hearing->editingFinished();
        // Flagged on leaving the field, not only on Save; the fields not yet visited are not.
        QVERIFY(!hearingError->isHidden());
        QVERIFY2(hearingError->text().contains(u"before the NTA date"_qs),
                 qPrintable(hearingError->text()));
        QVERIFY(d.findChild<QLabel *>(u"error_a_number"_qs)->isHidden());
        auto *summary = d.findChild<QLabel *>(u"problemSummary"_qs);
        QVERIFY(summary->isHidden());
        QVERIFY(!d.save());  // A-number, family name and the hearing: the banner lists them
        QVERIFY(!summary->isHidden());
        QVERIFY2(summary->text().startsWith(u"Please correct 3 problems before saving:"_qs),
                 qPrintable(summary->text()));
        // Fixing the NTA date clears the hearing's message and the banner's line at once.
        nta->setText(u"2024-03-01"_qs);
        Q_EMIT nta->editingFinished();
        QVERIFY(hearingError->isHidden());
        QVERIFY2(!summary->text().contains(u"NTA"_qs), qPrintable(summary->text()));
        QVERIFY2(summary->text().startsWith(u"Please correct 2 problems"_qs),
                 qPrintable(summary->text()));
        d.findChild<QLineEdit *>(u"field_a_number"_qs)->setText(u"A012-345-678"_qs);
        Q_EMIT d.findChild<QLineEdit *>(u"field_a_number"_qs)->editingFinished();
        QVERIFY2(summary->text().startsWith(u"Please correct 1 problem before saving:"_qs),
                 qPrintable(summary->text()));
        d.findChild<QLineEdit *>(u"field_family_name"_qs)->setText(u"Ruiz"_qs);
        Q_EMIT d.findChild<QLineEdit *>(u"field_family_name"_qs)->editingFinished();
        QVERIFY(summary->isHidden());  // nothing stale is left on screen
        QVERIFY(d.save());
    }

    void recordsThatListsWereCheckedAndFoundEmpty() {
        TestDocket docket;
        auto store = docket.open();
        CaseEditorDialog d(*store, std::nullopt);
        d.findChild<QLineEdit *>(u"field_a_number"_qs)->setText(u"012345678"_qs);
        d.findChild<QLineEdit *>(u"field_family_name"_qs)->setText(u"Ruiz"_qs);
        auto *criminal = d.findChild<QLineEdit *>(u"field_no_criminal_history_checked_on"_qs);
        auto *family = d.findChild<QLineEdit *>(u"field_no_us_family_checked_on"_qs);
        QVERIFY(criminal && family);
        // Each sits on the tab of the list it speaks for, above the table.
        auto *tabs = d.findChild<QTabWidget *>();
        QVERIFY(tabs->widget(tabs->indexOf(criminal->parentWidget()))
                    ->findChild<RecordTableEditor *>(u"charges"_qs));
        criminal->setText(u"2026-10-02"_qs);
        family->setText(u"10/03/2026"_qs);
        auto *charges = d.findChild<RecordTableEditor *>(u"charges"_qs);
        charges->addRecord();
        charges->table()->item(0, 0)->setText(u"Theft"_qs);
        QVERIFY(!d.save());  // "none found" and a charge cannot both be true
        auto *error = d.findChild<QLabel *>(u"error_no_criminal_history_checked_on"_qs);
        QVERIFY(!error->isHidden());
        QVERIFY2(error->text().contains(u"but 1 charge is recorded"_qs), qPrintable(error->text()));
        QCOMPARE(tabs->currentIndex(), tabs->indexOf(criminal->parentWidget()));
        QVERIFY2(error->text().startsWith(u"Checked on 2026-10-02"_qs), qPrintable(error->text()));
        // Removing the charge clears the message at once, not only on the next Save.
        charges->table()->selectRow(0);
        charges->removeSelected();
        QVERIFY(error->isHidden());
        QVERIFY(d.findChild<QLabel *>(u"problemSummary"_qs)->isHidden());
        QVERIFY(d.save());
        const Case saved = *store->loadCase(d.savedCase().id);
        QCOMPARE(saved.noCriminalHistoryCheckedOn, QDate(2026, 10, 2));
        QCOMPARE(saved.noUsFamilyCheckedOn, QDate(2026, 10, 3));
    }

    void editingAnExistingCaseKeepsItsId() {
        TestDocket docket;
        auto store = docket.open();
        Case c = makeCase(u"012345678"_qs, u"Before"_qs);
        c.notes = u"first"_qs;
        QString error;
        QVERIFY(store->saveCase(c, &error));
        CaseEditorDialog d(*store, store->loadCase(c.id));
        QCOMPARE(d.findChild<QLineEdit *>(u"field_a_number"_qs)->text(), u"A012-345-678"_qs);
        d.findChild<QPlainTextEdit *>(u"field_notes"_qs)->setPlainText(u"second"_qs);
        QVERIFY(d.save());
        QCOMPARE(store->caseCount(), 1);
        QCOMPARE(store->loadCase(c.id)->notes, u"second"_qs);
    }

    void importDialogPreviewsMapsAndReports() {
        TestDocket docket;
        { docket.open(); }
        QVERIFY(docket.writeFile(u"in.csv"_qs,
                                 "A_Number,Family_Name,shoe\n012345678,Good,9\nbad,Row,1\n"));
        ImportDialog d(docket.path(), docket.path(u"in.csv"_qs), ImportDialog::Format::Csv);
        auto *preview = d.findChild<QTableWidget *>(u"importPreview"_qs);
        QCOMPARE(preview->rowCount(), 2);
        QVERIFY(preview->horizontalHeaderItem(0)->text().contains(u"→ A-number"_qs));
        QVERIFY(preview->horizontalHeaderItem(2)->text().contains(u"ignored"_qs));
        const ImportReport r = d.runImport();
        QCOMPARE(r.imported, 1);
        QCOMPARE(r.rejected.size(), 1);
        QVERIFY(d.findChild<QPlainTextEdit *>(u"rejectedRows"_qs)
                    ->toPlainText()
                    .contains(u"line 3, a_number"_qs));
        QVERIFY(d.findChild<QLabel *>(u"importSummary"_qs)->text().contains(u"Imported 1"_qs));
    }
};

QTEST_MAIN(TestCaseEditor)
#include "tst_caseeditor.moc"
