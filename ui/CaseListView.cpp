#include "CaseListView.h"

#include "models/CaseTableModel.h"
#include "models/CaseWindowModel.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QStyle>
#include <QWheelEvent>

CaseListView::CaseListView(QWidget *parent)
    : QTableView(parent), m_rows(new QScrollBar(Qt::Vertical, this)) {
    m_rows->setObjectName(QStringLiteral("caseRowsScrollBar"));
    // The table's own vertical scroll bar would scroll within the window; ours stands in
    // its place, beside it in the scroll area's frame.
    verticalScrollBar()->hide();
    addScrollBarWidget(m_rows, Qt::AlignTop);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setAutoScroll(false);  // it would scroll the table within the window
    // Tab leaves the list: within it Qt would move its own current row, not the list's.
    setTabKeyNavigation(false);
    connect(m_rows, &QScrollBar::valueChanged, this, [this](int value) {
        m_window->setOffset(value);
        showSelection();
    });
}

void CaseListView::setCaseModel(CaseTableModel *model) {
    m_list = model;
    m_window = new CaseWindowModel(model, this);
    setModel(m_window);
    connect(m_window, &QAbstractItemModel::modelReset, this, &CaseListView::listChanged);
    connect(m_window, &CaseWindowModel::listLengthChanged, this, &CaseListView::listGrew);
    connect(m_list, &CaseTableModel::countChanged, this, &CaseListView::countKnown);
    connect(m_list, &CaseTableModel::rowsRead, this, &CaseListView::currentRowRead);
    connect(m_list, &CaseTableModel::casesLocated, this, &CaseListView::casesLocated);
    // The current row's page dropped unread (many asked meanwhile): its case is still wanted.
    connect(m_list, &CaseTableModel::rowsDropped, this, [this](int first, int last) {
        if (!m_currentId && m_shownCurrent >= first && m_shownCurrent <= last)
            m_list->caseIdIfRead(m_shownCurrent);  // asks for it again
    });
    connect(m_window, &CaseWindowModel::sortRequested, this,
            [this](int column, Qt::SortOrder order) {
                const Place before = place();
                m_list->sort(column, order);
                if (before.currentId)  // the same cases selected, the current one in sight
                    restoreWhenFound(before);
            });
    fitWindow();
}

// The list was read again (another filter, sort or docket): nothing is selected, as with
// Qt's own views, and the list starts at its top. Who shows the current case listens to
// the model's reset.
// The page of the current row arrived from the list's reader: its case is the current one.
void CaseListView::currentRowRead(int first, int last) {
    if (m_currentId || m_shownCurrent < first || m_shownCurrent > last)
        return;
    m_currentId = m_list->caseIdIfRead(m_shownCurrent);
    if (m_currentId)
        Q_EMIT currentRowChanged(m_shownCurrent);
}

void CaseListView::listChanged() {
    m_selection.clear();
    takeOver();
    m_shownCurrent = -1;
    m_currentId = 0;
    m_pressedRow = -1;
    updateScrollBar();
    m_rows->setValue(0);
    showSelection();
}

int CaseListView::rowsOnScreen() const {
    return qMax(1, viewport()->height() / qMax(1, verticalHeader()->defaultSectionSize()));
}

void CaseListView::fitWindow() {
    if (!m_window)
        return;
    m_window->setWindowSize(rowsOnScreen() + 1);  // and the part of one at the bottom
    updateScrollBar();
    // Rows that went from the window took Qt's current index with them: ours stands.
    showSelection();
}

void CaseListView::updateScrollBar() {
    const int rows = m_list->rowCount();
    const int page = rowsOnScreen();
    m_rows->setRange(0, qMax(0, rows - page));
    m_rows->setPageStep(page);
    m_rows->setSingleStep(1);
    setVerticalScrollBarPolicy(rows > page ? Qt::ScrollBarAlwaysOn : Qt::ScrollBarAlwaysOff);
}

// Qt's view would make the top row on screen current when the list gets the focus and its
// current row is off screen: Edit would then open another case than the one selected.
void CaseListView::focusInEvent(QFocusEvent *event) {
    QAbstractScrollArea::focusInEvent(event);
    viewport()->update();
}

