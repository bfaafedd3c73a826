#include "CaseWindowModel.h"

#include "CaseTableModel.h"

CaseWindowModel::CaseWindowModel(CaseTableModel *list, QObject *parent)
    : QAbstractTableModel(parent), m_list(list) {
    connect(list, &QAbstractItemModel::modelAboutToBeReset, this,
            &CaseWindowModel::beginResetModel);
    connect(list, &QAbstractItemModel::modelReset, this, &CaseWindowModel::listReset);
    // Rows are only ever added at the end (the exact count arriving): the window may grow
    // into them, and the scroll bar gets longer.
    connect(list, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this] { m_rowsBeforeInsert = shownRows(); });
    connect(list, &QAbstractItemModel::rowsInserted, this, [this] {
        resizeTo(m_rowsBeforeInsert);
        Q_EMIT listLengthChanged(m_list->rowCount());
    });
    // Rows read by the list's reader thread: drawn again when they are on screen.
    connect(list, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int first = qMax(topLeft.row(), m_offset);
                const int last = qMin(bottomRight.row(), m_offset + shownRows() - 1);
                if (first <= last)
                    Q_EMIT dataChanged(index(first - m_offset, 0),
                                       index(last - m_offset, columnCount() - 1));
            });
}

void CaseWindowModel::listReset() {
    m_offset = 0;
    endResetModel();
    Q_EMIT listLengthChanged(m_list->rowCount());
}

int CaseWindowModel::shownRows() const {
    return qBound(0, m_list->rowCount() - m_offset, m_size);
}

// The view keeps the last row whole on screen; here the window only stays on the list.
int CaseWindowModel::maxOffset() const {
    return qMax(0, m_list->rowCount() - 1);
}

int CaseWindowModel::windowRow(int listRow) const {
    const int row = listRow - m_offset;
    return row >= 0 && row < shownRows() ? row : -1;
}

void CaseWindowModel::setOffset(int offset) {
    offset = qBound(0, offset, maxOffset());
    if (offset == m_offset)
        return;
    const int oldRows = shownRows();
    m_offset = offset;
    resizeTo(oldRows);
    // A screen above and below read ahead, so that scrolling by lines or pages finds its
    // rows read; the rows on screen are asked for last, and the newest is read first.
    m_list->readAhead(m_offset - m_size, m_offset - 1);
    m_list->readAhead(m_offset + m_size, m_offset + 2 * m_size - 1);
    m_list->readAhead(m_offset, m_offset + m_size - 1);
    // A quarter of a frame at most (the paint after takes 4–10 ms under load): a page from
    // disk takes 10–40 ms then, and the window must not stand still that long (the rows are
    // drawn empty, then filled); from the file cache it takes about 1 ms, and they are drawn now.
    m_list->waitForRows(m_offset, m_offset + m_size - 1, m_waitMs);
    if (shownRows() > 0)
        Q_EMIT dataChanged(index(0, 0), index(shownRows() - 1, columnCount() - 1));
}

void CaseWindowModel::setWindowSize(int rows) {
    rows = qMax(1, rows);
    if (rows == m_size)
        return;
    const int oldRows = shownRows();
    m_size = rows;
    resizeTo(oldRows);
}

// Tells the view about rows that appeared or went at the end of the window.
void CaseWindowModel::resizeTo(int oldRows) {
    const int rows = shownRows();
    if (rows > oldRows) {
        beginInsertRows({}, oldRows, rows - 1);
        endInsertRows();
    } else if (rows < oldRows) {
        beginRemoveRows({}, rows, oldRows - 1);
        endRemoveRows();
    }
}

int CaseWindowModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : shownRows();
}

int CaseWindowModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : m_list->columnCount();
}

QVariant CaseWindowModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= shownRows())
        return {};
    // Never read on the GUI thread: a row not read yet is drawn empty until it arrives.
    return m_list->dataIfRead(m_list->index(listRow(index.row()), index.column()), role);
}

QVariant CaseWindowModel::headerData(int section, Qt::Orientation orientation, int role) const {
    return m_list->headerData(section, orientation, role);
}

void CaseWindowModel::sort(int column, Qt::SortOrder order) {
    Q_EMIT sortRequested(column, order);
}
