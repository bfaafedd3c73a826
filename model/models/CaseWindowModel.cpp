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
    connect(list, &QAbstractItemModel::dataChanged, this, [this] {
        if (shownRows() > 0)
            Q_EMIT dataChanged(index(0, 0), index(shownRows() - 1, columnCount() - 1));
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
    return m_list->data(m_list->index(listRow(index.row()), index.column()), role);
}

QVariant CaseWindowModel::headerData(int section, Qt::Orientation orientation, int role) const {
    return m_list->headerData(section, orientation, role);
}

void CaseWindowModel::sort(int column, Qt::SortOrder order) {
    Q_EMIT sortRequested(column, order);
}
