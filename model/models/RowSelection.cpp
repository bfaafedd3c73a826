#include "RowSelection.h"

#include <algorithm>

void RowSelection::clear() {
    m_ranges.clear();
    m_atAnchor.clear();
    m_current = -1;
    m_anchor = -1;
}

void RowSelection::setAnchor(int row) {
    m_anchor = row;
    m_atAnchor = m_ranges;
}

void RowSelection::selectOnly(int row) {
    m_ranges = {{row, row}};
    m_current = row;
    setAnchor(row);
}

void RowSelection::toggle(int row) {
    m_current = row;
    if (!contains(row)) {
        add(m_ranges, {row, row});
        setAnchor(row);
        return;
    }
    QList<Range> kept;
    for (const Range &r : std::as_const(m_ranges)) {
        if (row < r.first || row > r.last) {
            kept << r;
            continue;
        }
        if (r.first < row)
            kept << Range{r.first, row - 1};
        if (row < r.last)
            kept << Range{row + 1, r.last};
    }
    m_ranges = kept;
    setAnchor(row);
}

void RowSelection::extendTo(int row, bool keepOthers) {
    if (m_anchor < 0) {
        selectOnly(row);
        return;
    }
    m_ranges = keepOthers ? m_atAnchor : QList<Range>();
    add(m_ranges, {qMin(m_anchor, row), qMax(m_anchor, row)});
    m_current = row;
}

void RowSelection::selectAll(int rowCount) {
    m_ranges.clear();
    if (rowCount > 0)
        m_ranges = {{0, rowCount - 1}};
}

bool RowSelection::contains(int row) const {
    // The first range that does not end before the row.
    const auto it = std::lower_bound(m_ranges.cbegin(), m_ranges.cend(), row,
                                     [](const Range &r, int value) { return r.last < value; });
    return it != m_ranges.cend() && it->first <= row;
}

qint64 RowSelection::count() const {
    qint64 n = 0;
    for (const Range &r : m_ranges)
        n += qint64(r.last) - r.first + 1;
    return n;
}

QList<RowSelection::Range> RowSelection::within(int first, int last) const {
    QList<Range> parts;
    for (const Range &r : m_ranges)
        if (r.last >= first && r.first <= last)
            parts << Range{qMax(r.first, first), qMin(r.last, last)};
    return parts;
}

// Inserts a range and merges it with those it overlaps or touches, keeping the order.
void RowSelection::add(QList<Range> &ranges, Range range) {
    QList<Range> merged;
    bool placed = false;
    for (const Range &r : std::as_const(ranges)) {
        if (r.last + 1 < range.first) {
            merged << r;
        } else if (range.last + 1 < r.first) {
            if (!placed)
                merged << range;
            placed = true;
            merged << r;
        } else {
            range = {qMin(r.first, range.first), qMax(r.last, range.last)};
        }
    }
    if (!placed)
        merged << range;
    ranges = merged;
}
