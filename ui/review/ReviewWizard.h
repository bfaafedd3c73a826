#pragma once

#include <QDate>
#include <QString>
#include <QWizard>

class CaseStore;
class ReviewSession;

// The review of one case, one page per step of the policy: facts, priorities,
// aggravating and mitigating factors, representation, disposition, summary. All pages
// share one ReviewSession. The draft is saved at every step; Finish marks it ready to
// sign. A signed review opens read-only, saying who signed it and when, with Amend… to
// start a new version. Keyboard: Alt+N next, Alt+B back.
class ReviewWizard : public QWizard {
    Q_OBJECT
  public:
    // exec() returns this when the attorney chose Amend… on a signed review.
    static constexpr int AmendRequested = 2;

    enum PageId {
        FactsId,
        PrioritiesId,
        AggravatingId,
        MitigatingId,
        RepresentationId,
        DispositionId,
        SummaryId
    };

    // preferredPolicy: a pack id to start a new review under instead of the pack in force on
    // the review date (Settings ▸ Default policy); a resumed review keeps its own pack.
    ReviewWizard(CaseStore &store, qint64 caseId, const QString &reviewer, QDate reviewDate,
                 QWidget *parent = nullptr, const QString &preferredPolicy = {});

    ReviewSession &session() const { return *m_session; }
    // A signed review: shown as it was signed, nothing can be changed.
    bool isReadOnly() const;
    bool saveDraft();
    bool validateCurrentPage() override;
    int nextId() const override;
    void accept() override;
    void reject() override;

    // Goes back to the page that asks `question` (a summary's missing item) and focuses it.
    void goToQuestion(const QString &question);

  private:
    void showSigned(CaseStore &store);
    void lockPage(int id);
    void resumeWhereLeft();
    void rememberPage();
    void showSaveState();  // "Save draft" while something is unsaved, "Saved" after
    void markSaved();
    int pageOf(const QString &question) const;
    void fitScreen();
    bool asksNothing(int id) const;  // a question page the policy has no questions for
    QList<int> steps() const;        // the pages shown, in order
    void numberSteps();              // "Step 2 of 4: …" on each page shown

    ReviewSession *m_session;
    bool m_savedHere = false;  // saved since the wizard opened
    QString m_docket;          // path: where the page a draft was left on is remembered
    QString m_numberedFor;     // the pack the steps were numbered for
};
