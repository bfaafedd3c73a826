#include "ReviewWizard.h"

#include "MessageBox.h"
#include "ReviewPages.h"
#include "Settings.h"
#include "domain/ANumber.h"
#include "policy/PolicyLibrary.h"
#include "review/ReviewSession.h"

#include "domain/LocalTime.h"
#include "store/CaseStore.h"
#include "store/ReviewStore.h"

#include <algorithm>

#include <QAbstractButton>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScreen>
#include <QScrollArea>
#include <QTimer>

ReviewWizard::ReviewWizard(CaseStore &store, qint64 caseId, const QString &reviewer,
                           QDate reviewDate, QWidget *parent, const QString &preferredPolicy)
    : QWizard(parent),
      m_session(new ReviewSession(store, caseId, PolicyLibrary::available(store), reviewDate,
                                  reviewer, this)),
      m_docket(store.path()) {
    if (!m_session->resumed() && !preferredPolicy.isEmpty())
        m_session->choosePack(preferredPolicy);
    setObjectName(QStringLiteral("reviewWizard"));
    setWindowTitle(tr("Review of %1 — %2")
                       .arg(m_session->caseRecord().displayName(),
                            ANumber::displayDigits(m_session->caseRecord().aNumber)));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::HaveCustomButton1);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::CustomButton1, tr("Save &draft"));
    setButtonText(QWizard::FinishButton, tr("Mark &ready to sign"));
    button(QWizard::CustomButton1)->setObjectName(QStringLiteral("saveDraftButton"));
    button(QWizard::NextButton)->setObjectName(QStringLiteral("nextButton"));
    button(QWizard::FinishButton)->setObjectName(QStringLiteral("finishButton"));
    setPage(FactsId, new FactsPage(*m_session, store));
    setPage(PrioritiesId, new QuestionsPage(*m_session, QuestionsPage::Kind::Priorities));
    setPage(AggravatingId, new QuestionsPage(*m_session, QuestionsPage::Kind::Aggravating));
    setPage(MitigatingId, new QuestionsPage(*m_session, QuestionsPage::Kind::Mitigating));
    setPage(RepresentationId, new RepresentationPage(*m_session));
    setPage(DispositionId, new DispositionPage(*m_session));
    auto *summary = new SummaryPage(*m_session);
    setPage(SummaryId, summary);
    numberSteps();
    connect(m_session, &ReviewSession::changed, this, &ReviewWizard::numberSteps);
    connect(summary, &SummaryPage::questionRequested, this, &ReviewWizard::goToQuestion);
    connect(this, &QWizard::customButtonClicked, this, [this](int which) {
        if (which == QWizard::CustomButton2)
            done(AmendRequested);
        else
            saveDraft();
    });
    if (isReadOnly())
        showSigned(store);
    // Closing keeps what was changed as a draft: "Cancel" read as throwing it away.
    setButtonText(QWizard::CancelButton, tr("&Close"));
    button(QWizard::CancelButton)
        ->setToolTip(tr("Close the review; what you changed is kept as a draft"));
    fitScreen();
    resumeWhereLeft();
    // Saving said nothing: a new user only saw it worked in the list's Review column.
    connect(m_session, &ReviewSession::changed, this, &ReviewWizard::showSaveState);
    connect(m_session, &ReviewSession::saved, this, &ReviewWizard::markSaved);
    showSaveState();
}

void ReviewWizard::markSaved() {
    m_savedHere = true;
    showSaveState();
}

void ReviewWizard::showSaveState() {
    const bool unsaved = !isReadOnly() && m_session->hasUnsavedChanges();
    // "Saved" only when there is a saved review: a new one with nothing typed yet is not.
    const bool kept = m_session->resumed() || m_savedHere;
    setButtonText(QWizard::CustomButton1, unsaved || !kept ? tr("Save &draft") : tr("Saved"));
    button(QWizard::CustomButton1)->setEnabled(unsaved);
}

void ReviewWizard::resumeWhereLeft() {
    // A draft reopens on the page it was left on; the pages before it stay a Back away.
    const Review &r = m_session->review();
    if (!m_session->resumed() || r.status != u"draft" || r.isSigned)
        return;
    const int page = Settings::resumePage(m_docket, r.id);
    if (!pageIds().contains(page) || page == FactsId)
        return;
    restart();
    while (currentId() != page && nextId() != -1)
        next();
}

void ReviewWizard::fitScreen() {
    // Tall enough for the disposition step's ten choices under the 2021 framework with room
    // for what the policy says and the reasons (both were 70 pixels at 680), within the screen.
    QSize size(860, 760);
    if (const QScreen *screen = this->screen())
        size = size.boundedTo(screen->availableGeometry().size() - QSize(40, 40));
    resize(size);
}

bool ReviewWizard::asksNothing(int id) const {
    const PolicyPack &pack = m_session->pack();
    return (id == PrioritiesId && pack.priorities.isEmpty()) ||
           (id == AggravatingId && pack.aggravating.isEmpty()) ||
           (id == MitigatingId && pack.mitigating.isEmpty());
}

QList<int> ReviewWizard::steps() const {
    QList<int> shown = pageIds();
    shown.removeIf([this](int id) { return asksNothing(id); });
    return shown;
}

int ReviewWizard::nextId() const {
    // A step the policy asks nothing in is passed over: under Executive Order 14159's pack,
    // three pages said only "This policy asks no questions of this kind".
    const QList<int> shown = steps();
    const auto after =
        std::find_if(shown.begin(), shown.end(), [this](int id) { return id > currentId(); });
    return after == shown.end() ? -1 : *after;
}

