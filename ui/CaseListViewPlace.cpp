// CaseListView: what is selected, kept across the list being read again.
#include "CaseListView.h"
#include "models/CaseTableModel.h"

CaseListView::Place CaseListView::place() const {
    if (m_pending)  // still waiting for the count: that is the place
        return *m_pending;
    Place p;
    p.currentRow = m_selection.current();
    p.currentId = p.currentRow >= 0 ? m_list->caseId(p.currentRow) : 0;
    const qint64 selected = m_selection.count();
    p.all =
        m_allPending || (selected > 1 && m_list->isCountExact() && selected == m_list->rowCount());
    if (!p.all && selected <= kKeptCases)
        for (const RowSelection::Range &r : m_selection.ranges())
            for (int row = r.first; row <= r.last; ++row)
                p.ids << m_list->caseId(row);
    return p;
}

void CaseListView::restore(const Place &place) {
    takeOver();
    int row = place.currentId ? m_list->rowOfCase(place.currentId) : -1;
    const bool ownRow = row >= 0;
    if (!ownRow)  // the case is gone from the list: the row that took its place
        row = qMax(0, place.currentRow);
    if (row < m_list->rowCount() || m_list->isCountExact()) {
        applyPlace(place, row, ownRow);
        return;
    }
    m_selection.clear();
    m_pending = place;
    m_pendingRow = row;
    m_pendingOwnRow = ownRow;
    showSelection();
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
    if (row < 0) {  // an empty list, or the case out of reach
        showSelection();
        return;
    }
    m_selection.selectOnly(row);
    if (place.all) {
        m_selection.selectAll(m_list->rowCount());
        m_allPending = !m_list->isCountExact();
    }
    for (const qint64 id : place.ids)
        if (const int other = m_list->rowOfCase(id); other >= 0 && other < m_list->rowCount())
            m_selection.include(other);
    scrollToRow(row, PositionAtCenter);
    showSelection();
}

void CaseListView::countKnown(qint64 /*rows*/, bool exact) {
    if (!exact)
        return;
    if (m_pending) {
        const Place waiting = *std::exchange(m_pending, std::nullopt);
        applyPlace(waiting, m_pendingRow, m_pendingOwnRow);
    }
    if (const auto end = std::exchange(m_endPending, std::nullopt); end && m_list->rowCount() > 0) {
        const int last = m_list->rowCount() - 1;
        if (*end & Qt::ShiftModifier)
            m_selection.extendTo(last, *end & Qt::ControlModifier);
        else if (*end & Qt::ControlModifier)
            m_selection.setCurrent(last);
        else
            m_selection.selectOnly(last);
        scrollToRow(last);
        showSelection();
    }
}

void CaseListView::takeOver() {
    m_pending.reset();
    m_allPending = false;
    m_endPending.reset();
}
