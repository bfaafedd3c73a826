#pragma once

#include <QDialog>

class CaseStore;
class QMenuBar;

// Help ▸ User Guide: the guide in resources/guide, shown in the program.
class UserGuideDialog : public QDialog {
    Q_OBJECT
  public:
    explicit UserGuideDialog(QWidget *parent = nullptr);
    static QString guideMarkdown();
};

// Help ▸ Keyboard Shortcuts: every menu action and its keys, read from the menus
// themselves so the list can never disagree with them.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
  public:
    explicit ShortcutsDialog(const QMenuBar *menus, QWidget *parent = nullptr);
};

namespace HelpText {
// Help ▸ About: version, Qt, SQLite and the policy packs the open docket can use.
QString about(CaseStore *store);
// The policy pack in force on a date among those the docket can use: its title, or a
// sentence saying none is.
QString policyInForce(CaseStore *store, const QDate &date);
}  // namespace HelpText
