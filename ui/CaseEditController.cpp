#include "CaseEditController.h"

#include "CaseEditorDialog.h"
#include "CaseListView.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "domain/ANumber.h"
#include "models/CaseTableModel.h"
#include "store/CaseStore.h"
#include "store/ReviewStore.h"

#include <QStatusBar>
#include <QUndoStack>

CaseEditController::CaseEditController(MainWindow *window) : QObject(window), m_window(window) {}

void CaseEditController::newCase() {
    if (m_window->store())
        runEditor(std::nullopt, tr("Case %1 added."));
}

void CaseEditController::editCase(qint64 caseId) {
    if (CaseStore *store = m_window->store(); store && caseId)
        runEditor(store->loadCase(caseId), tr("Case %1 saved."));
}

void CaseEditController::runEditor(const std::optional<Case> &existing,
                                   const QString &doneMessage) {
    CaseStore &store = *m_window->store();
    CaseListView::Place place = m_window->caseTable()->place();
    CaseEditorDialog dialog(store, existing, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Case saved = dialog.savedCase();
    if (!existing)
        m_window->undoStack()->push(new AddCaseCommand(store, undoneReporter(), saved));
    else if (!sameFacts(*existing, saved))
        m_window->undoStack()->push(new EditCaseCommand(store, undoneReporter(), *existing, saved));
    m_window->caseModel()->refresh();
    place.currentId = saved.id;  // a new case, or the edited one (perhaps filtered out now)
    if (!existing) {             // a new case is selected alone
        place.all = false;
        place.ids.clear();
    }
    const QString done = doneMessage.arg(ANumber::displayDigits(saved.aNumber));
    m_window->statusBar()->showMessage(done, 5000);
    // Saved out of the search or filter shown, the case left the list without a word (a new
    // user searched "gar ma", renamed García and saw "No cases match").
    m_window->caseTable()->restoreWhenFound(place, [this, done](bool found) {
        if (!found)
            m_window->statusBar()->showMessage(
                tr("%1 It no longer matches the search or filters, so the list does not show "
                   "it: Clear Filters (Ctrl+Shift+F) shows it again.")
                    .arg(done),
                10000);
    });
}

CaseCommand::Done CaseEditController::undoneReporter() {
    return [this](const QString &aNumber, const QString &step, const QString &problem) {
        // The case the step touched is selected alone: the rows selected before it belonged to
        // other cases (kept, they stood highlighted beside it while Delete took only it). A
        // case gone from the list leaves the row that took its place.
        CaseListView::Place place = m_window->caseTable()->place();
        place.currentId = m_window->store()->findCaseId(aNumber);
        place.currentSelected = true;
        place.all = false;
        place.ids.clear();
        m_window->caseModel()->refresh();
        m_window->caseTable()->restoreWhenFound(place);
        if (!problem.isEmpty()) {
            MessageBox::warning(m_window, tr("Undo"), problem + u'.');
            return;
        }
        // Not the "saved" of the step being undone.
        m_window->statusBar()->showMessage(step + u'.', 5000);
    };
}

void CaseEditController::showCaseAgain(qint64 caseId) {
    CaseListView::Place place = m_window->caseTable()->place();  // the others stay selected
    m_window->caseModel()->refresh();
    place.currentId = caseId;
    m_window->caseTable()->restoreWhenFound(place);
}

void CaseEditController::deleteCase(qint64 caseId) {
    CaseStore *store = m_window->store();
    const std::optional<Case> c = store && caseId ? store->loadCase(caseId) : std::nullopt;
    if (!c)
        return;
    // A signed disposition is kept for good: say so before asking anything.
    if (ReviewStore(*store).hasSignedVersion(caseId)) {
        MessageBox::information(
            m_window, tr("Delete Case"),
            tr("The case of %1 (%2) has a signed review and cannot be deleted: a signed "
               "disposition is kept for good. If the review was wrong, amend it (Case › Amend "
               "Review…).")
                .arg(c->displayName(), ANumber::displayDigits(c->aNumber)));
        return;
    }
    // A case with a review would lose it: that deletion cannot be undone.
    const bool undoable = c->reviewStatus == u"not_reviewed";
    if (!confirmDeletion(*c, undoable))
        return;
    if (undoable) {
        m_window->undoStack()->push(new DeleteCaseCommand(*store, undoneReporter(), *c));
        return;
    }
    QString error;
    if (!store->deleteCase(caseId, &error)) {
        MessageBox::warning(m_window, tr("Delete Case"), error);
        return;
    }
    const CaseListView::Place place = m_window->caseTable()->place();
    m_window->caseModel()->refresh();
    m_window->caseTable()->restoreWhenFound(place);
}

bool CaseEditController::confirmDeletion(const Case &c, bool undoable) {
    const QString question =
        (undoable ? tr("Delete the case of %1 (%2)? Edit ▸ Undo brings it back.")
                  : tr("Delete the case of %1 (%2) and its review? This cannot be undone."))
            .arg(c.displayName(), ANumber::displayDigits(c.aNumber));
    return MessageBox::question(m_window, tr("Delete Case"), question,
                                QMessageBox::Yes | QMessageBox::Cancel,
                                QMessageBox::Cancel) == QMessageBox::Yes;
}
