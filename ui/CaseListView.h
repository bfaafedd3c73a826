#pragma once

#include "models/RowSelection.h"

#include <QHash>
#include <QTableView>
#include <functional>
#include <optional>

class CaseTableModel;
class CaseWindowModel;
class QScrollBar;

// The case list on screen, for a docket of any length. The table shows a window of the
// rows that fit (CaseWindowModel) and a scroll bar of its own moves the window over the
// whole list, so the view keeps no item per row: at 15 million cases Qt's own scrolling
// kept 120 MB and stalled the window when the count arrived. Selection, the current row
// and keyboard and mouse navigation are in list rows (RowSelection), whatever is on screen.
class CaseListView : public QTableView {
    Q_OBJECT
  public:
    explicit CaseListView(QWidget *parent = nullptr);

    void setCaseModel(CaseTableModel *model);
    CaseTableModel *caseModel() const { return m_list; }
    CaseWindowModel *windowModel() const { return m_window; }
    QScrollBar *rowScrollBar() const { return m_rows; }

    // Rows below are rows of the whole list, not of the window.
    int currentRow() const { return m_selection.current(); }
    const RowSelection &rowSelection() const { return m_selection; }
    bool isRowSelected(int row) const { return m_selection.contains(row); }
    // This row alone selected and current, scrolled into view.
    void selectRow(int row);
    // The first row alone selected, or, while a new list waits for its first page, when the
    // page comes (nothing when the list is empty).
    void selectFirstRow();
    // The current row moves without changing what is selected.
    void setCurrentRow(int row);
    void clearSelection();
    void selectAll() override;
    void scrollToRow(int row, ScrollHint hint = EnsureVisible);
    void scrollToTop();
    void scrollToBottom();
    int firstShownRow() const;
    int rowsOnScreen() const;  // rows that fit whole in the viewport
    // The list row under a point of the viewport, or -1.
    int listRowAt(const QPoint &viewportPos) const;
    // Where a list row is drawn in the viewport (empty when it is not on screen).
    QRect rowRect(int row) const;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;

    // What is selected, by case, so that it is selected again after the list is read again
    // (an edit, a delete, an undo, another program's change): the current case, or its place
    // in the list when it is gone; the whole list; or up to kKeptCases selected cases.
    struct Place {
        qint64 currentId = 0;
        // Where the current case was: the row selected instead when it is gone (after a
        // delete of one's own). -1: select nothing then (another program removed it).
        int currentRow = -1;
        bool currentSelected = true;  // Ctrl+click can leave the current row unselected
        // How many rows below the top of the screen the current row was; -1 when it was not
        // on screen. The case is put back at that height (it was centred: after Save the list
        // jumped under the attorney's eyes).
        int rowOnScreen = -1;
        int top = -1;  // the first row on screen: the list stays there when the case is gone
        bool all = false;
        QList<qint64> ids;    // the selected cases, when no more than kKeptCases
        qint64 selected = 0;  // how many rows were selected
    };
    // Each kept case is looked up in the new list by counting the index entries before it:
    // up to tens of milliseconds for a row deep in 1.5M cases. A larger selection narrows to
    // the current case, and selectionNarrowed says so.
    static constexpr int kKeptCases = 100;
    Place place() const;
    // Selects again what place() saw, at once or, when its row lies past the rows read so
    // far, as soon as the exact count arrives. Nothing waits meanwhile (a nested event loop
    // let a second Undo run inside the first) and nothing is selected, so no action can take
    // another case for it; a key or click in between cancels it.
    void restore(const Place &place);
    // The same after a new filter or sort, with the cases looked up in the new list on a
    // worker thread (the window stood up to 660 ms while a one-letter search counted the rows
    // before a case a million rows down): nothing is selected until they are found.
    // Cases among the rows already read are placed at once. `found`, if given, is told
    // whether the current case is still in the list once it is looked up (not if a person
    // chose rows meanwhile).
    void restoreWhenFound(const Place &place, std::function<void(bool)> found = {});
    // restoreWhenFound() waiting for the worker's answer.
    bool isLocating() const { return m_locating.has_value(); }
    // The case alone selected and current, in the middle of the screen (when the count
    // arrives, if it lies past the rows read so far); false when the list does not hold it.
    bool selectCase(qint64 id);
    // The case of the current row, as it was when that row became current; 0 for none. A page
    // read again after another program's change may hold another case at that row until the
    // list is refreshed: actions take this id, the one the details show. Also 0 until the
    // current row's page is read (rows are read on a thread of their own; End or a jump can
    // make a row current before it is): currentRowChanged() comes again when it is.
    qint64 currentCaseId() const { return m_currentId; }
    void keyboardSearch(const QString &search) override;

  Q_SIGNALS:
    void currentRowChanged(int row);
    void rowSelectionChanged();
    // The list was read again and a selection of `before` rows could not be kept whole
    // (more than kKeptCases, or some gone): `now` are selected.
    void selectionNarrowed(qint64 before, qint64 now);
    // The rows on screen were drawn (work that can wait for them waits for this).
    void painted();

  protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    bool viewportEvent(QEvent *event) override;

  private:
    bool moveByKey(const QKeyEvent *event);
    int rowForKey(int key, int from) const;
    void clickRow(int row, const QMouseEvent *event);
    void dragTo(const QPoint &pos);
    // Shows the selection and current row of the window's rows, and tells who listens.
    void showSelection();
    void listChanged();
    void listGrew();
    void countKnown(qint64 rows, bool exact);
    void currentRowRead(int first, int last);
    // Where a place's cases are in the list now (-1: the current case is not in it).
    struct Found {
        int ownRow = -1;
        QList<int> kept;  // the rows of the other kept cases still listed
    };
    static Found find(const Place &place, const std::function<int(qint64)> &rowOf);
    // Every kept case among the rows already read, or nullopt.
    std::optional<Found> findAmongRead(const Place &place) const;
    void restoreFound(const Place &place, const Found &found);
    void casesLocated(const QHash<qint64, int> &rows);
    // True when no kept case lies past the rows read so far.
    bool allRead(const Found &found) const;
    // row: the current case's own row (found.ownRow), or the place of a case gone.
    void applyPlace(const Place &place, int row, const Found &found);
    void showAtHeight(int row, int rowOnScreen);
    void keepTop(int top);
    // A person chose rows: what was waiting for the count (a place, Ctrl+A, End) is dropped.
    void takeOver();
    void updateScrollBar();
    void fitWindow();

    CaseTableModel *m_list = nullptr;
    CaseWindowModel *m_window = nullptr;
    QScrollBar *m_rows;
    RowSelection m_selection;
    int m_shownCurrent = -1;  // the current row last announced
    int m_currentColumn = 0;
    bool m_allPending = false;       // Ctrl+A before the exact count: the rest joins it
    std::optional<Place> m_pending;  // restore() waiting for the count, and its row
    int m_pendingRow = -1;
    Found m_pendingFound;
    std::optional<Place> m_locating;  // restoreWhenFound() waiting for the worker
    std::function<void(bool)> m_locatingFound;
    bool m_endPending = false;  // End before the count: the last row when counted
    int m_pressedRow = -1;      // the row of the last press, for the double click after it
    int m_topPending = -1;      // keepTop() waiting for the count to reach that row
    int m_pendingOffset = -1;   // where the list was scrolled when a place began to wait
    qint64 m_currentId = 0;
    bool m_rereading = false;  // the list is being read again for a stale row
    bool m_dragging = false;
    bool m_dragKeepsOthers = false;
    int m_wheelRest = 0;  // eighths of a degree not yet turned into rows
};
