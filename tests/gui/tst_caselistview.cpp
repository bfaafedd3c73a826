#include "CaseListView.h"
#include "TestDocket.h"
#include "models/CaseTableModel.h"
#include "models/CaseWindowModel.h"
#include "store/CasePager.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QWheelEvent>

// The case list's view over a list longer than the screen: it holds only the rows on
// screen, and keys, clicks, the wheel and selection work on rows of the whole list.
class TestCaseListView : public QObject {
    Q_OBJECT
    static constexpr int kCases = 3000;
    TestDocket m_docket;
    std::unique_ptr<CaseStore> m_store;
    std::unique_ptr<CaseTableModel> m_model;
    std::unique_ptr<CaseListView> m_view;

    CaseListView &view() { return *m_view; }
    int last() const { return kCases - 1; }
    void click(int row, Qt::KeyboardModifiers mods = {}, Qt::MouseButton button = Qt::LeftButton) {
        const QRect rect = view().rowRect(row);
        QVERIFY2(!rect.isEmpty(), qPrintable(QStringLiteral("row %1 is not on screen").arg(row)));
        QTest::mouseClick(view().viewport(), button, mods, rect.center());
    }
    // The rows Qt's view shows as selected, as list rows.
    QList<int> shownSelected() {
        QList<int> rows;
        for (const QModelIndex &i : view().selectionModel()->selectedRows())
            rows << view().windowModel()->listRow(i.row());
        std::sort(rows.begin(), rows.end());
        return rows;
    }
    // A new list of the cases with this custody, its count not known yet.
    bool showCustody(const QString &code) {
        CaseFilter filter;
        filter.custody = code;
        m_model->setFilter(filter);
        return !m_model->isCountExact();
    }
    bool wholeOnScreen(int row) {
        const QRect rect = view().rowRect(row);
        return !rect.isEmpty() && rect.top() >= 0 && rect.bottom() < view().viewport()->height();
    }

  private Q_SLOTS:
    void initTestCase() {
        m_store = m_docket.openGenerated(kCases, 15);
        QVERIFY(m_store);
    }

    void init() {
        m_model = std::make_unique<CaseTableModel>();
        m_view = std::make_unique<CaseListView>();
        view().setSelectionBehavior(QAbstractItemView::SelectRows);
        view().setSelectionMode(QAbstractItemView::ExtendedSelection);
        view().verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view().verticalHeader()->setDefaultSectionSize(24);
        view().setCaseModel(m_model.get());
        m_model->setStore(m_store.get());
        QVERIFY(m_model->waitForCount(10000));
        view().resize(700, 24 * 20 + 60);
        view().show();
        QVERIFY(QTest::qWaitForWindowExposed(&view()));
        QCOMPARE(m_model->rowCount(), kCases);
    }

    void cleanup() {
        m_view.reset();
        m_model.reset();
    }

    // Qt's view keeps an item per row of its model: it is given the rows on screen.
    void theViewHoldsOnlyTheRowsOnScreen() {
        const int page = view().rowsOnScreen();
        QVERIFY2(page >= 15 && page <= 22, qPrintable(QString::number(page)));
        QCOMPARE(view().model()->rowCount(), page + 1);
        QCOMPARE(view().verticalHeader()->count(), page + 1);
        QCOMPARE(view().rowScrollBar()->maximum(), kCases - page);
        QCOMPARE(view().rowScrollBar()->pageStep(), page);
        QVERIFY(view().rowScrollBar()->isVisible());
    }

    void theCountArrivingMovesTheScrollBarNotTheView() {
        QSignalSpy inserted(view().model(), &QAbstractItemModel::rowsInserted);
        CaseFilter filter;
        filter.court = m_model->data(m_model->index(0, CaseTableModel::CourtColumn)).toString();
        m_model->setFilter(filter);  // a new list: a first page, then its count
        QVERIFY(m_model->waitForCount(10000));
        QVERIFY(m_model->rowCount() > view().rowsOnScreen());
        QCOMPARE(view().rowScrollBar()->maximum(), m_model->rowCount() - view().rowsOnScreen());
        QCOMPARE(view().model()->rowCount(), view().rowsOnScreen() + 1);
        QVERIFY(inserted.isEmpty());  // the first page already filled the screen
    }