// The Menu key opens the row menu at the current row, brought into view; Qt would open it
// at the middle of the list, for whichever case is drawn there (an attack helper's Menu key
// selected a case never chosen when the current one was scrolled away). No current row, no
// menu.
bool CaseListView::viewportEvent(QEvent *event) {
    if (event->type() == QEvent::ContextMenu &&
        static_cast<QContextMenuEvent *>(event)->reason() == QContextMenuEvent::Keyboard) {
        const int current = m_selection.current();
        if (current >= 0 && contextMenuPolicy() == Qt::CustomContextMenu) {
            scrollToRow(current);
            Q_EMIT customContextMenuRequested(rowRect(current).center());
        }
        return true;
    }
    return QTableView::viewportEvent(event);
}

void CaseListView::resizeEvent(QResizeEvent *event) {
    QTableView::resizeEvent(event);
    fitWindow();
}

// Typing goes to the search box (FilterBar); Qt's type-to-find would move its own current row.
void CaseListView::keyboardSearch(const QString &) {}

int CaseListView::firstShownRow() const {
    return m_window->offset();
}

void CaseListView::scrollToRow(int row, ScrollHint hint) {
    if (row < 0 || row >= m_list->rowCount())
        return;
    const int page = rowsOnScreen();
    int top = m_window->offset();
    switch (hint) {
        case EnsureVisible:
            if (row < top)
                top = row;
            else if (row >= top + page)
                top = row - page + 1;
            break;
        case PositionAtTop:
            top = row;
            break;
        case PositionAtBottom:
            top = row - page + 1;
            break;
        case PositionAtCenter:
            top = row - page / 2;
            break;
    }
    m_rows->setValue(top);  // clamped to the list; moves the window
}

void CaseListView::scrollTo(const QModelIndex &index, ScrollHint hint) {
    if (index.isValid() && m_window)
        scrollToRow(m_window->listRow(index.row()), hint);
}

void CaseListView::scrollToTop() {
    m_rows->setValue(0);
}

void CaseListView::scrollToBottom() {
    m_rows->setValue(m_rows->maximum());
}

void CaseListView::selectRow(int row) {
    if (row < 0 || row >= m_list->rowCount())
        return;
    takeOver();
    m_selection.selectOnly(row);
    scrollToRow(row);
    showSelection();
}

void CaseListView::selectFirstRow() {
    Place first;
    first.currentRow = 0;
    restore(first);  // now, or when the first page of a new list comes
}

void CaseListView::setCurrentRow(int row) {
    if (row < 0 || row >= m_list->rowCount())
        return;
    takeOver();
    m_selection.setCurrent(row);
    scrollToRow(row);
    showSelection();
}

void CaseListView::clearSelection() {
    takeOver();
    m_selection.clear();
    showSelection();
}

void CaseListView::selectAll() {
    takeOver();
    m_selection.selectAll(m_list->rowCount());
    // Before the exact count the list is its first page: the rest joins when it arrives.
    m_allPending = !m_list->isCountExact();
    showSelection();
}

void CaseListView::listGrew() {
    if (m_allPending)
        m_selection.selectAll(m_list->rowCount());
    m_allPending = false;
    updateScrollBar();
    showSelection();
}

int CaseListView::listRowAt(const QPoint &viewportPos) const {
    const QModelIndex index = indexAt(viewportPos);
    return index.isValid() ? m_window->listRow(index.row()) : -1;
}

QRect CaseListView::rowRect(int row) const {
    const int shown = m_window->windowRow(row);
    if (shown < 0)
        return {};
    return {0, rowViewportPosition(shown), viewport()->width(), rowHeight(shown)};
}

