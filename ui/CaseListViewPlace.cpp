// CaseListView: what is selected, kept across the list being read again.
#include "CaseListView.h"
#include "models/CaseTableModel.h"
#include "models/CaseWindowModel.h"

#include <QScopedValueRollback>
#include <algorithm>

CaseListView::Place CaseListView::place() const {
    if (m_pending)  // still waiting for the count: that is the place
        return *m_pending;
    if (m_locating)  // still being looked for in a new list
        return *m_locating;
    Place p;
    p.currentRow = m_selection.current();
    // A current row whose page has not arrived yet is read here, as the other rows kept are.
    p.currentId = p.currentRow < 0 ? 0 : m_currentId ? m_currentId : m_list->caseId(p.currentRow);
    p.currentSelected = p.currentRow >= 0 && m_selection.contains(p.currentRow);
    p.top = firstShownRow();
    if (const int onScreen = p.currentRow - firstShownRow();
        p.currentRow >= 0 && onScreen >= 0 && onScreen < rowsOnScreen())
        p.rowOnScreen = onScreen;
    p.selected = m_selection.count();
    p.all = m_allPending ||
            (p.selected > 1 && m_list->isCountExact() && p.selected == m_list->rowCount());
    if (!p.all && p.selected <= kKeptCases)
        for (const RowSelection::Range &r : m_selection.ranges())
            for (int row = r.first; row <= r.last; ++row)
                p.ids << m_list->caseId(row);
    return p;
}

void CaseListView::restore(const Place &place) {
    takeOver();
    restoreFound(place, find(place, [this](qint64 id) { return m_list->rowOfCase(id); }));
}

void CaseListView::restoreWhenFound(const Place &place, std::function<void(bool)> found) {
    takeOver();
    // Cases among the rows already read (the usual case after one's own edit) are placed at
    // once; only a case further down needs its rows counted, on a worker.
    if (const std::optional<Found> read = findAmongRead(place)) {
        restoreFound(place, *read);
        if (found)
            found(read->ownRow >= 0);
        return;
    }
    m_locating = place;
    m_locatingFound = std::move(found);
    QList<qint64> ids = place.ids;
    if (place.currentId)
        ids.prepend(place.currentId);
    m_list->locateCases(ids);
}

void CaseListView::casesLocated(const QHash<qint64, int> &rows) {
    if (!m_locating)
        return;  // a person chose rows meanwhile
    const Place place = *std::exchange(m_locating, std::nullopt);
    const std::function<void(bool)> tell = std::exchange(m_locatingFound, {});
    const Found found = find(place, [&rows](qint64 id) { return rows.value(id, -1); });
    restoreFound(place, found);
    if (tell)
        tell(found.ownRow >= 0);
}

std::optional<CaseListView::Found> CaseListView::findAmongRead(const Place &place) const {
    QHash<qint64, int> rows;
    QList<qint64> ids = place.ids;
    if (place.currentId)
        ids.prepend(place.currentId);
    for (const qint64 id : ids) {
        const int row = m_list->rowOfCaseIfRead(id);
        if (row < 0)
            return std::nullopt;
        rows.insert(id, row);
    }
    return find(place, [&rows](qint64 id) { return rows.value(id, -1); });
}

CaseListView::Found CaseListView::find(const Place &place,
                                       const std::function<int(qint64)> &rowOf) {
    Found found;
    found.ownRow = place.currentId ? rowOf(place.currentId) : -1;
    for (const qint64 id : place.ids)
        if (const int row = rowOf(id); row >= 0)
            found.kept << row;
    return found;
}

void CaseListView::restoreFound(const Place &place, const Found &found) {
    // The case gone from the list: the row that took its place, if asked.
    const int row = found.ownRow >= 0 ? found.ownRow : place.currentRow;
    if ((row < m_list->rowCount() && allRead(found)) || m_list->isCountExact()) {
        applyPlace(place, row, found);
        return;
    }
    m_selection.clear();
    m_pending = place;
    m_pendingRow = row;
    m_pendingFound = found;
    m_pendingOffset = m_window->offset();
    m_currentId = 0;
    showSelection();
}

