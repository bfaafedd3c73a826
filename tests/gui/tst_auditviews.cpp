#include "AuditLogDialog.h"
#include "CaseHistoryView.h"
#include "CaseListView.h"
#include "FileDialog.h"
#include "HistoryController.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "Rechain.h"
#include "TestDocket.h"
#include "audit/AuditLog.h"
#include "domain/LocalTime.h"
#include "models/AuditTableModel.h"
#include "models/CaseTableModel.h"
#include "store/DocketBackup.h"

#include <QAction>

#include <QLabel>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>

// The History tab, the audit log viewer with its chain check, and the warning when a
// docket whose log was changed outside the program is opened.
class TestAuditViews : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void theHistoryTabShowsWhatHappenedToTheCase() {
        TestDocket docket;
        {
            auto store = docket.openGenerated(20, 5);
            Case c = *store->loadCase(1);
            c.nationality = u"Honduras"_qs;
            QString error;
            QVERIFY(store->saveCase(c, &error));
        }
        MainWindow w;
        QVERIFY(w.openDocket(docket.path()));
        w.caseTable()->selectRow(w.caseModel()->rowOfCase(1));
        auto *history = w.findChild<CaseHistoryView *>(u"historyView"_qs);
        QTRY_COMPARE(history->count(), 2);  // the edit, then the generation
        const QString edit = history->item(0)->text();
        QVERIFY2(edit.startsWith(u"Edited Nationality: "_qs), qPrintable(edit));
        QVERIFY2(edit.section(u'\n', 0, 0).endsWith(u"→ Honduras"_qs), qPrintable(edit));
        QVERIFY2(edit.section(u'\n', 1).contains(u" UTC · "_qs), qPrintable(edit));
        QVERIFY(history->item(1)->text().startsWith(u"Imported from synthetic"_qs));
        QVERIFY(w.findChild<QTabWidget *>(u"caseTabs"_qs)->indexOf(history) >= 0);
        QVERIFY(w.findChild<QLabel *>(u"auditWarning"_qs)->isHidden());
    }

    void theViewerPagesThroughTheLogAndChecksTheChain() {
        TestDocket docket;
        auto store = docket.openGenerated(1200, 9);  // 1,202 entries
        AuditLogDialog dialog(*store);
        AuditTableModel *model = dialog.model();
        QCOMPARE(model->rowCount(), 500);                  // one page to begin with
        QCOMPARE(model->entry(0).action, u"generate"_qs);  // newest first
        while (model->canFetchMore({}))
            model->fetchMore({});
        QCOMPARE(model->rowCount(), 1202);
        QCOMPARE(model->entry(1201).action, u"docket.create"_qs);
        QVERIFY(dialog.verifyChain());
        QVERIFY(dialog.findChild<QLabel *>(u"auditVerdict"_qs)
                    ->text()
                    .contains(QLocale().toString(1202)));

        QSqlQuery q(store->database());
        QVERIFY(q.exec(u"DROP TRIGGER audit_log_no_update"_qs));
        QVERIFY(q.exec(u"UPDATE audit_log SET actor='mallory' WHERE seq=600"_qs));
        QVERIFY(!dialog.verifyChain());
        QVERIFY2(dialog.findChild<QLabel *>(u"auditVerdict"_qs)
                     ->text()
                     .startsWith(u"BROKEN: entry 600"_qs),
                 qPrintable(dialog.findChild<QLabel *>(u"auditVerdict"_qs)->text()));
    }

    void fileBackUpWritesAVerifiedCopyAndShowsWhen() {
        TestDocket docket;
        { auto store = docket.openGenerated(40, 3); }
        MainWindow w;
        QVERIFY(w.openDocket(docket.path()));
        auto *last = w.findChild<QLabel *>(u"lastBackup"_qs);
        QCOMPARE(last->text(), u"Never backed up"_qs);
        FileDialog::setNextAnswer(docket.path(u"backup.sqlite"_qs));
        w.findChild<QAction *>(u"actionBackUp"_qs)->trigger();
        QVERIFY(QFile::exists(docket.path(u"backup.sqlite"_qs)));
        // In the locale's form, local time with its zone: never an ISO "2026-11-29T12:00".
        QVERIFY2(last->text() ==
                     u"Last backup "_qs + LocalTime::text(PinnedClock::now().toString(Qt::ISODate)),
                 qPrintable(last->text()));
        QVERIFY(DocketBackup::verifyCopy(docket.path(u"backup.sqlite"_qs)).ok);
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY(!w.historyControl()->backUpTo(docket.path()));  // never onto the docket itself
    }

    // The CLI imports while the window is open: the list notices and shows the new cases.
    void changesByAnotherProgramAppearInTheList() {
        TestDocket docket;
        { auto store = docket.openGenerated(50, 6); }
        MainWindow w;
        QVERIFY(w.openDocket(docket.path()));
        QCOMPARE(w.caseModel()->rowCount(), 50);
        QVERIFY(docket.writeFile(u"more.csv"_qs,
                                 "a_number,family_name\nA209000001,Zeta\n"
                                 "A209000002,Omega\n"));
        QProcess cli;
        cli.start(QStringLiteral(DISCRETION_EXECUTABLE),
                  {u"import-csv"_qs, u"--db"_qs, docket.path(), docket.path(u"more.csv"_qs)});
        QVERIFY(cli.waitForFinished(60000) && cli.exitCode() == 0);
        QTRY_COMPARE_WITH_TIMEOUT(w.caseModel()->rowCount(), 52, 10000);
        QVERIFY(w.findChild<QLabel *>(u"caseCounts"_qs)->text().contains(u"52"_qs));
    }

    void aHistoryCutOffSinceLastTimeIsNamed();

    void openingATamperedDocketWarns() {
        TestDocket docket;
        {
            auto store = docket.openGenerated(30, 2);
            QSqlQuery q(store->database());
            QVERIFY(q.exec(u"DROP TRIGGER audit_log_no_update"_qs));
            QVERIFY(q.exec(u"UPDATE audit_log SET details='{}' WHERE seq=25"_qs));
        }
        MainWindow w;
        w.show();
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY(w.openDocket(docket.path()));  // it opens: the cases are still there to see
        QVERIFY2(MessageBox::lastText().contains(u"entry 25"_qs) &&
                     MessageBox::lastText().contains(
                         u"the schema: trigger audit_log_no_update is missing"_qs),
                 qPrintable(MessageBox::lastText()));
        QVERIFY(w.store()->isReadOnly());
        QVERIFY(w.windowTitle().endsWith(u" — read-only"_qs));
        QVERIFY2(w.statusBar()->currentMessage().contains(
                     u"its schema was changed outside Discretion"_qs),
                 qPrintable(w.statusBar()->currentMessage()));
        QVERIFY(w.findChild<QLabel *>(u"auditWarning"_qs)->isVisible());
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY(!w.historyControl()->verifyAuditLog());
    }

    // A name index removed by hand: a search cannot run, and the list says so instead of "No
    // cases match" (the person searched for is in the docket).
    void aSearchThatCannotBeReadIsNotNoMatches() {
        TestDocket docket;
        QString family;
        {
            auto store = docket.openGenerated(30, 2);
            QSqlQuery q(store->database());
            QVERIFY(q.exec(u"SELECT family_name FROM cases LIMIT 1"_qs) && q.next());
            family = q.value(0).toString();
            QVERIFY(q.exec(u"DROP TABLE case_search"_qs));
        }
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY(w.openDocket(docket.path()));
        QVERIFY2(MessageBox::lastText().contains(u"table case_search is missing"_qs),
                 qPrintable(MessageBox::lastText()));
        CaseFilter byName;
        byName.search = family.left(3);
        w.caseModel()->setFilter(byName);
        QVERIFY(w.caseModel()->waitForFirstPage(10000));
        QCOMPARE(w.caseModel()->rowCount(), 0);
        auto *overList = w.findChild<QLabel *>(u"noMatches"_qs);
        QTRY_VERIFY(overList->isVisible());
        QVERIFY2(overList->text().startsWith(
                     u"The cases could not be read (no such table: case_search)"_qs),
                 qPrintable(overList->text()));
        QCOMPARE(w.findChild<QLabel *>(u"caseCounts"_qs)->text(), u"Cases could not be read"_qs);
        // A search by A-number does not need that index: the list is whole again.
        CaseFilter none;
        none.search = u"999999999"_qs;
        w.caseModel()->setFilter(none);
        QVERIFY(w.caseModel()->waitForFirstPage(10000));
        QVERIFY(w.caseModel()->readError().isEmpty());
        QCOMPARE(overList->text(), u"No cases match the filters."_qs);
    }

    // A trigger added by another program while the docket is open would run inside the
    // program's next write: the window notices the schema change at its next look (every
    // two seconds), names it, and the docket turns read-only.
    // A new user changed a kept policy text with sqlite3 and heard of it only from Verify
    // Audit Log: the opening now names it.
    void openingADocketWithAChangedPolicyTextWarns() {
        TestDocket docket;
        {
            auto store = docket.openGenerated(30, 2);
            QSqlQuery q(store->database());
            QVERIFY(
                q.exec(u"INSERT INTO policy_texts(sha256, policy_id, canonical) VALUES("
                       "'0000000000000000000000000000000000000000000000000000000000000000', "
                       "'planted', '{}')"_qs));
        }
        MainWindow w;
        w.show();
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY(w.openDocket(docket.path()));
        QVERIFY2(MessageBox::lastText().contains(
                     u"policy planted: the kept text no longer matches its SHA-256"_qs),
                 qPrintable(MessageBox::lastText()));
        QVERIFY(w.findChild<QLabel *>(u"auditWarning"_qs)->isVisible());
        QVERIFY(!w.store()->isReadOnly());  // nothing in it runs: it is only never used
    }

    void aTriggerAddedWhileOpenTurnsTheDocketReadOnly() {
        TestDocket docket;
        { auto store = docket.openGenerated(30, 2); }
        MainWindow w;
        w.show();
        QVERIFY(w.openDocket(docket.path()));
        QVERIFY(!w.store()->isReadOnly());
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_qs, u"attacker"_qs);
            other.setDatabaseName(docket.path());
            QVERIFY(other.open());
            QSqlQuery q(other);
            QVERIFY2(q.exec(u"CREATE TRIGGER rename_on_update AFTER UPDATE ON cases BEGIN "
                            "UPDATE cases SET family_name='X' WHERE id=NEW.id; END"_qs),
                     qPrintable(q.lastError().text()));
        }
        QSqlDatabase::removeDatabase(u"attacker"_qs);
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QTRY_VERIFY_WITH_TIMEOUT(w.store()->isReadOnly(), 8000);
        QVERIFY2(MessageBox::lastText().contains(
                     u"trigger rename_on_update was added outside Discretion"_qs),
                 qPrintable(MessageBox::lastText()));
        QVERIFY(w.windowTitle().endsWith(u" — read-only"_qs));
        QVERIFY(w.findChild<QLabel *>(u"auditWarning"_qs)->isVisible());
        std::optional<Case> c = w.store()->loadCase(1);
        QVERIFY(c);
        QString error;
        QVERIFY(!w.store()->saveCase(*c, &error));  // nothing runs the trigger
    }
};

// The window remembers the last audit head it saw (in the user's settings, outside the
// docket): a history cut off and re-chained since, which verifies on its own, is named.
void TestAuditViews::aHistoryCutOffSinceLastTimeIsNamed() {
    TestDocket docket;
    { auto store = docket.openGenerated(12, 4); }
    {
        MainWindow w;
        QVERIFY(w.openDocket(docket.path()));
        w.close();  // remembers the head: entry 14
    }
    QProcess python;
    python.start(u"python3"_qs, rechainArgs(docket.path(), u"truncate"_qs, 5));
    QVERIFY(python.waitForFinished(30000) && python.exitCode() == 0);
    MainWindow w;
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QVERIFY(w.openDocket(docket.path()));
    QVERIFY2(MessageBox::lastText().contains(u"the docket's log now ends at entry 5: it was cut "
                                             "off"_qs),
             qPrintable(MessageBox::lastText()));
    QCOMPARE(w.findChild<QLabel *>(u"auditWarning"_qs)->text(), u"History rewritten"_qs);
}

QTEST_MAIN(TestAuditViews)
#include "tst_auditviews.moc"