void ReviewWizard::numberSteps() {
    // Once per pack, not as each page opens: a title set as a page opened had QWizard lay out
    // the new page's text with the old page and widen the window for good.
    if (m_numberedFor == m_session->pack().sha256())
        return;
    m_numberedFor = m_session->pack().sha256();
    const QList<int> shown = steps();
    for (qsizetype i = 0; i < shown.size(); ++i)
        static_cast<ReviewPage *>(page(shown[i]))->setStep(int(i + 1), int(shown.size()));
}

void ReviewWizard::rememberPage() {
    const Review &r = m_session->review();
    if (r.id > 0 && !isReadOnly())
        Settings::setResumePage(m_docket, r.id, r.status == u"draft" ? currentId() : -1);
}

int ReviewWizard::pageOf(const QString &question) const {
    const PolicyPack &pack = m_session->pack();
    const auto asks = [&question](const QList<PolicyItem> &items) {
        return std::any_of(items.begin(), items.end(),
                           [&question](const PolicyItem &i) { return i.id == question; });
    };
    if (asks(pack.priorities))
        return PrioritiesId;
    if (asks(pack.aggravating))
        return AggravatingId;
    if (asks(pack.mitigating))
        return MitigatingId;
    return question == u"policy" ? FactsId : DispositionId;
}

void ReviewWizard::goToQuestion(const QString &question) {
    const int target = pageOf(question);
    while (currentId() != target && currentId() != startId() && visitedIds().contains(target))
        back();
    const QString name = question == u"reasons"            ? QStringLiteral("reasonsEdit")
                         : question == u"deviation_reason" ? QStringLiteral("deviationEdit")
                                                           : QStringLiteral("answer_") + question;
    if (auto *widget = currentPage()->findChild<QWidget *>(name)) {
        if (auto *scroll = currentPage()->findChild<QScrollArea *>())
            scroll->ensureWidgetVisible(widget);
        QWidget *focus = widget->focusProxy() ? widget->focusProxy() : widget;
        // An answer box takes focus on its first option; after QWizard has placed its own.
        QWidget *first = widget->findChild<QAbstractButton *>();
        QTimer::singleShot(0, widget, [focus, first] { (first ? first : focus)->setFocus(); });
    }
}

bool ReviewWizard::isReadOnly() const {
    return m_session->review().isSigned;
}

void ReviewWizard::showSigned(CaseStore &store) {
    const std::optional<ReviewSignature> signature =
        ReviewStore(store).signatureOf(m_session->review().id);
    const QString note =
        tr("Signed by %1 on %2. A signed review cannot be changed: Amend… starts version %3, "
           "with your reason, and this version stays as it was signed.")
            .arg(signature ? signature->signer : tr("an unknown signer"),
                 signature ? LocalTime::text(signature->signedAt) : QString())
            .arg(m_session->review().version + 1);
    for (int id : pageIds())
        static_cast<ReviewPage *>(page(id))->setSignedNote(note);
    setWindowTitle(windowTitle() + tr(" (signed, read-only)"));
    setOption(QWizard::HaveCustomButton2);
    setButtonText(QWizard::CustomButton2, tr("&Amend…"));
    button(QWizard::CustomButton2)->setObjectName(QStringLiteral("amendButton"));
    setButtonText(QWizard::CancelButton, tr("&Close"));
    setButtonLayout({QWizard::CustomButton2, QWizard::Stretch, QWizard::BackButton,
                     QWizard::NextButton, QWizard::CancelButton});
    connect(this, &QWizard::currentIdChanged, this, &ReviewWizard::lockPage);
}

void ReviewWizard::lockPage(int id) {
    // Pages build their inputs as they open, so each is locked once it has.
    if (!page(id))
        return;  // closing
    for (QWidget *w : page(id)->findChildren<QWidget *>()) {
        if (auto *text = qobject_cast<QPlainTextEdit *>(w))
            text->setReadOnly(true);
        else if (auto *line = qobject_cast<QLineEdit *>(w))
            line->setReadOnly(true);
        else if (qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w))
            w->setEnabled(false);
    }
}

bool ReviewWizard::saveDraft() {
    if (isReadOnly() || !m_session->hasUnsavedChanges())
        return true;  // a ready review looked through stays ready
    QString error;
    if (m_session->save(QStringLiteral("draft"), &error)) {
        rememberPage();
        return true;
    }
    MessageBox::warning(this, tr("Draft not saved"), error);
    return false;
}

bool ReviewWizard::validateCurrentPage() {
    // Drafts are saved as the attorney goes, so a review can be resumed where it was left.
    // On the summary, Finish has just saved the review as ready: do not turn it back.
    if (currentId() == SummaryId)
        return QWizard::validateCurrentPage();
    return saveDraft() && QWizard::validateCurrentPage();
}

void ReviewWizard::accept() {
    if (isReadOnly()) {
        QWizard::accept();
        return;
    }
    QString error;
    if (!m_session->save(QStringLiteral("ready"), &error)) {
        MessageBox::warning(this, tr("Not ready to sign"), error);
        return;
    }
    rememberPage();  // ready: nothing left to resume
    QWizard::accept();
}

void ReviewWizard::reject() {
    // Closing keeps what was written since the last save, as a draft that resumes from
    // here; opening a review and closing it again without a change leaves it as it was.
    if (!isReadOnly() && m_session->hasUnsavedChanges()) {
        QString error;
        m_session->save(QStringLiteral("draft"), &error);
    }
    rememberPage();
    QWizard::reject();
}