    void keysMoveThroughTheWholeList() {
        const int page = view().rowsOnScreen();
        view().setFocus();
        view().selectRow(0);
        for (int i = 0; i < page; ++i)
            QTest::keyClick(&view(), Qt::Key_Down);
        QCOMPARE(view().currentRow(), page);  // one row past the screen: scrolled by one
        QCOMPARE(view().firstShownRow(), 1);
        QVERIFY(wholeOnScreen(page));
        QTest::keyClick(&view(), Qt::Key_End);
        QCOMPARE(view().currentRow(), last());
        QVERIFY(wholeOnScreen(last()));
        QCOMPARE(view().firstShownRow(), kCases - page);
        QCOMPARE(shownSelected(), QList<int>{last()});
        QTest::keyClick(&view(), Qt::Key_PageUp);
        QCOMPARE(view().currentRow(), last() - page);
        QVERIFY(wholeOnScreen(last() - page));
        QTest::keyClick(&view(), Qt::Key_Down, Qt::ShiftModifier);
        QTest::keyClick(&view(), Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(view().rowSelection().count(), 3);
        QTest::keyClick(&view(), Qt::Key_Home);
        QCOMPARE(view().currentRow(), 0);
        QCOMPARE(view().firstShownRow(), 0);
        QCOMPARE(view().rowSelection().count(), 1);
        QTest::keyClick(&view(), Qt::Key_Up);  // stays on the first row
        QCOMPARE(view().currentRow(), 0);
    }

    void ctrlArrowsMoveWithoutSelecting() {
        view().setFocus();
        view().selectRow(5);
        QTest::keyClick(&view(), Qt::Key_Down, Qt::ControlModifier);
        QTest::keyClick(&view(), Qt::Key_Down, Qt::ControlModifier);
        QCOMPARE(view().currentRow(), 7);
        QCOMPARE(shownSelected(), QList<int>{5});
        QTest::keyClick(&view(), Qt::Key_Space, Qt::ControlModifier);
        QCOMPARE(shownSelected(), (QList<int>{5, 7}));
    }

    void shiftClickSelectsAcrossRowsScrolledPast() {
        click(2);
        QCOMPARE(view().currentRow(), 2);
        view().scrollToBottom();
        QVERIFY(view().rowRect(2).isEmpty());
        click(last(), Qt::ShiftModifier);
        QCOMPARE(view().currentRow(), last());
        QCOMPARE(view().rowSelection().count(), kCases - 2);
        QVERIFY(view().isRowSelected(1500));
        QVERIFY(!view().isRowSelected(1));
        // On screen, Qt's view shows exactly the selected rows.
        QCOMPARE(shownSelected().size(), view().model()->rowCount());
        view().scrollToTop();
        QCOMPARE(
            shownSelected(),
            (QList<int>{2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21}.mid(
                0, view().model()->rowCount() - 2)));
        click(4, Qt::ControlModifier);  // out of the selection
        QCOMPARE(view().rowSelection().count(), kCases - 3);
        QVERIFY(!view().isRowSelected(4));
        click(10);  // a plain click: that row alone
        QCOMPARE(view().rowSelection().count(), 1);
    }

    void ctrlASelectsTheWholeList() {
        view().setFocus();
        view().selectRow(10);
        QTest::keyClick(&view(), Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(view().rowSelection().count(), kCases);
        QCOMPARE(view().currentRow(), 10);
        QCOMPARE(shownSelected().size(), view().model()->rowCount());
    }

    void rightClickKeepsASelectionItIsPartOf() {
        view().selectRow(3);
        click(6, Qt::ShiftModifier);
        click(5, {}, Qt::RightButton);
        QCOMPARE(view().rowSelection().count(), 4);
        QCOMPARE(view().currentRow(), 5);
        click(12, {}, Qt::RightButton);  // outside it: that row alone
        QCOMPARE(view().rowSelection().count(), 1);
        QCOMPARE(view().currentRow(), 12);
    }

    void dragSelectsFromWhereItStarted() {
        const QPoint from = view().rowRect(3).center();
        const QPoint to = view().rowRect(8).center();
        QTest::mousePress(view().viewport(), Qt::LeftButton, {}, from);
        QMouseEvent move(QEvent::MouseMove, to, view().viewport()->mapToGlobal(to), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view().viewport(), &move);
        QTest::mouseRelease(view().viewport(), Qt::LeftButton, {}, to);
        QCOMPARE(view().rowSelection().ranges(), (QList<RowSelection::Range>{{3, 8}}));
        QCOMPARE(view().currentRow(), 8);
    }

    void theWheelScrollsTheWindow() {
        const QPoint at = view().viewport()->rect().center();
        QWheelEvent down(at, view().viewport()->mapToGlobal(at), {}, {0, -240}, Qt::NoButton,
                         Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view().viewport(), &down);
        QCOMPARE(view().firstShownRow(), 2 * QApplication::wheelScrollLines());
        QCOMPARE(view().rowScrollBar()->value(), view().firstShownRow());
        // What is drawn is the list's row at that place.
        const QModelIndex top = view().model()->index(0, CaseTableModel::ANumberColumn);
        QCOMPARE(view().model()->data(top),
                 m_model->data(m_model->index(view().firstShownRow(), 0)));
    }

    void theScrollBarMovesTheWindow() {
        view().rowScrollBar()->setValue(1234);
        QCOMPARE(view().firstShownRow(), 1234);
        QCOMPARE(view().listRowAt(view().rowRect(1240).center()), 1240);
        view().rowScrollBar()->triggerAction(QAbstractSlider::SliderToMaximum);
        QVERIFY(wholeOnScreen(last()));
    }

    void doubleClickActivatesTheListRow() {
        view().scrollToRow(2000, QAbstractItemView::PositionAtTop);
        QSignalSpy activated(&view(), &QAbstractItemView::activated);
        // As a window system delivers it: a click, then the second press as a double click.
        const QPoint at = view().rowRect(2003).center();
        QTest::mouseClick(view().viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(view().viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(view().currentRow(), 2003);
        const auto index = activated.first().first().value<QModelIndex>();
        QCOMPARE(view().windowModel()->listRow(index.row()), 2003);
    }

    void enterActivatesTheCurrentRow() {
        view().setFocus();
        view().selectRow(2500);
        QSignalSpy activated(&view(), &QAbstractItemView::activated);
        QTest::keyClick(&view(), Qt::Key_Return);
        QCOMPARE(activated.size(), 1);
        const auto index = activated.first().first().value<QModelIndex>();
        QCOMPARE(view().windowModel()->listRow(index.row()), 2500);
    }

    void aNewListStartsAtItsTopWithNothingSelected() {
        view().selectRow(2500);
        QSignalSpy current(&view(), &CaseListView::currentRowChanged);
        m_model->sort(CaseTableModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(view().currentRow(), -1);
        QCOMPARE(view().rowSelection().count(), 0);
        QCOMPARE(view().firstShownRow(), 0);
        QCOMPARE(view().rowScrollBar()->value(), 0);
        QVERIFY(shownSelected().isEmpty());
        QVERIFY(current.isEmpty());  // a reset is announced by the model's reset
    }

    // The wheel or a smaller window takes the current row off the rows Qt's view holds: it
    // stays the current row, the one Edit, Review or Delete acts on (an attack helper saw the
    // details and Delete move to the row above).
    void theCurrentRowStaysWhenItLeavesTheScreen() {
        const int bottom = view().rowsOnScreen() - 1;
        click(bottom);
        QSignalSpy moved(&view(), &CaseListView::currentRowChanged);
        const QPoint at = view().viewport()->rect().center();
        QWheelEvent up(at, view().viewport()->mapToGlobal(at), {}, {0, -120}, Qt::NoButton,
                       Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view().viewport(), &up);
        QVERIFY(view().firstShownRow() > 0);
        QWheelEvent back(at, view().viewport()->mapToGlobal(at), {}, {0, 120}, Qt::NoButton,
                         Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view().viewport(), &back);
        QCOMPARE(view().firstShownRow(), 0);
        view().resize(view().width(), view().height() / 2);  // the current row off the screen
        QCoreApplication::processEvents();
        QVERIFY(view().rowRect(bottom).isEmpty());
        QCOMPARE(view().currentRow(), bottom);
        view().resize(view().width(), view().height() * 2);
        QCoreApplication::processEvents();
        QCOMPARE(view().currentRow(), bottom);
        QCOMPARE(view().rowSelection().ranges(), (QList<RowSelection::Range>{{bottom, bottom}}));
        QVERIFY(moved.isEmpty());
    }

    // Qt's view makes the top row on screen current when it gets the focus without one.
    void theFocusComingBackKeepsTheCurrentRow() {
        view().selectRow(5);
        view().scrollToRow(1000, QAbstractItemView::PositionAtTop);
        QFocusEvent out(QEvent::FocusOut, Qt::ActiveWindowFocusReason);
        QApplication::sendEvent(&view(), &out);
        QFocusEvent in(QEvent::FocusIn, Qt::TabFocusReason);
        QApplication::sendEvent(&view(), &in);
        QCOMPARE(view().currentRow(), 5);
        QTest::keyClick(&view(), Qt::Key_Tab);  // leaves the list; moves nothing within it
        QCOMPARE(view().currentRow(), 5);
        QCOMPARE(view().rowSelection().count(), 1);
    }

    void enterOpensTheCurrentRowWhereverTheListIsScrolled() {
        view().selectRow(7);
        view().scrollToRow(2500, QAbstractItemView::PositionAtTop);
        QSignalSpy activated(&view(), &QAbstractItemView::activated);
        QTest::keyClick(&view(), Qt::Key_Return);
        QCOMPARE(activated.size(), 1);
        const auto index = activated.first().first().value<QModelIndex>();
        QCOMPARE(view().windowModel()->listRow(index.row()), 7);
        QVERIFY(wholeOnScreen(7));  // the case it opens is in sight
    }

    void aSelectedRowComingIntoViewIsShownSelected() {
        view().selectRow(view().rowsOnScreen() + 3);
        view().scrollToTop();
        QVERIFY(view().rowRect(view().rowsOnScreen() + 3).isEmpty());
        view().resize(view().width(), view().height() + 24 * 8);
        QCoreApplication::processEvents();
        QVERIFY(wholeOnScreen(view().rowsOnScreen() - 5));
        QCOMPARE(shownSelected(), QList<int>{view().currentRow()});
    }

    // Ctrl+A while the list is still its first page selects the rest when it is counted.
    void selectAllBeforeTheCountTakesTheWholeList() {
        QVERIFY(showCustody(QStringLiteral("R")));
        view().selectAll();
        QCOMPARE(view().rowSelection().count(), m_model->rowCount());
        QVERIFY(m_model->waitForCount(10000));
        QVERIFY(m_model->rowCount() > CaseTableModel::kBlockSize);
        QCOMPARE(view().rowSelection().count(), m_model->rowCount());
    }

    // After the list is read again (an edit, a delete, another program's change) the
    // selected cases are selected again; a case gone leaves its row current, even past the
    // first page (a helper's delete at row 1040 landed on row 63).
    void aPlaceIsRestoredAfterTheListIsReadAgain() {
        view().selectRow(3);
        click(6, Qt::ShiftModifier);
        click(9, Qt::ControlModifier);
        const CaseListView::Place several = view().place();
        m_model->refresh();
        QCOMPARE(view().rowSelection().count(), 0);
        view().restore(several);
        QCOMPARE(view().rowSelection().ranges(), (QList<RowSelection::Range>{{3, 6}, {9, 9}}));
        QCOMPARE(view().currentRow(), 9);
        view().selectAll();
        const CaseListView::Place all = view().place();
        QVERIFY(all.all);
        m_model->refresh();
        view().restore(all);
        QVERIFY(m_model->waitForCount(10000));  // the rest of the list joins when counted
        QCOMPARE(view().rowSelection().count(), kCases);
        CaseListView::Place gone;
        gone.currentRow = 1040;  // its case no longer in the list
        m_model->refresh();
        QVERIFY(!m_model->isCountExact());
        view().restore(gone);
        // Nothing waits and nothing is selected until the row can be reached.
        QCOMPARE(view().currentRow(), -1);
        QCOMPARE(view().rowSelection().count(), 0);
        QCOMPARE(view().place().currentRow, 1040);  // a sort meanwhile keeps the place
        QVERIFY(m_model->waitForCount(10000));
        QCOMPARE(view().currentRow(), 1040);
        QCOMPARE(view().rowSelection().count(), 1);
        QVERIFY(wholeOnScreen(1040));
    }

    // After one's own Save the list is read again: the case stays at the height it had on
    // screen (it was centred, and the rows jumped under the attorney's eyes); one that moved
    // in the sort is shown at that height in its new place.
    void aRestoredCaseKeepsItsHeightOnScreen() {
        view().scrollToRow(1234, QAbstractItemView::PositionAtTop);
        click(1237);
        const CaseListView::Place place = view().place();
        QCOMPARE(place.rowOnScreen, 3);
        m_model->refresh();
        view().restoreWhenFound(place);
        QTRY_COMPARE_WITH_TIMEOUT(view().currentRow(), 1237, 10000);
        QCOMPARE(view().firstShownRow(), 1234);
        // The same case now at row 2000 of another list (its place kept, its row moved).
        CaseListView::Place moved = place;
        moved.currentRow = 2000;
        moved.currentId = m_model->caseId(2000);
        view().restore(moved);
        QCOMPARE(view().currentRow(), 2000);
        QCOMPARE(view().firstShownRow(), 1997);
        // A case that was off screen is brought to the middle.
        moved.rowOnScreen = -1;
        view().restore(moved);
        QCOMPARE(view().firstShownRow(), 2000 - view().rowsOnScreen() / 2);
    }

    // The case being read deleted by another program: nothing is selected, and the list stays
    // where it was (it went back to its top and the attorney lost their place), once the
    // count reaches that row.
    void theListStaysWhereItWasWhenTheCaseIsGone() {
        view().scrollToRow(1234, QAbstractItemView::PositionAtTop);
        click(1240);
        CaseListView::Place gone = view().place();
        QCOMPARE(gone.top, 1234);
        gone.currentId = 987654321;  // no longer in the docket
        gone.currentRow = -1;        // nothing in its stead
        gone.ids.clear();
        m_model->refresh();
        QVERIFY(!m_model->isCountExact());
        view().restore(gone);
        QVERIFY(m_model->waitForCount(10000));
        QCOMPARE(view().currentRow(), -1);
        QCOMPARE(view().firstShownRow(), 1234);
    }

    void sortingKeepsTheSelectedCases() {
        view().scrollToRow(100, QAbstractItemView::PositionAtTop);
        click(100);
        click(105, Qt::ControlModifier);
        const qint64 current = m_model->caseId(105);
        const qint64 other = m_model->caseId(100);
        view().model()->sort(CaseTableModel::NameColumn, Qt::DescendingOrder);  // a title click
        QCOMPARE(m_model->currentSort().key, CaseSortKey::Name);
        QVERIFY(m_model->waitForCount(10000));  // the case may lie past the first page
        // The cases are looked for in the new order on a worker: the click waits for them.
        QTRY_COMPARE_WITH_TIMEOUT(m_model->caseId(view().currentRow()), current, 10000);
        QVERIFY(view().isRowSelected(m_model->rowOfCase(other)));
        QCOMPARE(view().rowSelection().count(), 2);
        QVERIFY(wholeOnScreen(view().currentRow()));
    }

    // Before the count, End selects nothing, then the last row of the list once counted (a
    // row selected meanwhile would be acted on, then moved away from: an attack helper's
    // Menu key opened one case's menu and its Edit opened another); a key pressed meanwhile
    // keeps the row it chose.
    void endGoesOnToTheEndWhenCounted() {
        QVERIFY(showCustody(QStringLiteral("R")));
        view().setFocus();
        view().selectRow(3);
        QTest::keyClick(&view(), Qt::Key_End);
        QCOMPARE(view().currentRow(), -1);
        QCOMPARE(view().currentCaseId(), 0);
        QCOMPARE(view().rowSelection().count(), 0);
        QVERIFY(m_model->waitForCount(10000));
        QVERIFY(m_model->rowCount() > CaseTableModel::kBlockSize);
        QCOMPARE(view().currentRow(), m_model->rowCount() - 1);
        QVERIFY(wholeOnScreen(view().currentRow()));
        QVERIFY(showCustody(QStringLiteral("N")));
        QTest::keyClick(&view(), Qt::Key_End);
        QTest::keyClick(&view(), Qt::Key_Up);  // no current row: the top row on screen
        const int chosen = view().currentRow();
        QVERIFY(chosen >= 0);
        QVERIFY(m_model->waitForCount(10000));
        QCOMPARE(view().currentRow(), chosen);
    }

    void clickingTheRowCutAtTheBottomBringsItWhole() {
        const int cut = view().rowsOnScreen();  // the part of a row below the whole ones
        const QRect rect = view().rowRect(cut);
        QVERIFY(!rect.isEmpty());
        QVERIFY(rect.bottom() >= view().viewport()->height());
        QTest::mouseClick(view().viewport(), Qt::LeftButton, {}, rect.topLeft() + QPoint(5, 1));
        QCOMPARE(view().currentRow(), cut);
        QVERIFY(wholeOnScreen(cut));
        QCOMPARE(view().firstShownRow(), 1);
    }

    // The first press brings a cut row up whole; the double click that follows opens that
    // row, not the one under the pointer now (the attack helper opened the next case).
    void aDoubleClickOnTheCutRowOpensThatRow() {
        const int cut = view().rowsOnScreen();
        const QPoint at = view().rowRect(cut).topLeft() + QPoint(5, 1);
        QSignalSpy activated(&view(), &QAbstractItemView::activated);
        QTest::mousePress(view().viewport(), Qt::LeftButton, {}, at);
        QTest::mouseRelease(view().viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(view().firstShownRow(), 1);
        QCOMPARE(view().listRowAt(at), cut + 1);  // the pointer is over the next case now
        QMouseEvent second(QEvent::MouseButtonDblClick, at, view().viewport()->mapToGlobal(at),
                           Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view().viewport(), &second);
        QCOMPARE(activated.size(), 1);
        const auto index = activated.first().first().value<QModelIndex>();
        QCOMPARE(view().windowModel()->listRow(index.row()), cut);
        QCOMPARE(view().currentRow(), cut);
    }

    // A right click does not scroll: the row menu opens for the row under the pointer.
    void aRightClickOnTheCutRowStaysPut() {
        const int cut = view().rowsOnScreen();
        const QPoint at = view().rowRect(cut).topLeft() + QPoint(5, 1);
        QTest::mouseClick(view().viewport(), Qt::RightButton, {}, at);
        QCOMPARE(view().firstShownRow(), 0);
        QCOMPARE(view().listRowAt(at), cut);
        QCOMPARE(view().currentRow(), cut);
    }

    // Ctrl+A, then a click before the count: the click's row alone, also once counted.
    void aClickAfterSelectAllBeforeTheCountWins() {
        QVERIFY(showCustody(QStringLiteral("D")));
        view().selectAll();
        click(0);
        QVERIFY(m_model->waitForCount(10000));
        QCOMPARE(view().rowSelection().count(), 1);
        QVERIFY(!view().place().all);
    }

    // Nothing here waits in a nested event loop: inside one, a second Undo ran within the
    // first and freed it (a crash found by the attack helper).
    void nothingWaitsForTheCount() {
        bool ranInside = false;
        const auto probe = [&ranInside] {
            QTimer::singleShot(0, qApp, [&ranInside] { ranInside = true; });
        };
        m_model->refresh();
        QVERIFY(!m_model->isCountExact());
        probe();
        CaseListView::Place deep;
        deep.currentRow = 2500;  // a case gone, its place past the first page
        view().restore(deep);
        view().setFocus();
        QTest::keyClick(&view(), Qt::Key_End);
        QVERIFY(view().selectCase(m_model->caseId(5)));
        QVERIFY(!ranInside);
        QVERIFY(m_model->waitForCount(10000));
    }

    // The list read again between the two presses: the second is a press, and opens nothing.
    void aDoubleClickAcrossARereadOpensNothing() {
        const QPoint at = view().rowRect(5).center();
        QTest::mouseClick(view().viewport(), Qt::LeftButton, {}, at);
        m_model->refresh();
        QSignalSpy activated(&view(), &QAbstractItemView::activated);
        QTest::mouseDClick(view().viewport(), Qt::LeftButton, {}, at);
        QVERIFY(activated.isEmpty());
    }

    // A current row left unselected by Ctrl+click is not selected by the list being re-read.
    void aRereadSelectsNothingThatWasNotSelected() {
        click(2);
        click(6, Qt::ControlModifier);
        click(6, Qt::ControlModifier);  // current, not selected
        const qint64 current = m_model->caseId(6);
        m_model->refresh();
        view().restore(view().place());  // a place taken after the reset: nothing
        QCOMPARE(view().currentRow(), -1);
        click(2);
        click(6, Qt::ControlModifier);
        click(6, Qt::ControlModifier);
        const CaseListView::Place before = view().place();
        m_model->refresh();
        view().restore(before);
        QCOMPARE(view().currentCaseId(), current);
        QCOMPARE(view().rowSelection().ranges(), (QList<RowSelection::Range>{{2, 2}}));
    }

    // Selected cases past the rows read so far wait for the count with the rest.
    void keptCasesPastTheFirstPageAreSelectedWhenCounted() {
        click(10);
        view().scrollToRow(70);
        click(70, Qt::ShiftModifier);
        view().setCurrentRow(10);
        const CaseListView::Place before = view().place();
        QCOMPARE(before.ids.size(), 61);
        m_model->refresh();
        view().restore(before);
        QCOMPARE(view().rowSelection().count(), 0);  // nothing until all can be selected
        QVERIFY(m_model->waitForCount(10000));
        QCOMPARE(view().rowSelection().ranges(), (QList<RowSelection::Range>{{10, 70}}));
        QCOMPARE(view().currentRow(), 10);
    }

    // More than kKeptCases selected: the current case stays, and the view says so.
    void aLargeSelectionNarrowsAndSaysSo() {
        click(0);
        view().scrollToRow(500);
        click(500, Qt::ShiftModifier);
        QSignalSpy narrowed(&view(), &CaseListView::selectionNarrowed);
        const CaseListView::Place before = view().place();
        QVERIFY(before.ids.isEmpty());
        m_model->refresh();
        view().restore(before);
        QVERIFY(m_model->waitForCount(10000));
        QCOMPARE(view().currentRow(), 500);
        QCOMPARE(view().rowSelection().count(), 1);
        QCOMPARE(narrowed.size(), 1);
        QCOMPARE(narrowed.first().at(0).toLongLong(), 501);
        QCOMPARE(narrowed.first().at(1).toLongLong(), 1);
    }

    // The Menu key opens the row menu at the current row, brought into view, not at the
    // middle of the list (an attack helper's selected a case never chosen).
    void theMenuKeyOpensAtTheCurrentRow() {
        view().setContextMenuPolicy(Qt::CustomContextMenu);
        view().selectRow(4);
        view().scrollToRow(1500, QAbstractItemView::PositionAtTop);
        QSignalSpy menu(&view(), &QWidget::customContextMenuRequested);
        const QPoint middle = view().viewport()->rect().center();
        QContextMenuEvent key(QContextMenuEvent::Keyboard, middle,
                              view().viewport()->mapToGlobal(middle));
        QApplication::sendEvent(view().viewport(), &key);
        QCOMPARE(menu.size(), 1);
        QCOMPARE(view().listRowAt(menu.first().first().toPoint()), 4);
        QCOMPARE(view().currentRow(), 4);
        QCOMPARE(view().rowSelection().count(), 1);
        view().clearSelection();  // no current row: no menu
        QApplication::sendEvent(view().viewport(), &key);
        QCOMPARE(menu.size(), 1);
    }

    void theKeypadsEndIsEnd() {
        QVERIFY(showCustody(QStringLiteral("N")));
        view().setFocus();
        QTest::keyClick(&view(), Qt::Key_End, Qt::KeypadModifier);
        QCOMPARE(view().currentRow(), -1);  // until the count
        QVERIFY(m_model->waitForCount(10000));
        QCOMPARE(view().currentRow(), m_model->rowCount() - 1);
    }

    void aShortListHasNoScrollBar() {
        CaseFilter filter;
        filter.search = m_model->data(m_model->index(0, CaseTableModel::ANumberColumn)).toString();
        m_model->setFilter(filter);
        QVERIFY(m_model->waitForCount(10000));
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(view().model()->rowCount(), 1);
        QVERIFY(!view().rowScrollBar()->isVisible());
        QTest::keyClick(&view(), Qt::Key_End);
        QCOMPARE(view().currentRow(), 0);
    }

    // Rows are read on the list's reader thread, never while drawing: a jump draws rows not
    // read yet empty until their page arrives. End makes the last row current before its case
    // is known; until then actions get no case, never the case drawn there before.
    void aJumpDrawsItsRowsWhenTheirPageArrives() {
        view().windowModel()->setWaitForRows(0);  // as if the disk were slow
        QSignalSpy current(&view(), &CaseListView::currentRowChanged);
        view().setFocus();
        QTest::keyClick(&view(), Qt::Key_End);
        QCOMPARE(view().currentRow(), last());
        QVERIFY(!m_model->isRowRead(last()));
        QCOMPARE(view().currentCaseId(), 0);
        const int shown = view().windowModel()->windowRow(last());
        const QModelIndex bottom =
            view().windowModel()->index(shown, CaseTableModel::ANumberColumn);
        QVERIFY(!bottom.data().isValid());
        QTRY_COMPARE(view().currentCaseId(), m_model->caseId(last()));
        QCOMPARE(bottom.data(), m_model->data(m_model->index(last(), 0)));
        QCOMPARE(current.count(), 2);  // the row, then its case
        QCOMPARE(current.last().at(0).toInt(), last());
        // The place kept for a re-read reads the current case itself when it is not here yet.
        QTest::keyClick(&view(), Qt::Key_Home);
        view().rowScrollBar()->setValue(1500);
        view().setCurrentRow(1510);
        QVERIFY(!m_model->isRowRead(1510));
        QCOMPARE(view().currentCaseId(), 0);
        QCOMPARE(view().place().currentId, m_model->caseId(1510));
    }

    // The reader drops the oldest of many pages asked meanwhile (the list moved on). The page
    // of a current row off screen is asked again, or its case would never be known.
    void aDroppedPageOfTheCurrentRowIsAskedAgain() {
        view().windowModel()->setWaitForRows(0);
        const qint64 expected =
            CasePager(m_store->database(), m_model->filter(), m_model->currentSort())
                .atOffset(1510, 1)
                .rows.first()
                .id;
        QVERIFY(m_model->holdReader(true));  // stuck on a slow page meanwhile
        view().setCurrentRow(1510);
        QCOMPARE(view().currentCaseId(), 0);
        view().rowScrollBar()->setValue(200);  // the current row off screen
        QVERIFY(!m_model->isRowRead(1510));
        QSignalSpy dropped(m_model.get(), &CaseTableModel::rowsDropped);
        m_model->readAhead(1600, 1600 + 20 * CaseTableModel::kBlockSize);
        QVERIFY(!dropped.isEmpty());
        m_model->holdReader(false);
        QTRY_COMPARE(view().currentCaseId(), expected);
    }

    // A move waits a few milliseconds for the rows of its new place (no event loop runs): read
    // in time, they are drawn at once, and the current case is known at once.
    void aJumpDrawsItsRowsAtOnceWhenTheyComeInTime() {
        view().windowModel()->setWaitForRows(5000);  // in time, however slow the machine
        QSignalSpy current(&view(), &CaseListView::currentRowChanged);
        view().setFocus();
        QTest::keyClick(&view(), Qt::Key_End);
        QVERIFY(m_model->isRowRead(last()));
        QVERIFY(m_model->areRowsRead(view().firstShownRow(), last()));
        QCOMPARE(view().currentCaseId(), m_model->caseId(last()));
        QCOMPARE(current.count(), 1);
        view().rowScrollBar()->setValue(1700);
        QVERIFY(m_model->areRowsRead(1700, 1700 + view().rowsOnScreen()));
        const QModelIndex top = view().windowModel()->index(0, CaseTableModel::NameColumn);
        QCOMPARE(top.data(), m_model->data(m_model->index(1700, CaseTableModel::NameColumn)));
    }

    // Another program removed a case above: the rows read are stale until the list is read
    // again. Selecting a case by id reads them again rather than select the case now drawn
    // at its new row. Last: it removes a case from the shared docket.
    void aStaleListIsReadAgainBeforeSelectingByCase() {
        const qint64 wanted = m_model->caseId(5);
        {
            QString error;
            auto other =
                CaseStore::open(m_docket.path(), CaseStore::OpenMode::OpenExisting, &error);
            const qint64 above = m_model->caseId(2);
            QVERIFY2(other && other->deleteCase(above, &error), qPrintable(error));
        }
        QCOMPARE(m_model->caseId(4), m_model->caseId(4));  // still the old rows
        QVERIFY(view().selectCase(wanted));
        QCOMPARE(view().currentRow(), 4);
        QCOMPARE(m_model->caseId(view().currentRow()), wanted);
        QCOMPARE(view().currentCaseId(), wanted);
    }
};

QTEST_MAIN(TestCaseListView)
#include "tst_caselistview.moc"
