#include "AuditTableModel.h"

#include "audit/AuditText.h"
#include "domain/ANumber.h"
#include "domain/LocalTime.h"
#include "store/CaseStore.h"

#include <limits>

namespace {
constexpr int kPage = 500;
}

AuditTableModel::AuditTableModel(CaseStore &store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store) {
    fetchMore({});
}

int AuditTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const AuditEntry &e = m_entries.at(index.row());
    if (role == Qt::ToolTipRole)  // rich text, so that a long entry wraps
        return QStringLiteral("<p>%1<br>%2<br>SHA-256 %3</p>")
            .arg(e.at.toHtmlEscaped(), QString::fromUtf8(e.details).toHtmlEscaped(),
                 QString::fromLatin1(e.hash.toHex()));
    switch (index.column()) {
        case SeqColumn:
            return e.seq;
        case TimeColumn:  // as the user reads times; the exact UTC instant is in the tooltip
            return LocalTime::text(e.at);
        case ActorColumn:
            return e.actor;
        case EntityColumn:
            return e.entity == u"case" ? ANumber::displayDigits(e.entityId)
                                       : e.entity + QStringLiteral(" ") + e.entityId;
        case WhatColumn:
            return AuditText::describe(e);
        default:
            return {};
    }
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const titles[] = {QT_TR_NOOP("#"), QT_TR_NOOP("When"), QT_TR_NOOP("Who"),
                                         QT_TR_NOOP("About"), QT_TR_NOOP("What")};
    return section < ColumnCount ? tr(titles[section]) : QVariant();
}

void AuditTableModel::setFilter(const AuditFilter &filter) {
    if (filter == m_filter)
        return;
    beginResetModel();
    m_filter = filter;
    m_entries.clear();
    m_atEnd = false;
    endResetModel();
    fetchMore({});
}

bool AuditTableModel::canFetchMore(const QModelIndex &parent) const {
    return !parent.isValid() && !m_atEnd;
}

void AuditTableModel::fetchMore(const QModelIndex &parent) {
    if (parent.isValid() || m_atEnd)
        return;
    const qint64 before =
        m_entries.isEmpty() ? std::numeric_limits<qint64>::max() : m_entries.last().seq;
    const QList<AuditEntry> page = AuditLog(m_store.handle()).entries(before, kPage, m_filter);
    m_atEnd = page.size() < kPage;
    if (page.isEmpty())
        return;
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + page.size() - 1));
    m_entries.append(page);
    endInsertRows();
}
