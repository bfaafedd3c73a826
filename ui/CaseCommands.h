#pragma once

#include "domain/Case.h"

#include <QUndoCommand>
#include <functional>

class CaseStore;

// Undoable changes to cases, for the main window's QUndoStack (Edit ▸ Undo / Redo).
// Each step is a real save or delete through CaseStore, so it is validated, written in
// one transaction and recorded in the audit log like any other change. Cases are found
// by A-number, not id: a deleted case that comes back gets a new id. A step whose case
// was changed in between (by another program, or a review) is refused and dropped
// instead of overwriting that change.
class CaseCommand : public QUndoCommand {
  public:
    // After each step: the A-number of the case it touched, what was done ("Undone: Edit of
    // A012-345-678"), and a problem when it was refused.
    using Done =
        std::function<void(const QString &aNumber, const QString &step, const QString &problem)>;

  protected:
    // What a step is, for the status bar: the change itself (a Delete's first redo), or an
    // undo or redo of it.
    enum class Step { Doing, Undoing, Redoing };
    CaseCommand(CaseStore &store, Done done, const QString &text);
    // Writes `c` over the stored case `expected` (found by its A-number), or inserts it when
    // `expected` is empty; refuses when the stored case is not `expected` any more.
    bool replace(const std::optional<Case> &expected, const std::optional<Case> &c, Step step);
    void report(const QString &aNumber, Step step, const QString &problem);

  private:
    CaseStore &m_store;
    Done m_done;
};

class EditCaseCommand : public CaseCommand {
  public:
    // The edit is already saved: the first redo does nothing.
    EditCaseCommand(CaseStore &store, Done done, Case before, Case after);
    void undo() override;
    void redo() override;

  private:
    Case m_before;
    Case m_after;
    bool m_saved = true;
};

class AddCaseCommand : public CaseCommand {
  public:
    AddCaseCommand(CaseStore &store, Done done, Case added);  // already saved
    void undo() override;
    void redo() override;

  private:
    Case m_case;
    bool m_saved = true;
};

class DeleteCaseCommand : public CaseCommand {
  public:
    DeleteCaseCommand(CaseStore &store, Done done, Case deleted);  // deleted by redo
    void undo() override;
    void redo() override;

  private:
    Case m_case;
    bool m_deleted = false;  // the first redo is the deletion itself, not a redo of it
};

// Two cases hold the same facts, whatever their ids, timestamps and review status
// (which only reviews change).
bool sameFacts(Case a, Case b);
