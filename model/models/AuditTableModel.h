#pragma once

#include "audit/AuditLog.h"

#include <QAbstractTableModel>

class CaseStore;

// The audit log, newest first, read a page at a time as the view scrolls (a docket
// imported from 1.5 million rows has as many entries). A filter narrows it in SQL: each
// page is the next 500 entries that match, never the whole log read and then hidden.
class AuditTableModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { SeqColumn, TimeColumn, ActorColumn, EntityColumn, WhatColumn, ColumnCount };

    explicit AuditTableModel(CaseStore &store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    const AuditEntry &entry(int row) const { return m_entries.at(row); }

    // Shows only the entries the filter lets through, from the newest again.
    void setFilter(const AuditFilter &filter);
    const AuditFilter &filter() const { return m_filter; }

  private:
    CaseStore &m_store;
    AuditFilter m_filter;
    QList<AuditEntry> m_entries;
    bool m_atEnd = false;
};
