#include "CaseEditorDialog.h"
#include "CaseListView.h"
#include "DialogHelpers.h"
#include "FileDialog.h"
#include "ImportDialog.h"
#include "KeyInput.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "ReadOnlyFolder.h"
#include "Settings.h"
#include "ShownWindow.h"
#include "StatusBarController.h"
#include "TestDocket.h"
#include "TransferController.h"
#include "domain/ANumber.h"
#include "domain/Clock.h"
#include "io/DocketGenerator.h"
#include "models/CaseTableModel.h"
#include "models/CaseWindowModel.h"
#include "store/ReviewQueue.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>

namespace {
QString cell(MainWindow &w, int row, int column) {
    return w.caseModel()->data(w.caseModel()->index(row, column)).toString();
}
}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
    TestDocket m_docket;

  private Q_SLOTS:
    void initTestCase() {
        auto store = m_docket.open();
        QString error;
        QVERIFY2(DocketGenerator::fill(*store, 1500, 77, PinnedClock::today(), &error),
                 qPrintable(error));
    }

    // After the list is read again (here, a docket opened), the current case's details are
    // read and laid out after the list has drawn its new rows, not in the same turn of the
    // event loop as that paint (together they held the window 20–23 ms at 1.5M cases).
    void theDetailsWaitForTheListsFirstPaint() {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *panel = w.findChild<QTextBrowser *>(u"detailsPanel"_qs);
        QVERIFY(panel);
        int paints = 0, paintsBeforeDetails = -1;
        connect(w.caseTable(), &CaseListView::painted, panel, [&] { ++paints; });
        connect(panel->document(), &QTextDocument::contentsChanged, panel, [&] {
            if (paintsBeforeDetails < 0 && panel->toPlainText().contains(u"Born"_qs))
                paintsBeforeDetails = paints;
        });
        QTest::qWait(50);  // the empty window's own paints are done
        paints = 0;
        QVERIFY(w.openDocket(m_docket.path()));
        QTRY_VERIFY(paintsBeforeDetails >= 0);
        QVERIFY2(paintsBeforeDetails >= 1, "the details came before the list's first paint");
        // They wait for that paint: with the list unable to draw, nothing for a while, then
        // the details anyway (a list never drawn, in a hidden tab, still gets them).
        w.caseTable()->viewport()->setUpdatesEnabled(false);
        paints = 0;
        paintsBeforeDetails = -1;
        QVERIFY(w.openDocket(m_docket.path()));
        QVERIFY(!panel->toPlainText().contains(u"Born"_qs));  // nothing of the docket before
        QTest::qWait(60);
        QCOMPARE(paintsBeforeDetails, -1);
        QTRY_VERIFY(paintsBeforeDetails >= 0);
        QCOMPARE(paintsBeforeDetails, 0);
    }

    void opensTheDocketAndShowsCounts() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        auto *counts = w.findChild<QLabel *>(u"caseCounts"_qs);
        // Unfiltered, every case matches: the total shows before the list is counted.
        QVERIFY(!w.caseModel()->isCountExact());
        QCOMPARE(counts->text(), u"1,500 cases"_qs);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.windowTitle().contains(u"demo docket"_qs));
        QTRY_COMPARE(counts->text(), u"1,500 cases"_qs);
        // The label shows the total at once; the rows grow to it once counted (under load,
        // after the label: this was a race).
        QTRY_COMPARE(w.caseModel()->rowCount(), 1500);
        // The hearings-soon count of a docket is not shown beside the next one opened.
        auto *soon = w.findChild<QLabel *>(u"hearingsSoon"_qs);
        QTRY_VERIFY(!soon->text().isEmpty());
        QVERIFY(w.openDocket(m_docket.path()));
        QVERIFY(soon->text().isEmpty());
        QTRY_VERIFY(!soon->text().isEmpty());
        QVERIFY(w.caseModel()->waitForCount(10000));
        // The view holds the rows that fit; its scroll bar spans the whole list.
        CaseListView *table = w.caseTable();
        QCOMPARE(table->model()->rowCount(), table->rowsOnScreen() + 1);
        QCOMPARE(table->rowScrollBar()->maximum() + table->rowsOnScreen(), 1500);
    }

    // Sorted by court, the narrow Court column showed "Cour▾": every title keeps room for
    // itself and the sort arrow.
    void everyColumnTitleFitsWithItsSortArrow() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        QHeaderView *header = w.caseTable()->horizontalHeader();
        header->setSortIndicator(CaseTableModel::CourtColumn, Qt::AscendingOrder);
        for (int c = 0; c < CaseTableModel::ColumnCount - 1; ++c)  // the last one stretches
            QVERIFY2(header->sectionSize(c) >= header->sectionSizeHint(c),
                     qPrintable(u"column %1: %2 < %3"_qs.arg(c)
                                    .arg(header->sectionSize(c))
                                    .arg(header->sectionSizeHint(c))));
    }

    // At the old fixed width (150 px) a past Individual hearing read "2026-11-30 (past)  M…":
    // on a first start the column holds its widest text whole.
    void theHearingColumnHoldsAPastIndividualHearing() {
        Settings::setCaseTableHeader({});
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        CaseListView *table = w.caseTable();
        const QString text = CaseTableModel::hearingText(u"2026-11-30"_qs, true, u"individual"_qs);
        QVERIFY(text.contains(u"(past)"_qs) && text.endsWith(u"Individual"_qs));
        const int needed = table->fontMetrics().horizontalAdvance(text) + 6;  // both margins
        QVERIFY2(
            table->columnWidth(CaseTableModel::HearingColumn) >= needed,
            qPrintable(
                u"%1 < %2"_qs.arg(table->columnWidth(CaseTableModel::HearingColumn)).arg(needed)));
    }

    void searchFilterAndSortDriveTheList() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        w.show();
        auto *search = w.findChild<QLineEdit *>(u"searchEdit"_qs);
        // A family name with an accent in its first four letters, typed as a person would.
        int row = 0;
        QString prefix;
        for (; row < 300 && prefix.isEmpty(); ++row) {
            const QString start = cell(w, row, CaseTableModel::NameColumn).left(4);
            if (std::any_of(start.begin(), start.end(), [](QChar c) { return c.unicode() > 127; }))
                prefix = start.toLower();
        }
        QVERIFY2(!prefix.isEmpty(), "no accented name among the first 300 rows");
        const QString aNumber = cell(w, row - 1, CaseTableModel::ANumberColumn);
        typeText(search, prefix);
        QCOMPARE(search->text(), prefix);
        QTRY_VERIFY(w.caseModel()->rowCount() < 1500 && w.caseModel()->rowCount() > 0);
        QStringList found;
        for (int r = 0; r < w.caseModel()->rowCount(); ++r)
            found << cell(w, r, CaseTableModel::ANumberColumn);
        QVERIFY2(found.contains(aNumber), qPrintable(prefix));
        search->clear();
        QTRY_COMPARE(w.caseModel()->rowCount(), 1500);

        auto *court = w.findChild<QComboBox *>(u"courtFilter"_qs);
        court->setCurrentIndex(court->findData(u"BOS"_qs));
        QTRY_VERIFY(w.caseModel()->isCountExact());
        for (int r = 0; r < w.caseModel()->rowCount(); ++r)
            QCOMPARE(cell(w, r, CaseTableModel::CourtColumn), u"BOS"_qs);
        court->setCurrentIndex(0);

        // Sort by next hearing, newest first, by clicking the header twice.
        QHeaderView *header = w.caseTable()->horizontalHeader();
        const int x = header->sectionViewportPosition(CaseTableModel::NameColumn) + 5;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, 5));
        QCOMPARE(w.caseModel()->currentSort().key, CaseSortKey::Name);
        const int hx = header->sectionViewportPosition(CaseTableModel::HearingColumn) + 5;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(hx, 5));
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(hx, 5));
        QCOMPARE(w.caseModel()->currentSort().key, CaseSortKey::NextHearing);
        QVERIFY(w.caseModel()->currentSort().descending);
        QTRY_VERIFY(w.caseModel()->isCountExact());
        // Descending: cases with no hearing (sorted as 9999) first, then the latest dates.
        QString previous = u"9999-99-99"_qs;
        for (int r = 0; r < 300; ++r) {
            QString date = cell(w, r, CaseTableModel::HearingColumn).left(10);
            if (date.isEmpty())
                date = u"9999-12-31"_qs;
            QVERIFY2(date <= previous, qPrintable(date + u" after "_qs + previous));
            previous = date;
        }
    }

    // The search box leads into the list: Down or Enter moves there; one match is selected
    // at once; no match says so; extra width goes to Name and Counsel.
    void theSearchBoxLeadsIntoTheList() {
        // A first start: no column widths or splitter kept from an earlier run.
        const QString kept =
            QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
                .filePath(QCoreApplication::applicationName() + u".conf"_qs);
        QVERIFY(!QFile::exists(kept) || QFile::remove(kept));
        MainWindow w;
        QVERIFY(showOnDocket(w, m_docket.path()));
        auto *header = w.caseTable()->horizontalHeader();
        QCOMPARE(header->logicalIndex(header->count() - 1), int(CaseTableModel::CounselColumn));
        QVERIFY(header->sectionSize(CaseTableModel::StatusColumn) <
                header->sectionSize(CaseTableModel::CounselColumn));
        // Every column in sight at 1280 pixels, Counsel with room for a name (it was cut to
        // "Couns" behind a horizontal scroll bar, from a new user's look at the window).
        const int counselEnd = header->sectionViewportPosition(CaseTableModel::CounselColumn) +
                               header->sectionSize(CaseTableModel::CounselColumn);
        QVERIFY2(counselEnd <= header->viewport()->width(),
                 qPrintable(u"%1 > %2"_qs.arg(counselEnd).arg(header->viewport()->width())));
        QVERIFY(header->sectionSize(CaseTableModel::CounselColumn) >= 150);
        const QString aNumber = cell(w, 7, CaseTableModel::ANumberColumn);
        auto *search = w.findChild<QLineEdit *>(u"searchEdit"_qs);
        w.findChild<QAction *>(u"actionFind"_qs)->trigger();
        typeText(search, aNumber);
        QTest::keyClick(search, Qt::Key_Down);
        QTRY_COMPARE(w.caseModel()->rowCount(), 1);
        QCOMPARE(QApplication::focusWidget(), w.caseTable());
        QTRY_VERIFY(w.caseTable()->isRowSelected(0));
        search->clear();
        typeText(search, u"zzzz-nobody"_qs);
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE(w.caseModel()->rowCount(), 0);
        QTRY_VERIFY(w.findChild<QLabel *>(u"noMatches"_qs)->isVisible());
        search->clear();
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_VERIFY(!w.findChild<QLabel *>(u"noMatches"_qs)->isVisible());
        QVERIFY(w.findChild<QAction *>(u"actionAboutQt"_qs));
        // Typing in the list goes to the search box (not the view's row-by-row type-to-find).
        w.caseTable()->setFocus();
        QTest::keyClicks(w.caseTable(), u"Ru"_qs);
        QCOMPARE(search->text(), u"Ru"_qs);
        QCOMPARE(QApplication::focusWidget(), search);
        // Clear Filters empties the box and its clear button goes with the text (it stayed:
        // the box's own textChanged was blocked), and the list is read once, not twice.
        const auto clearButtonShown = [search] {
            for (const QToolButton *b : search->findChildren<QToolButton *>())
                if (b->isVisible())
                    return true;
            return false;
        };
        QTRY_VERIFY(clearButtonShown());
        QTRY_VERIFY(w.caseModel()->filter().search == u"Ru"_qs);
        QSignalSpy resets(w.caseModel(), &QAbstractItemModel::modelReset);
        w.findChild<QAction *>(u"actionClearFilters"_qs)->trigger();
        QVERIFY(search->text().isEmpty());
        QTRY_VERIFY(!clearButtonShown());
        QTest::qWait(400);  // longer than the search box's pause before it filters
        QCOMPARE(resets.size(), 1);
    }

    // Clearing or widening a filter keeps the case being read selected and in view.
    void theSelectionSurvivesClearingTheFilters() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        w.show();
        const QString aNumber = cell(w, 40, CaseTableModel::ANumberColumn);
        const QString family = cell(w, 40, CaseTableModel::NameColumn).section(u',', 0, 0);
        auto *search = w.findChild<QLineEdit *>(u"searchEdit"_qs);
        typeText(search, family);
        QTRY_VERIFY(w.caseModel()->rowCount() < 1500);
        int row = -1;
        for (int r = 0; r < w.caseModel()->rowCount(); ++r)
            if (cell(w, r, CaseTableModel::ANumberColumn) == aNumber)
                row = r;
        QVERIFY(row >= 0);
        w.caseTable()->selectRow(row);
        search->clear();  // the filter goes; the case stays selected, at its place in the list
        QTRY_COMPARE(w.caseModel()->rowCount(), 1500);
        const int current = w.caseTable()->currentRow();
        QCOMPARE(cell(w, current, CaseTableModel::ANumberColumn), aNumber);
        QCOMPARE(current, 40);
        QVERIFY(w.caseTable()->isRowSelected(40));
        QVERIFY(!w.caseTable()->rowRect(40).isEmpty());  // on screen
        // The details panel says whether an empty list was checked (filled after the list's
        // first paint of its new rows).
        const auto details = [&w] {
            return w.findChild<QWidget *>(u"detailsPanel"_qs)->property("plainText").toString();
        };
        const Case shown = *w.store()->loadCase(w.caseModel()->caseId(current));
        const QString expected = !shown.charges.isEmpty()
                                     ? u"Criminal history (%1)"_qs.arg(shown.charges.size())
                                 : shown.noCriminalHistoryCheckedOn.isValid()
                                     ? u"Criminal history (checked %1, none found)"_qs.arg(
                                           shown.noCriminalHistoryCheckedOn.toString(Qt::ISODate))
                                     : u"Criminal history (none recorded, not checked)"_qs;
        QTRY_VERIFY2(details().contains(expected), qPrintable(expected + u"\n"_qs + details()));
        // With no case selected, a new search starts at its first match, not where the list
        // was scrolled.
        w.caseTable()->clearSelection();
        w.caseTable()->scrollToBottom();
        QVERIFY(w.caseTable()->rowScrollBar()->value() > 0);
        QVERIFY(w.caseTable()->firstShownRow() > 0);
        typeText(search, family.left(3));
        QTRY_VERIFY(w.caseModel()->rowCount() < 1500);
        QCOMPARE(w.caseTable()->rowScrollBar()->value(), 0);
        QCOMPARE(w.caseTable()->firstShownRow(), 0);
    }

    // Right-click on the column titles: show or hide columns (not the A-number or Name).
    void theHeaderMenuShowsAndHidesColumns() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        w.show();
        QHeaderView *header = w.caseTable()->horizontalHeader();
        auto *menu = header->findChild<QMenu *>(u"headerMenu"_qs);
        QVERIFY(menu);
        QCOMPARE(menu->actions().size(), int(CaseTableModel::ColumnCount));
        const auto entry = [menu](int column) {
            return menu->findChild<QAction *>(u"showColumn%1"_qs.arg(column));
        };
        QVERIFY(!entry(CaseTableModel::ANumberColumn)->isEnabled());
        QVERIFY(!entry(CaseTableModel::NameColumn)->isEnabled());
        QTimer::singleShot(0, menu, [menu] { menu->close(); });
        Q_EMIT header->customContextMenuRequested(QPoint(10, 5));
        // The entries stand in the order of the columns on screen (Counsel last).
        QCOMPARE(menu->actions().constLast()->data().toInt(),
                 header->logicalIndex(header->count() - 1));
        QAction *custody = entry(CaseTableModel::CustodyColumn);
        QVERIFY(custody->isChecked());
        custody->trigger();
        QVERIFY(header->isSectionHidden(CaseTableModel::CustodyColumn));
        custody->trigger();
        QVERIFY(!header->isSectionHidden(CaseTableModel::CustodyColumn));
    }

    void editingACaseIsSavedAndSeenAfterReopening() {
        QString changedANumber;
        {
            MainWindow w;
            QVERIFY(w.openDocket(m_docket.path()));
            w.show();
            w.caseTable()->setFocus();
            w.caseTable()->selectRow(3);
            changedANumber = cell(w, 3, CaseTableModel::ANumberColumn);
            whenDialogOpens<CaseEditorDialog>([](CaseEditorDialog *d) {
                auto *family = d->findChild<QLineEdit *>(u"field_family_name"_qs);
                family->setText(u"Zuñiga-Test"_qs);
                auto *dob = d->findChild<QLineEdit *>(u"field_date_of_birth"_qs);
                dob->setText(u"02/30/1990"_qs);
                d->findChild<QPushButton *>(u"saveButton"_qs)->click();
                // The bad date is shown inline and nothing is saved yet.
                QVERIFY(d->isVisible());
                auto *error = d->findChild<QLabel *>(u"error_date_of_birth"_qs);
                QVERIFY(!error->isHidden());
                QVERIFY2(error->text().contains(u"not a date that exists"_qs),
                         qPrintable(error->text()));
                dob->setText(u"02/28/1990"_qs);
                d->findChild<QPushButton *>(u"saveButton"_qs)->click();
            });
            QTest::keyClick(w.caseTable(), Qt::Key_Return);
            QTRY_VERIFY(QApplication::activeModalWidget() == nullptr);
        }
        MainWindow again;
        QVERIFY(again.openDocket(m_docket.path()));
        auto *search = again.findChild<QLineEdit *>(u"searchEdit"_qs);
        search->setText(changedANumber);
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(again.caseModel()->rowCount(), 1);
        QCOMPARE(cell(again, 0, CaseTableModel::NameColumn).section(u',', 0, 0), u"Zuñiga-Test"_qs);
        const Case saved = *again.store()->loadCase(again.caseModel()->caseId(0));
        QCOMPARE(saved.dateOfBirth, QDate(1990, 2, 28));
        search->setText(u"zuniga"_qs);
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(again.caseModel()->rowCount(), 1);
    }

    // After a review or signing dialog the list is read again: the cases selected with
    // Ctrl+click stay selected (an attack helper saw only the reviewed one left).
    void aDialogsRefreshKeepsTheSelectedCases() {
        MainWindow w;
        QVERIFY(showOnDocket(w, m_docket.path()));
        CaseListView *table = w.caseTable();
        table->selectRow(2);
        for (int row : {5, 7}) {
            const QPoint at = table->rowRect(row).center();
            QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ControlModifier, at);
        }
        const auto selectedIds = [&w, table] {
            QList<qint64> ids;
            for (const RowSelection::Range &r : table->rowSelection().ranges())
                for (int row = r.first; row <= r.last; ++row)
                    ids << w.caseModel()->caseId(row);
            std::sort(ids.begin(), ids.end());
            return ids;
        };
        const QList<qint64> before = selectedIds();
        QCOMPARE(before.size(), 3);
        const qint64 reviewed = w.caseModel()->caseId(5);
        w.showCaseAgain(reviewed);
        QCOMPARE(w.caseModel()->caseId(table->currentRow()), reviewed);
        QCOMPARE(selectedIds(), before);
    }

    void addingAndDeletingACase() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        const qint64 before = w.store()->caseCount();
        whenDialogOpens<CaseEditorDialog>([](CaseEditorDialog *d) {
            d->findChild<QLineEdit *>(u"field_a_number"_qs)->setText(u"A099-888-777"_qs);
            d->findChild<QLineEdit *>(u"field_family_name"_qs)->setText(u"Newcase"_qs);
            auto *court = d->findChild<QComboBox *>(u"field_court"_qs);
            court->setCurrentIndex(court->findData(u"SEA"_qs));
            d->findChild<QPushButton *>(u"saveButton"_qs)->click();
        });
        w.newCase();
        QCOMPARE(w.store()->caseCount(), before + 1);
        const qint64 id = w.store()->findCaseId(u"099888777"_qs);
        QVERIFY(id > 0);
        QCOMPARE(w.store()->loadCase(id)->court, u"SEA"_qs);
        // Past the first page the new case is selected once the list is counted, and
        // nothing is selected until then (no action can take another case for it).
        QVERIFY(w.caseTable()->currentRow() < 0 ||
                w.caseModel()->caseId(w.caseTable()->currentRow()) == id);
        QTRY_COMPARE(w.caseModel()->caseId(w.caseTable()->currentRow()), id);

        MessageBox::setNextAnswer(QMessageBox::Cancel);
        w.deleteCurrentCase();
        QCOMPARE(w.store()->caseCount(), before + 1);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        w.deleteCurrentCase();
        QVERIFY(MessageBox::lastText().contains(u"A099-888-777"_qs));
        QCOMPARE(w.store()->caseCount(), before);
        QCOMPARE(w.store()->findCaseId(u"099888777"_qs), 0);
    }

    // A docket the user cannot write opens for reading; the actions that only write are off.
    void aReadOnlyDocketOpensForReading() {
        ReadOnlyFolder folder(m_docket.path(u"share"_qs));
        QString error;
        QVERIFY2(folder.seal({m_docket.path()}, &error), qPrintable(error));
        MainWindow w;
        QVERIFY(w.openDocket(folder.path(u"docket.sqlite"_qs)));
        w.show();
        QVERIFY2(w.windowTitle().endsWith(u" — read-only"_qs), qPrintable(w.windowTitle()));
        QTRY_COMPARE(w.caseModel()->rowCount(), 1500);
        for (const char *name : {"actionNewCase", "actionEditCase", "actionReview", "actionSign",
                                 "actionDeleteCase", "actionImportCsv"})
            QVERIFY2(!w.findChild<QAction *>(QLatin1String(name))->isEnabled(), name);
        QVERIFY(w.findChild<QAction *>(u"actionExportCsv"_qs)->isEnabled());
        QVERIFY(w.findChild<QAction *>(u"actionVerifyPdf"_qs)->isEnabled());
        QVERIFY2(w.statusBar()->currentMessage().startsWith(
                     u"Read-only: you cannot write its file or the folder it is in"_qs),
                 qPrintable(w.statusBar()->currentMessage()));
        // Enter on a row opens nothing that could try to write.
        w.caseTable()->setFocus();
        w.caseTable()->setCurrentRow(0);
        QTest::keyClick(w.caseTable(), Qt::Key_Return);
        QTest::qWait(50);
        QVERIFY(!QApplication::activeModalWidget());
    }

    void refusesABadFileWithAMessage() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        QVERIFY(m_docket.writeFile(u"notes.txt"_qs, "just text"));
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY(!w.openDocket(m_docket.path(u"notes.txt"_qs)));
        QVERIFY(MessageBox::lastText().contains(u"not an SQLite database"_qs));
        QCOMPARE(w.store()->path(), m_docket.path());  // still on the docket it had
    }

    void remembersColumnOrderAndWidths() {
        {
            MainWindow w;
            QVERIFY(w.openDocket(m_docket.path()));
            w.show();
            QHeaderView *header = w.caseTable()->horizontalHeader();
            header->resizeSection(CaseTableModel::NameColumn, 333);
            header->moveSection(header->visualIndex(CaseTableModel::CourtColumn), 0);
            w.close();
        }
        MainWindow again;
        QVERIFY(again.openDocket(m_docket.path()));
        QHeaderView *header = again.caseTable()->horizontalHeader();
        QCOMPARE(header->sectionSize(CaseTableModel::NameColumn), 333);
        QCOMPARE(header->visualIndex(CaseTableModel::CourtColumn), 0);
        QVERIFY(Settings::fileName().endsWith(u"/tst_mainwindow.conf"_qs));
        QVERIFY(QFile::exists(Settings::fileName()));
    }

    // A list shorter than one page is exact at once; the status bar counted it before it
    // had the docket and read "0 cases" (a new-user helper: 255 cases when a page held 256).
    void aSmallDocketIsCountedAtOpening() {
        constexpr int kCases = CaseTableModel::kBlockSize - 1;
        const QString counted = u"%1 cases"_qs.arg(kCases);
        TestDocket small;
        QCOMPARE(small.openGenerated(kCases, 5)->caseCount(), kCases);
        MainWindow w;
        QVERIFY(w.openDocket(small.path()));
        QCOMPARE(w.findChild<QLabel *>(u"caseCounts"_qs)->text(), counted);
        // A read-only docket's message does not outlive it when a writable one is opened.
        ReadOnlyFolder folder(m_docket.path(u"share-small"_qs));
        QString error;
        QVERIFY2(folder.seal({small.path()}, &error), qPrintable(error));
        QVERIFY(w.openDocket(folder.path(u"docket.sqlite"_qs)));
        QVERIFY(w.statusBar()->currentMessage().startsWith(u"Read-only: "_qs));
        QVERIFY(w.openDocket(small.path()));
        QCOMPARE(w.statusBar()->currentMessage(), QString());
        QCOMPARE(w.findChild<QLabel *>(u"caseCounts"_qs)->text(), counted);
    }

    // Opening another docket in the same window: nothing keeps the closed one (the status
    // bar's count of hearings soon used to read through it: a crash found by a helper), and
    // the list filters by what the filter bar shows (it kept a court the bar no longer did).
    void opensASecondDocketInTheSameWindow() {
        TestDocket second;
        QCOMPARE(second.openGenerated(300, 5)->caseCount(), 300);
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        auto *court = w.findChild<QComboBox *>(u"courtFilter"_qs);
        court->setCurrentIndex(court->findData(u"ATL"_qs));
        QTRY_VERIFY(w.caseModel()->isCountExact());
        auto *soon = w.findChild<QLabel *>(u"hearingsSoon"_qs);
        QVERIFY(w.openDocket(second.path()));
        QCOMPARE(court->currentData().toString(), u"ATL"_qs);
        QCOMPARE(w.caseModel()->filter().court, u"ATL"_qs);
        QTRY_VERIFY(w.caseModel()->isCountExact());
        QSqlQuery atl(u"SELECT count(*) FROM cases WHERE court = 'ATL'"_qs, w.store()->database());
        QVERIFY(atl.next());
        QCOMPARE(w.caseModel()->rowCount(), atl.value(0).toInt());
        const qint64 expected =
            ReviewQueue(w.store()->database(), w.caseModel()->filter())
                .hearingsWithoutDecision(Clock::today(),
                                         Clock::today().addDays(ReviewQueue::kSoonDays));
        QTRY_COMPARE(w.statusBarController()->isCountingHearings(), false);
        QCOMPARE(soon->text().section(u' ', 0, 0).toLongLong(), expected);
    }

    // After File › Import the status bar says what the import did, not that "another
    // program" changed the docket (the change watch ran while the import wrote).
    void anImportIsSummedUpInTheStatusBar() {
        TestDocket docket;
        {
            auto store = docket.open();
            Case first = makeCase(u"204555900"_qs, u"Abad"_qs);
            QString error;
            QVERIFY2(store->saveCase(first, &error), qPrintable(error));
        }
        QVERIFY(docket.writeFile(u"two.csv"_qs,
                                 "a_number,family_name\nA204555901,Ruiz\nA204555902,Diaz\n"));
        MainWindow w;
        QVERIFY(w.openDocket(docket.path()));
        const qint64 selected = w.store()->findCaseId(u"204555900"_qs);
        auto *table = w.findChild<QTableView *>(u"caseTable"_qs);
        table->selectRow(w.caseModel()->rowOfCase(selected));
        QCOMPARE(w.caseModel()->caseId(table->currentIndex().row()), selected);
        QTimer::singleShot(0, &w, [] {
            auto *dialog = qobject_cast<ImportDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QTest::qWait(2500);  // longer than the change watch's interval
            dialog->runImport();
            dialog->accept();
        });
        w.transfer()->importFile(docket.path(u"two.csv"_qs), false);
        QCOMPARE(w.statusBar()->currentMessage(),
                 u"Imported 2, updated 0, skipped 0 already in the docket, rejected 0."_qs);
        QTest::qWait(2500);
        QCOMPARE(w.statusBar()->currentMessage(),
                 u"Imported 2, updated 0, skipped 0 already in the docket, rejected 0."_qs);
        QCOMPARE(w.caseModel()->rowCount(), 3);
        // The case selected before stays selected (the import dropped the selection).
        QCOMPARE(w.caseModel()->caseId(table->currentIndex().row()), selected);
    }

    // Counts in messages are grouped as the person's locale writes them.
    // End makes the last row current before its page is read (rows are read on the list's
    // own thread): the details show that case when it arrives, and actions take that case.
    void theDetailsFollowTheCurrentRowOnceItIsRead() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.caseModel()->waitForCount(10000));
        auto *details = w.findChild<QWidget *>(u"detailsPanel"_qs);
        const qint64 first = w.caseModel()->caseId(0);
        const QString firstNumber = ANumber::displayDigits(w.store()->loadCase(first)->aNumber);
        QTRY_VERIFY(details->property("plainText").toString().contains(firstNumber));
        w.caseTable()->setFocus();
        w.caseTable()->windowModel()->setWaitForRows(0);  // as if the disk were slow
        QTest::keyClick(w.caseTable(), Qt::Key_End);
        QCOMPARE(w.caseTable()->currentCaseId(), 0);  // its page is not here yet: no case
        // Meanwhile the details do not show the case before (they say it is being read).
        QTRY_VERIFY(!details->property("plainText").toString().contains(firstNumber));
        const qint64 last = w.caseModel()->caseId(1499);
        const QString lastNumber = ANumber::displayDigits(w.store()->loadCase(last)->aNumber);
        QTRY_VERIFY2(details->property("plainText").toString().contains(lastNumber),
                     qPrintable(details->property("plainText").toString()));
        QCOMPARE(w.caseTable()->currentCaseId(), last);
    }

    void importCountsAreGroupedForReading() {
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        ImportReport r;
        r.imported = 1500000;
        r.skipped = 2500;
        const QString text = ImportDialog::summary(r);
        QLocale::setDefault(before);
        QCOMPARE(
            text,
            u"Imported 1,500,000, updated 0, skipped 2,500 already in the docket, rejected 0."_qs);
    }

    void exportsTheFilteredList() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        auto *court = w.findChild<QComboBox *>(u"courtFilter"_qs);
        court->setCurrentIndex(court->findData(u"ATL"_qs));
        QTRY_VERIFY(w.caseModel()->isCountExact());
        // The export runs on a worker: the window's event loop runs meanwhile (a timer
        // due now fires before exportFile returns; it used to wait for the whole file).
        bool loopRan = false;
        QTimer::singleShot(0, &w, [&loopRan] { loopRan = true; });
        QVERIFY(w.transfer()->exportFile(m_docket.path(u"atl.csv"_qs), false));
        QVERIFY(loopRan);
        QFile f(m_docket.path(u"atl.csv"_qs));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const int lines = f.readAll().count('\n');
        QCOMPARE(lines, w.caseModel()->rowCount() + 1);
        // The file's name, not its whole path, so the count stays in sight at 1280 pixels.
        QCOMPARE(w.statusBar()->currentMessage(),
                 u"Exported %1 cases to atl.csv."_qs.arg(w.caseModel()->rowCount()));
        QVERIFY(w.transfer()->exportFile(m_docket.path(u"atl-masked.csv"_qs), false, true));
        QCOMPARE(w.statusBar()->currentMessage(),
                 u"Exported %1 cases to atl-masked.csv, masked: no names or A-numbers."_qs.arg(
                     w.caseModel()->rowCount()));
    }

    // Another program removes the selected case: nothing is selected in its stead (an attack
    // helper's open row menu then deleted the neighbour that took its row), and the status
    // bar says why. Last: it removes a case from the shared docket.
    void aCaseRemovedElsewhereLeavesNothingSelected() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        QTRY_VERIFY(w.caseModel()->isCountExact());
        int row = 0;
        while (w.store()->loadCase(w.caseModel()->caseId(row))->reviewStatus != u"not_reviewed")
            ++row;
        w.caseTable()->selectRow(row);
        const qint64 id = w.caseModel()->caseId(row);
        QCOMPARE(w.caseTable()->currentCaseId(), id);
        {
            QString error;
            auto other =
                CaseStore::open(m_docket.path(), CaseStore::OpenMode::OpenExisting, &error);
            QVERIFY2(other && other->deleteCase(id, &error), qPrintable(error));
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            w.statusBar()->currentMessage().contains(u"no longer in the list"_qs), 6000);
        QCOMPARE(w.caseTable()->currentRow(), -1);
        QCOMPARE(w.caseTable()->currentCaseId(), 0);
        QCOMPARE(w.caseTable()->rowSelection().count(), 0);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
