#pragma once

#include <QDialog>

class AuditTableModel;
class CaseStore;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;
struct AuditFilter;

// The docket's audit log, newest first, paged in as it scrolls, with a button that walks
// the whole hash chain and says whether every entry holds or which one does not. A filter
// row narrows it to one case (an A-number in any form), one action and a range of days;
// the model does that in SQL.
class AuditLogDialog : public QDialog {
    Q_OBJECT
  public:
    explicit AuditLogDialog(CaseStore &store, QWidget *parent = nullptr);
    bool verifyChain();  // shows the verdict in the dialog; true when the chain holds
    AuditTableModel *model() const { return m_model; }

  private:
    QWidget *makeFilterRow();
    void fillActions(const QStringList &actions);
    void applyFilter();

    CaseStore &m_store;
    AuditTableModel *m_model;
    QTableView *m_table;
    QLabel *m_verdict;
    QLineEdit *m_case = nullptr;
    QComboBox *m_action = nullptr;
    QCheckBox *m_dateRange = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLabel *m_filterNote = nullptr;  // "No entries match", or why the A-number is not used
};
