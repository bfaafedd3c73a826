#pragma once

#include <QTreeWidget>

class CaseStore;

// The History tab: every audit entry about the selected case, newest first.
class CaseHistoryView : public QTreeWidget {
    Q_OBJECT
  public:
    explicit CaseHistoryView(QWidget *parent = nullptr);
    void showCase(CaseStore *store, const QString &aNumberDigits);
};
