#pragma once

#include "CaseCommands.h"
#include "domain/Case.h"

#include <QObject>
#include <QString>
#include <optional>

class MainWindow;

// The Case menu's own changes to a case (New, Edit, Delete) and what follows them: the undo
// stack, and the list read again with the case kept in sight. MainWindow builds the menus and
// hands these over.
class CaseEditController : public QObject {
    Q_OBJECT
  public:
    explicit CaseEditController(MainWindow *window);

    void newCase();
    void editCase(qint64 caseId);
    void deleteCase(qint64 caseId);
    // After a change to a case or its review: the list read again with the other selected
    // cases kept and this one current. The case is looked for on a worker when it is not
    // among the rows already read (counting the rows before it could hold the window).
    void showCaseAgain(qint64 caseId);

  private:
    void runEditor(const std::optional<Case> &existing, const QString &doneMessage);
    // Refreshes the list after an undo or redo and shows the case, or why it was refused.
    CaseCommand::Done undoneReporter();
    bool confirmDeletion(const Case &c, bool undoable);

    MainWindow *m_window;
};
