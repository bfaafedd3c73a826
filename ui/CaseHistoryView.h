#pragma once

#include <QListWidget>

class CaseStore;

// The History tab: every audit entry about the selected case, newest first, each as what
// happened with, under it, when and by whom; wrapped to the narrow side panel.
class CaseHistoryView : public QListWidget {
    Q_OBJECT
  public:
    explicit CaseHistoryView(QWidget *parent = nullptr);
    void showCase(CaseStore *store, const QString &aNumberDigits);
};
