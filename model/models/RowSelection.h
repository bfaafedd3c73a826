#pragma once

#include <QList>
#include <QtGlobal>

// The selected rows of a list too long for a view to keep an item per row: row numbers
// as sorted ranges that neither overlap nor touch, the current row, and the anchor that a
// Shift+click or Shift+arrow extends from. A million selected rows are one range.
class RowSelection {
  public:
    struct Range {
        int first;
        int last;
        bool operator==(const Range &other) const = default;
    };

    void clear();  // no selection, no current row
    // A plain click or arrow key: this row alone, current, and the new anchor.
    void selectOnly(int row);
    // Ctrl+click: the row in or out of the selection, current, and the new anchor.
    void toggle(int row);
    // Shift+click: every row from the anchor to this one, which becomes current. With
    // keepOthers (Ctrl+Shift) what was selected when the anchor was set stays selected.
    void extendTo(int row, bool keepOthers);
    void selectAll(int rowCount);
    // One more row selected, current and anchor unchanged.
    void include(int row) { add(m_ranges, {row, row}); }
    // The current row moves without changing what is selected (Ctrl+arrow).
    void setCurrent(int row) { m_current = row; }

    int current() const { return m_current; }
    int anchor() const { return m_anchor; }
    bool contains(int row) const;
    qint64 count() const;
    const QList<Range> &ranges() const { return m_ranges; }
    // The selected parts of rows first..last.
    QList<Range> within(int first, int last) const;

  private:
    static void add(QList<Range> &ranges, Range range);
    void setAnchor(int row);

    QList<Range> m_ranges;
    QList<Range> m_atAnchor;  // the selection when the anchor was set, for Ctrl+Shift
    int m_current = -1;
    int m_anchor = -1;
};