void CaseListView::showSelection() {
    if (!m_window)
        return;
    const int first = m_window->offset();
    const int shown = m_window->rowCount();
    const int lastColumn = m_window->columnCount() - 1;
    QItemSelection onScreen;
    if (shown > 0)
        for (const RowSelection::Range &r : m_selection.within(first, first + shown - 1))
            onScreen.select(m_window->index(r.first - first, 0),
                            m_window->index(r.last - first, lastColumn));
    selectionModel()->select(onScreen, QItemSelectionModel::ClearAndSelect);
    const int current = m_window->windowRow(m_selection.current());
    if (current >= 0)
        selectionModel()->setCurrentIndex(m_window->index(current, m_currentColumn),
                                          QItemSelectionModel::NoUpdate);
    else
        selectionModel()->clearCurrentIndex();
    verticalScrollBar()->setValue(0);  // the window is the scrolling
    if (m_selection.current() != m_shownCurrent) {
        m_shownCurrent = m_selection.current();
        // Not read yet (End, a jump): no case until its page arrives (currentRowRead), so
        // that nothing acts on a case the details do not show.
        m_currentId = m_shownCurrent >= 0 ? m_list->caseIdIfRead(m_shownCurrent) : 0;
        Q_EMIT currentRowChanged(m_shownCurrent);
    }
    Q_EMIT rowSelectionChanged();
}

int CaseListView::rowForKey(int key, int from) const {
    switch (key) {
        case Qt::Key_Up:
            return from - 1;
        case Qt::Key_Down:
            return from + 1;
        case Qt::Key_PageUp:
            return from - rowsOnScreen();
        case Qt::Key_PageDown:
            return from + rowsOnScreen();
        case Qt::Key_Home:
            return 0;
        case Qt::Key_End:
            return m_list->rowCount() - 1;
    }
    return -1;
}

bool CaseListView::moveByKey(const QKeyEvent *event) {
    const int key = event->key();
    if (key != Qt::Key_Up && key != Qt::Key_Down && key != Qt::Key_PageUp &&
        key != Qt::Key_PageDown && key != Qt::Key_Home && key != Qt::Key_End)
        return false;
    const int rows = m_list->rowCount();
    if (rows == 0)
        return true;
    takeOver();
    // The keypad's End is End (Qt marks keypad keys with a modifier of their own).
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    // Before the exact count, End selects the last row when it is counted, and nothing
    // until then: a row selected meanwhile would be acted on, then moved away from.
    if (key == Qt::Key_End && !m_list->isCountExact() && mods == Qt::NoModifier) {
        m_selection.clear();
        m_endPending = true;
        scrollToBottom();
        showSelection();
        return true;
    }
    // With no current row an arrow or page key lands on the top row on screen.
    const int current = m_selection.current();
    const bool toAnEnd = key == Qt::Key_Home || key == Qt::Key_End;
    const int row = current < 0 && !toAnEnd ? firstShownRow()
                                            : qBound(0, rowForKey(key, qMax(current, 0)), rows - 1);
    if (mods & Qt::ShiftModifier)
        m_selection.extendTo(row, mods & Qt::ControlModifier);
    else if (mods & Qt::ControlModifier)
        m_selection.setCurrent(row);
    else
        m_selection.selectOnly(row);
    scrollToRow(row);
    showSelection();
    return true;
}

void CaseListView::keyPressEvent(QKeyEvent *event) {
    if (moveByKey(event))
        return;
    const int current = m_selection.current();
    if (event->key() == Qt::Key_Space && current >= 0) {
        takeOver();
        if (event->modifiers() & Qt::ControlModifier)
            m_selection.toggle(current);
        else if (!m_selection.contains(current))
            m_selection.selectOnly(current);
        showSelection();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && current >= 0) {
        scrollToRow(current);  // the case it opens is in sight
        Q_EMIT activated(m_window->index(m_window->windowRow(current), m_currentColumn));
        return;
    }
    if (event->key() == Qt::Key_Left || event->key() == Qt::Key_Right) {
        horizontalScrollBar()->triggerAction(event->key() == Qt::Key_Left
                                                 ? QAbstractSlider::SliderSingleStepSub
                                                 : QAbstractSlider::SliderSingleStepAdd);
        return;
    }
    QTableView::keyPressEvent(event);  // Ctrl+A selects all, shortcuts
}

