#pragma once

#include "policy/PolicyPack.h"

#include <QDialog>

class CaseStore;
class QListWidget;
class QTextBrowser;

// Policy packs: the list a docket can use (shipped and loaded), the full text of the one
// selected (sources, questions with help and citations, dispositions, rules), loading a
// pack from a file into the docket, and checking a file without loading it.
class PoliciesDialog : public QDialog {
    Q_OBJECT
  public:
    explicit PoliciesDialog(CaseStore &store, QWidget *parent = nullptr);

    void loadFromFile();
    void validateFile();
    int packCount() const { return int(m_packs.size()); }

  private:
    void refresh();
    void showPack(int row);

    CaseStore &m_store;
    QList<PolicyPack> m_packs;
    QListWidget *m_list;
    QTextBrowser *m_view;
};
