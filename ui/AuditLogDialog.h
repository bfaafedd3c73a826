#pragma once

#include <QDialog>

class AuditTableModel;
class CaseStore;
class QLabel;
class QTableView;

// The docket's audit log, newest first, paged in as it scrolls, with a button that walks
// the whole hash chain and says whether every entry holds or which one does not.
class AuditLogDialog : public QDialog {
    Q_OBJECT
  public:
    explicit AuditLogDialog(CaseStore &store, QWidget *parent = nullptr);
    bool verifyChain();  // shows the verdict in the dialog; true when the chain holds
    AuditTableModel *model() const { return m_model; }

  private:
    CaseStore &m_store;
    AuditTableModel *m_model;
    QTableView *m_table;
    QLabel *m_verdict;
};