void CaseListView::clickRow(int row, const QMouseEvent *event) {
    takeOver();
    const Qt::KeyboardModifiers mods = event->modifiers();
    if (event->button() == Qt::RightButton) {
        // The menu acts on the selection when the row is part of it, else on the row.
        if (m_selection.contains(row))
            m_selection.setCurrent(row);
        else
            m_selection.selectOnly(row);
    } else if (mods & Qt::ShiftModifier) {
        m_selection.extendTo(row, mods & Qt::ControlModifier);
    } else if (mods & Qt::ControlModifier) {
        m_selection.toggle(row);
    } else {
        m_selection.selectOnly(row);
    }
    m_dragging = event->button() == Qt::LeftButton && !(mods & Qt::ControlModifier);
    m_dragKeepsOthers = false;
}

void CaseListView::mousePressEvent(QMouseEvent *event) {
    const QModelIndex index = indexAt(event->position().toPoint());
    if (!index.isValid())
        return;
    m_currentColumn = index.column();
    const int row = m_window->listRow(index.row());
    clickRow(row, event);
    m_pressedRow = row;
    // A row cut at the bottom comes whole into view. Not on a right click: the menu it
    // opens is for the row under the pointer.
    if (event->button() == Qt::LeftButton)
        scrollToRow(row);
    showSelection();
}

// A drag selects from where it started to the row under the mouse; above or below the
// rows on screen it scrolls a row at a time.
void CaseListView::dragTo(const QPoint &pos) {
    takeOver();
    int row = listRowAt(QPoint(qBound(0, pos.x(), viewport()->width() - 1), pos.y()));
    if (pos.y() < 0)
        row = qMax(0, firstShownRow() - 1);
    else if (pos.y() >= viewport()->height())
        row = qMin(m_list->rowCount() - 1, firstShownRow() + rowsOnScreen());
    if (row < 0)
        return;
    m_selection.extendTo(row, m_dragKeepsOthers);
    scrollToRow(row);
    showSelection();
}

void CaseListView::mouseMoveEvent(QMouseEvent *event) {
    if (m_dragging && (event->buttons() & Qt::LeftButton))
        dragTo(event->position().toPoint());
}

void CaseListView::mouseReleaseEvent(QMouseEvent *event) {
    const bool wasDragging = m_dragging;
    m_dragging = false;
    const QModelIndex index = indexAt(event->position().toPoint());
    if (!index.isValid() || event->button() != Qt::LeftButton)
        return;
    Q_EMIT clicked(index);
    if (wasDragging && event->modifiers() == Qt::NoModifier &&
        style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick, nullptr, this))
        Q_EMIT activated(index);
}

void CaseListView::mouseDoubleClickEvent(QMouseEvent *event) {
    if (event->button() != Qt::LeftButton)
        return;
    // The second press of a double click comes as this event alone. It opens the row the
    // first press chose, which may have scrolled up from under the pointer since (a row cut
    // at the bottom): the row there now is another case. When the list was read again
    // between the two presses it is a press, as in Qt's views, and opens nothing.
    const int row = m_pressedRow;
    if (row < 0 || row != m_selection.current()) {
        mousePressEvent(event);
        return;
    }
    scrollToRow(row);
    showSelection();
    const QModelIndex index = m_window->index(m_window->windowRow(row), m_currentColumn);
    Q_EMIT doubleClicked(index);
    if (!style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick, nullptr, this))
        Q_EMIT activated(index);
}

void CaseListView::wheelEvent(QWheelEvent *event) {
    const QPoint turn = event->angleDelta();
    if (qAbs(turn.x()) > qAbs(turn.y())) {
        QTableView::wheelEvent(event);  // sideways: the columns
        return;
    }
    m_wheelRest += turn.y();
    const int notches = m_wheelRest / 120;  // a notch is 15 degrees, 120 eighths
    m_wheelRest -= notches * 120;
    m_rows->setValue(m_rows->value() - notches * QApplication::wheelScrollLines());
    event->accept();
}

void CaseListView::paintEvent(QPaintEvent *event) {
    QTableView::paintEvent(event);
    Q_EMIT painted();
}
