#pragma once

#include <QAbstractTableModel>

class CaseTableModel;

// The rows of the case list a view shows: a window of a few dozen rows starting at
// offset(). A table view keeps an item per row of its model (8 bytes a row in its vertical
// header, filled when the count arrives: 120 MB and a long stall at 15 million cases);
// given this model it keeps one per row on screen, and scrolling moves the window
// instead (CaseListView).
class CaseWindowModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    static constexpr int kWaitForRowsMs = 4;

    explicit CaseWindowModel(CaseTableModel *list, QObject *parent = nullptr);

    CaseTableModel *list() const { return m_list; }
    int offset() const { return m_offset; }
    int windowSize() const { return m_size; }
    // The list row a window row shows, and back (-1 when outside the window).
    int listRow(int windowRow) const { return m_offset + windowRow; }
    int windowRow(int listRow) const;
    // The first list row shown; kept within the list.
    void setOffset(int offset);
    // How many rows fit on screen.
    void setWindowSize(int rows);
    // How long a move waits for rows not read yet before they are drawn empty (tests set 0 to
    // see them arrive later, or a long wait to see them drawn at once).
    void setWaitForRows(int ms) { m_waitMs = ms; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order) override;

  Q_SIGNALS:
    // The list's length changed (a new list, or its exact count arrived).
    void listLengthChanged(int rows);
    // A click on a column title: the view sorts the list, keeping what is selected.
    void sortRequested(int column, Qt::SortOrder order);

  private:
    int shownRows() const;
    int maxOffset() const;
    void resizeTo(int oldRows);
    void listReset();

    CaseTableModel *m_list;
    int m_offset = 0;
    int m_size = 40;
    int m_rowsBeforeInsert = 0;
    int m_waitMs = kWaitForRowsMs;
};
