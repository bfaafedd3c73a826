// CaseListView: what is selected, kept across the list being read again.
#include "CaseListView.h"
#include "models/CaseTableModel.h"
#include "models/CaseWindowModel.h"

#include <QScopedValueRollback>

CaseListView::Place CaseListView::place() const {
    if (m_pending)  // still waiting for the count: that is the place
        return *m_pending;
    Place p;
    p.currentRow = m_selection.current();
    // A current row whose page has not arrived yet is read here, as the other rows kept are.
    p.currentId = p.currentRow < 0 ? 0 : m_currentId ? m_currentId : m_list->caseId(p.currentRow);
    p.currentSelected = p.currentRow >= 0 && m_selection.contains(p.currentRow);
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
    int row = place.currentId ? m_list->rowOfCase(place.currentId) : -1;
    const bool ownRow = row >= 0;
    if (!ownRow)  // the case is gone from the list: the row that took its place, if asked
        row = place.currentRow;
    QList<int> rows;
    const bool reachable = row < m_list->rowCount() && keptRows(place, &rows);
    if (reachable || m_list->isCountExact()) {
        applyPlace(place, row, ownRow);
        return;
    }
    m_selection.clear();
    m_pending = place;
    m_pendingRow = row;
    m_pendingOwnRow = ownRow;
    m_pendingOffset = m_window->offset();
    m_currentId = 0;
    showSelection();
}

bool CaseListView::keptRows(const Place &place, QList<int> *rows) const {
    bool reachable = true;
    for (const qint64 id : place.ids)
        if (const int row = m_list->rowOfCase(id); row >= 0) {
            *rows << row;
            reachable = reachable && row < m_list->rowCount();
        }
    return reachable;
}

bool CaseListView::selectCase(qint64 id) {
    if (!id || m_list->rowOfCase(id) < 0)
        return false;
    Place alone;
    alone.currentId = id;
    restore(alone);
    return true;
}

void CaseListView::applyPlace(const Place &place, int row, bool ownRow) {
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
    QList<int> rows;
    keptRows(place, &rows);
    for (const int other : std::as_const(rows))
        if (other < m_list->rowCount())
            m_selection.include(other);
    // After a wait, a list the person has scrolled meanwhile stays where they put it.
    if (m_pendingOffset < 0 || m_pendingOffset == m_window->offset())
        scrollToRow(row, PositionAtCenter);
    m_pendingOffset = -1;
    showSelection();
    if (!place.all && m_selection.count() < place.selected)
        Q_EMIT selectionNarrowed(place.selected, m_selection.count());
}

// A place waits for the count, or, after a new filter, for the list's first page: it is
// taken as soon as its rows are in the list.
void CaseListView::countKnown(qint64 /*rows*/, bool exact) {
    QList<int> rows;
    if (m_pending &&
        (exact || (m_pendingRow < m_list->rowCount() && keptRows(*m_pending, &rows)))) {
        const Place waiting = *std::exchange(m_pending, std::nullopt);
        applyPlace(waiting, m_pendingRow, m_pendingOwnRow);
    }
    if (!exact)
        return;
    if (std::exchange(m_endPending, false) && m_list->rowCount() > 0) {
        m_selection.selectOnly(m_list->rowCount() - 1);
        scrollToRow(m_list->rowCount() - 1);
        showSelection();
    }
}

void CaseListView::takeOver() {
    m_pending.reset();
    m_pendingOffset = -1;
    m_allPending = false;
    m_endPending = false;
}
