#include "ReviewController.h"

#include "MainWindow.h"
#include "MessageBox.h"
#include "Settings.h"
#include "SignDialog.h"
#include "TextPrompt.h"
#include "domain/Clock.h"
#include "review/ReviewWizard.h"
#include "store/CaseStore.h"
#include "store/ReviewStore.h"

ReviewController::ReviewController(MainWindow *window) : QObject(window), m_window(window) {}

std::optional<QString> ReviewController::reviewer() {
    const QString name = Settings::preferences().profileName;
    if (!name.isEmpty())
        return name;
    // A review records a person, never a placeholder: ask once, keep it in the profile.
    const std::optional<QString> typed = TextPrompt::line(
        m_window, tr("Your Name"),
        tr("Reviews record who made them. Your name as it should appear on your reviews and "
           "in the audit log (you can change it in File › Settings):"));
    if (typed)
        Settings::useProfileName(*typed);
    return typed;
}

void ReviewController::review(qint64 caseId) {
    CaseStore *store = m_window->store();
    if (!store || caseId == 0)
        return;
    const std::optional<QString> name = reviewer();
    if (!name)
        return;
    const QString preferred = Settings::preferences().defaultPolicy;
    for (;;) {
        ReviewWizard wizard(*store, caseId, *name, Clock::today(), m_window, preferred);
        const int result = wizard.exec();
        if (result != ReviewWizard::AmendRequested || !startAmendment(caseId))
            break;
    }
    m_window->showCaseAgain(caseId);  // the review status may have changed
}

bool ReviewController::amend(qint64 caseId) {
    CaseStore *store = m_window->store();
    if (!store || caseId == 0 || !startAmendment(caseId))
        return false;
    review(caseId);
    return true;
}

bool ReviewController::startAmendment(qint64 caseId) {
    CaseStore &store = *m_window->store();
    const std::optional<Review> latest = ReviewStore(store).latest(caseId);
    if (!latest || !latest->isSigned) {
        MessageBox::information(m_window, tr("Amend Review"),
                                tr("Only a signed review is amended. This case's review is not "
                                   "signed: open it with Review Case and change it there."));
        return false;
    }
    const std::optional<QString> reason = TextPrompt::paragraph(
        m_window, tr("Amend Review"),
        tr("Why is the signed review (version %1) being amended? The reason is kept with the "
           "new version and printed on its disposition; the signed version stays as it was.")
            .arg(latest->version));
    if (!reason)
        return false;
    QString error;
    if (!ReviewStore(store).amend(caseId, *reason, &error)) {
        MessageBox::warning(m_window, tr("Amend Review"), error);
        return false;
    }
    return true;
}

void ReviewController::sign(qint64 caseId) {
    if (!m_window->store() || caseId == 0)
        return;
    SignDialog dialog(*m_window->store(), caseId, m_window);
    dialog.exec();
    m_window->showCaseAgain(caseId);
}
