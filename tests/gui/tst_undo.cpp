#include "CaseCommands.h"
#include "CaseEditorDialog.h"
#include "CaseListView.h"
#include "DialogHelpers.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "ShownWindow.h"
#include "TestDocket.h"
#include "audit/AuditLog.h"
#include "domain/ANumber.h"
#include "models/CaseTableModel.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;

// Edit ▸ Undo and Redo for case edits, new cases and deletions made in the window: each
// step is a real write (audited), and a step whose case changed meanwhile is refused.
class TestUndo : public QObject {
    Q_OBJECT
    TestDocket m_docket;

    static void editFamilyName(MainWindow &w, const QString &name) {
        whenDialogOpens<CaseEditorDialog>([name](CaseEditorDialog *d) {
            d->findChild<QLineEdit *>(u"field_family_name"_s)->setText(name);
            d->findChild<QPushButton *>(u"saveButton"_s)->click();
        });
        w.editCurrentCase();
    }

    static QAction *action(MainWindow &w, const char *name) {
        return w.findChild<QAction *>(QLatin1String(name));
    }

  private Q_SLOTS:
    void initTestCase() { QVERIFY(m_docket.openGenerated(200, 9)); }

    void undoAndRedoAnEdit() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        w.caseTable()->selectRow(5);
        const qint64 id = w.caseModel()->caseId(5);
        const Case before = *w.store()->loadCase(id);
        QVERIFY(!action(w, "actionUndo")->isEnabled());
        editFamilyName(w, u"Undoable"_s);
        QCOMPARE(w.store()->loadCase(id)->familyName, u"Undoable"_s);
        QVERIFY(action(w, "actionUndo")->isEnabled());
        QVERIFY(action(w, "actionUndo")->text().contains(u"Edit of A"_s));

        const qint64 entries = AuditLog(w.store()->handle()).count();
        action(w, "actionUndo")->trigger();
        QCOMPARE(w.store()->loadCase(id)->familyName, before.familyName);
        QVERIFY(sameFacts(*w.store()->loadCase(id), before));
        // The undo is a change like any other: in the audit log.
        QCOMPARE(AuditLog(w.store()->handle()).count(), entries + 1);
        QCOMPARE(w.caseModel()->caseId(w.caseTable()->currentRow()), id);

