#pragma once

#include "audit/AuditLog.h"

#include <QAbstractTableModel>

class CaseStore;

// The whole audit log, newest first, read a page at a time as the view scrolls (a
// docket imported from 1.5 million rows has as many entries).
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

  private:
    CaseStore &m_store;
    QList<AuditEntry> m_entries;
    bool m_atEnd = false;
};
