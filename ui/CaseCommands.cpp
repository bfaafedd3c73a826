#include "CaseCommands.h"

#include "domain/ANumber.h"
#include "store/CaseStore.h"

#include <QCoreApplication>
#include <utility>

bool sameFacts(Case a, Case b) {
    for (Case *c : {&a, &b}) {
        c->id = 0;
        c->createdAt = {};
        c->updatedAt = {};
        c->reviewStatus.clear();
    }
    return a == b;
}

CaseCommand::CaseCommand(CaseStore &store, Done done, const QString &text)
    : m_store(store), m_done(std::move(done)) {
    setText(text);
}

void CaseCommand::report(const QString &aNumber, Step step, const QString &problem) {
    // A fresh Delete said "Redone: Deletion of …" (from a new user's walk-through).
    const char *said = step == Step::Undoing   ? "Undone: %1"
                       : step == Step::Redoing ? "Redone: %1"
                                               : "%1: done (Edit ▸ Undo brings the case back)";
    if (m_done)
        m_done(aNumber, QCoreApplication::translate("CaseCommand", said).arg(text()), problem);
}

bool CaseCommand::replace(const std::optional<Case> &expected, const std::optional<Case> &c,
                          Step step) {
    const QString aNumber = expected ? expected->aNumber : c->aNumber;
    const qint64 id = m_store.findCaseId(aNumber);
    const std::optional<Case> stored = id ? m_store.loadCase(id) : std::nullopt;
    const bool asExpected = expected ? stored && sameFacts(*stored, *expected) : !stored;
    QString error;
    if (asExpected && !c && stored->reviewStatus != u"not_reviewed")
        error = QCoreApplication::translate("CaseCommand",
                                            "case %1 has a review now; it was not deleted")
                    .arg(ANumber::displayDigits(aNumber));
    else if (!asExpected)
        error = QCoreApplication::translate(
                    "CaseCommand", "case %1 was changed since; nothing was undone or redone")
                    .arg(ANumber::displayDigits(aNumber));
    else if (!c)
        m_store.deleteCase(id, &error);
    else {
        Case written = *c;
        written.id = id;  // 0 inserts
        m_store.saveCase(written, &error);
    }
    if (!error.isEmpty())
        setObsolete(true);  // the stack drops a step that cannot be taken
    report(c ? c->aNumber : aNumber, step, error);
    return error.isEmpty();
}

EditCaseCommand::EditCaseCommand(CaseStore &store, Done done, Case before, Case after)
    : CaseCommand(store, std::move(done),
                  QCoreApplication::translate("CaseCommand", "Edit of %1")
                      .arg(ANumber::displayDigits(after.aNumber))),
      m_before(std::move(before)),
      m_after(std::move(after)) {}

void EditCaseCommand::undo() {
    replace(m_after, m_before, Step::Undoing);
}

void EditCaseCommand::redo() {
    if (std::exchange(m_saved, false))
        return;
    replace(m_before, m_after, Step::Redoing);
}

AddCaseCommand::AddCaseCommand(CaseStore &store, Done done, Case added)
    : CaseCommand(store, std::move(done),
                  QCoreApplication::translate("CaseCommand", "New case %1")
                      .arg(ANumber::displayDigits(added.aNumber))),
      m_case(std::move(added)) {}

void AddCaseCommand::undo() {
    replace(m_case, std::nullopt, Step::Undoing);
}

void AddCaseCommand::redo() {
    if (std::exchange(m_saved, false))
        return;
    replace(std::nullopt, m_case, Step::Redoing);
}

DeleteCaseCommand::DeleteCaseCommand(CaseStore &store, Done done, Case deleted)
    : CaseCommand(store, std::move(done),
                  QCoreApplication::translate("CaseCommand", "Deletion of %1")
                      .arg(ANumber::displayDigits(deleted.aNumber))),
      m_case(std::move(deleted)) {}

void DeleteCaseCommand::undo() {
    replace(std::nullopt, m_case, Step::Undoing);
}

void DeleteCaseCommand::redo() {
    replace(m_case, std::nullopt, std::exchange(m_deleted, true) ? Step::Redoing : Step::Doing);
}