        action(w, "actionRedo")->trigger();
        QCOMPARE(w.store()->loadCase(id)->familyName, u"Undoable"_s);
        QCOMPARE(w.undoStack()->count(), 1);
    }

    // A case saved out of the search shown leaves the list: the status bar says why (a new
    // user renamed the case found by "gar ma" and saw "No cases match" without a word).
    void aCaseSavedOutOfTheSearchSaysWhyItLeft() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        const qint64 id = w.caseModel()->caseId(8);
        const Case before = *w.store()->loadCase(id);
        CaseFilter byName;
        byName.search = before.familyName;
        w.caseModel()->setFilter(byName);
        QVERIFY(w.caseModel()->waitForCount(10000));
        QVERIFY(w.caseTable()->selectCase(id));
        editFamilyName(w, u"Zzyzx"_s);
        QTRY_VERIFY2(w.statusBar()->currentMessage().contains(
                         u"It no longer matches the search or filters"_s),
                     qPrintable(w.statusBar()->currentMessage()));
        QVERIFY(w.statusBar()->currentMessage().startsWith(
            u"Case %1 saved."_s.arg(ANumber::displayDigits(before.aNumber))));
        action(w, "actionUndo")->trigger();  // the docket as the other tests expect it
        QCOMPARE(w.store()->loadCase(id)->familyName, before.familyName);
    }

    // Ctrl+Z in the search box with nothing of its own to undo is the window's Undo (Find,
    // Clear Filters and typing in the list leave the focus there; the box took the keys and
    // did nothing). With text of its own it undoes its own typing.
    void theUndoKeysReachTheWindowFromAnEmptySearchBox() {
        MainWindow w;
        QVERIFY(showOnDocket(w, m_docket.path()));
        w.caseTable()->selectRow(6);
        const qint64 id = w.caseModel()->caseId(6);
        const QString family = w.store()->loadCase(id)->familyName;
        editFamilyName(w, u"Keyed"_s);
        w.activateWindow();  // back from the editor
        QVERIFY(QTest::qWaitForWindowActive(&w));
        auto *search = w.findChild<QLineEdit *>(u"searchEdit"_s);
        search->setFocus();
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClick(search, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(w.store()->loadCase(id)->familyName, family);
        QTest::keyClick(search, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(w.store()->loadCase(id)->familyName, u"Keyed"_s);
        // Typed text of its own: the box undoes that, the case stays.
        QTest::keyClicks(search, u"zz"_s);
        QTest::keyClick(search, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(search->text().size() < 2);
        QCOMPARE(w.store()->loadCase(id)->familyName, u"Keyed"_s);
    }

    // Undo selects the case it changed, alone: the row clicked since stayed highlighted beside
    // it, and Delete then took the undone case (from a new user's walk-through). The status
    // bar says what was undone, not the edit's "saved".
    void undoSelectsTheCaseItChangedAlone() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        w.caseTable()->selectRow(5);
        const qint64 edited = w.caseModel()->caseId(5);
        editFamilyName(w, u"Changed"_s);
        QVERIFY(w.statusBar()->currentMessage().contains(u"saved"_s));
        w.caseTable()->selectRow(3);
        QTest::keyClick(w.caseTable(), Qt::Key_Down, Qt::ShiftModifier);  // rows 3 and 4
        QCOMPARE(w.caseTable()->rowSelection().count(), 2);
        action(w, "actionUndo")->trigger();
        QTRY_COMPARE(w.caseTable()->currentCaseId(), edited);
        QCOMPARE(w.caseTable()->rowSelection().count(), 1);
        QVERIFY(w.caseTable()->isRowSelected(w.caseTable()->currentRow()));
        QVERIFY2(w.statusBar()->currentMessage().startsWith(u"Undone: Edit of A"_s),
                 qPrintable(w.statusBar()->currentMessage()));
        w.caseTable()->selectRow(8);
        action(w, "actionRedo")->trigger();
        QTRY_COMPARE(w.caseTable()->currentCaseId(), edited);
        QCOMPARE(w.caseTable()->rowSelection().count(), 1);
        QVERIFY2(w.statusBar()->currentMessage().startsWith(u"Redone: Edit of A"_s),
                 qPrintable(w.statusBar()->currentMessage()));
    }

    void undoAndRedoANewCaseAndADeletion() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        const qint64 count = w.store()->caseCount();
        whenDialogOpens<CaseEditorDialog>([](CaseEditorDialog *d) {
            d->findChild<QLineEdit *>(u"field_a_number"_s)->setText(u"A099-111-222"_s);
            d->findChild<QLineEdit *>(u"field_family_name"_s)->setText(u"Added"_s);
            d->findChild<QPushButton *>(u"saveButton"_s)->click();
        });
        w.newCase();
        QCOMPARE(w.store()->caseCount(), count + 1);
        w.undoStack()->undo();
        QCOMPARE(w.store()->caseCount(), count);
        QCOMPARE(w.store()->findCaseId(u"099111222"_s), 0);
        w.undoStack()->redo();
        QVERIFY(w.store()->findCaseId(u"099111222"_s) > 0);

        // A deletion with its charges and family, brought back whole.
        w.caseTable()->selectRow(7);
        const Case doomed = *w.store()->loadCase(w.caseModel()->caseId(7));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        w.deleteCurrentCase();
        QVERIFY(MessageBox::lastText().contains(u"Undo"_s));
        QCOMPARE(w.store()->findCaseId(doomed.aNumber), 0);
        // The deletion itself, not a redo of it (a fresh Delete said "Redone: Deletion of").
        const QString deletion =
            u"Deletion of %1: done"_s.arg(ANumber::displayDigits(doomed.aNumber));
        QVERIFY2(w.statusBar()->currentMessage().startsWith(deletion),
                 qPrintable(w.statusBar()->currentMessage()));
        w.undoStack()->undo();
        const qint64 back = w.store()->findCaseId(doomed.aNumber);
        QVERIFY(back > 0);
        QVERIFY(sameFacts(*w.store()->loadCase(back), doomed));
        w.undoStack()->redo();
        QCOMPARE(w.store()->findCaseId(doomed.aNumber), 0);
        QVERIFY2(w.statusBar()->currentMessage().startsWith(u"Redone: Deletion of"_s),
                 qPrintable(w.statusBar()->currentMessage()));
    }

    void undoAndRedoInsideTheEditor() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        w.caseTable()->selectRow(9);
        const qint64 id = w.caseModel()->caseId(9);
        const Case before = *w.store()->loadCase(id);
        QString afterUndo, afterRedo, courtAfterUndo;
        whenDialogOpens<CaseEditorDialog>([&](CaseEditorDialog *d) {
            auto *family = d->findChild<QLineEdit *>(u"field_family_name"_s);
            auto *undo = d->findChild<QPushButton *>(u"undoButton"_s);
            auto *redo = d->findChild<QPushButton *>(u"redoButton"_s);
            QVERIFY(!undo->isEnabled());
            family->selectAll();
            QTest::keyClicks(family, u"Typed"_s);  // one step: no pause in between
            auto *court = d->findChild<QComboBox *>(u"field_court"_s);
            d->undo();  // ends the typing step and undoes it
            afterUndo = family->text();
            QVERIFY(redo->isEnabled());
            redo->click();
            afterRedo = family->text();
            court->setCurrentIndex(court->findData(u"SEA"_s));
            undo->click();  // the court change, as a step of its own
            courtAfterUndo = court->currentData().toString();
            d->findChild<QPushButton *>(u"saveButton"_s)->click();
        });
        w.editCurrentCase();
        QCOMPARE(afterUndo, before.familyName);
        QCOMPARE(afterRedo, u"Typed"_s);
        QCOMPARE(courtAfterUndo, before.court);
        const Case saved = *w.store()->loadCase(id);
        QCOMPARE(saved.familyName, u"Typed"_s);
        QCOMPARE(saved.court, before.court);
    }

    void refusesToUndoOverAChangeMadeElsewhere() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        w.caseTable()->selectRow(2);
        const qint64 id = w.caseModel()->caseId(2);
        editFamilyName(w, u"Mine"_s);
        {  // another program edits the same case
            auto other =
                CaseStore::open(m_docket.path(), CaseStore::OpenMode::OpenExisting, nullptr);
            Case c = *other->loadCase(id);
            c.familyName = u"Theirs"_s;
            QString error;
            QVERIFY2(other->saveCase(c, &error), qPrintable(error));
        }
        MessageBox::setNextAnswer(QMessageBox::Ok);
        w.undoStack()->undo();
        QVERIFY2(MessageBox::lastText().contains(u"was changed since"_s),
                 qPrintable(MessageBox::lastText()));
        QCOMPARE(w.store()->loadCase(id)->familyName, u"Theirs"_s);
        QCOMPARE(w.undoStack()->count(), 0);  // the refused step is dropped
    }
};

QTEST_MAIN(TestUndo)
#include "tst_undo.moc"