bool CaseListView::allRead(const Found &found) const {
    return std::all_of(found.kept.begin(), found.kept.end(),
                       [this](int row) { return row < m_list->rowCount(); });
}

bool CaseListView::selectCase(qint64 id) {
    const int row = id ? m_list->rowOfCase(id) : -1;
    if (row < 0)
        return false;
    takeOver();
    Place alone;
    alone.currentId = id;
    restoreFound(alone, Found{row, {}});
    return true;
}

void CaseListView::applyPlace(const Place &place, int row, const Found &found) {
    const bool ownRow = found.ownRow >= 0;
    // A case's own row past the list (the count failed) is not swapped for another case's.
    if (ownRow && row >= m_list->rowCount())
        row = -1;
    row = qMin(row, m_list->rowCount() - 1);
    // The rows read may be older than the docket (another program changed it since; the
    // window looks every 2 s): the case found at a row must be the case drawn there.
    if (ownRow && row >= 0 && m_list->caseId(row) != place.currentId && !m_rereading) {
        const QScopedValueRollback rereading(m_rereading, true);
        m_list->refresh();
        restore(place);
        return;
    }
    m_selection.clear();
    if (row < 0) {  // an empty list, the case out of reach, or no neighbour wanted
        keepTop(place.top);
        showSelection();
        return;
    }
    if (place.currentSelected)
        m_selection.selectOnly(row);
    else
        m_selection.setCurrent(row);
    if (place.all) {
        m_selection.selectAll(m_list->rowCount());
        m_allPending = !m_list->isCountExact();
    }
    for (const int other : found.kept)
        if (other < m_list->rowCount())
            m_selection.include(other);
    // After a wait, a list the person has scrolled meanwhile stays where they put it.
    if (m_pendingOffset < 0 || m_pendingOffset == m_window->offset())
        showAtHeight(row, place.rowOnScreen);
    m_pendingOffset = -1;
    showSelection();
    if (!place.all && m_selection.count() < place.selected)
        Q_EMIT selectionNarrowed(place.selected, m_selection.count());
}

// The row at the given number of rows below the top of the screen (as it was), else in the
// middle of it.
void CaseListView::showAtHeight(int row, int rowOnScreen) {
    if (rowOnScreen < 0 || rowOnScreen >= rowsOnScreen())
        scrollToRow(row, PositionAtCenter);
    else
        scrollToRow(qMax(0, row - rowOnScreen), PositionAtTop);
}

// With nothing selected the list stays where it was (it went back to its top when another
// program deleted the case being read, and the attorney lost their place), as soon as the
// count reaches that row if it lies past the rows read so far.
void CaseListView::keepTop(int top) {
    if (top < 0)
        return;
    if (top < m_list->rowCount() || m_list->isCountExact()) {
        scrollToRow(qMin(top, m_list->rowCount() - 1), PositionAtTop);
        return;
    }
    m_topPending = top;
    m_pendingOffset = m_window->offset();
}

// A place waits for the count, or, after a new filter, for the list's first page: it is
// taken as soon as its rows are in the list.
void CaseListView::countKnown(qint64 /*rows*/, bool exact) {
    if (m_pending && (exact || (m_pendingRow < m_list->rowCount() && allRead(m_pendingFound)))) {
        const Place waiting = *std::exchange(m_pending, std::nullopt);
        applyPlace(waiting, m_pendingRow, m_pendingFound);
    }
    if (!exact)
        return;
    if (const int top = std::exchange(m_topPending, -1);
        top >= 0 && m_pendingOffset == m_window->offset()) {  // not scrolled meanwhile
        m_pendingOffset = -1;
        scrollToRow(qMin(top, m_list->rowCount() - 1), PositionAtTop);
    }
    if (std::exchange(m_endPending, false) && m_list->rowCount() > 0) {
        m_selection.selectOnly(m_list->rowCount() - 1);
        scrollToRow(m_list->rowCount() - 1);
        showSelection();
    }
}

void CaseListView::takeOver() {
    m_pending.reset();
    m_locating.reset();
    m_locatingFound = {};
    m_pendingOffset = -1;
    m_topPending = -1;
    m_allPending = false;
    m_endPending = false;
}
