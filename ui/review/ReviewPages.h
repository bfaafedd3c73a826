#pragma once

#include <QString>
#include <QWizardPage>

class AnswerBox;
class CaseStore;
class QButtonGroup;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTextBrowser;
class QVBoxLayout;
class ReviewSession;

// Common to every page of the review: the shared session and, when the chosen policy
// was not in force on the review date, a warning banner that no page can hide.
class ReviewPage : public QWizardPage {
    Q_OBJECT
  public:
    ReviewPage(ReviewSession &session, const QString &title, const QString &subtitle);
    // Shown above every page of a signed review: who signed it, and that it cannot change.
    void setSignedNote(const QString &note);
    // Where the attorney is in the review: "Step 3 of 7: Aggravating factors" (the wizard
    // numbers the steps the policy has questions for).
    void setStep(int step, int steps);

  protected:
    QVBoxLayout *body() const { return m_body; }
    ReviewSession &session() const { return m_session; }
    void initializePage() override;

  private:
    ReviewSession &m_session;
    QLabel *m_warning;
    QLabel *m_signed;
    QVBoxLayout *m_body;
    QString m_title;
};

// 1. The facts the policy relies on, each with its value or "unknown" and where it comes
// from; the policy pack in use; a way to correct the case record and come back.
class FactsPage : public ReviewPage {
    Q_OBJECT
  public:
    FactsPage(ReviewSession &session, CaseStore &store);
    void initializePage() override;

  private:
    void showFacts();
    void editCase();

    CaseStore &m_store;
    QComboBox *m_pack;
    QTextBrowser *m_facts;
};

// 2-4. Questions of one kind (priorities, aggravating or mitigating factors).
class QuestionsPage : public ReviewPage {
    Q_OBJECT
  public:
    enum class Kind { Priorities, Aggravating, Mitigating };
    QuestionsPage(ReviewSession &session, Kind kind);
    void initializePage() override;

  private:
    void build();

    Kind m_kind;
    QList<AnswerBox *> m_boxes;
    QWidget *m_content = nullptr;
    QString m_builtFor;  // sha256 of the pack the boxes were built for
};

// 5. Representation, and what the policy says follows for represented and unrepresented people.
class RepresentationPage : public ReviewPage {
    Q_OBJECT
  public:
    explicit RepresentationPage(ReviewSession &session);
    void initializePage() override;

  private:
    QLabel *m_text;
};

// 6. The disposition: the pack's options with nothing pre-selected, "What the policy
// says", written reasons, and a reason for departing from the usual course.
class DispositionPage : public ReviewPage {
    Q_OBJECT
  public:
    explicit DispositionPage(ReviewSession &session);
    void initializePage() override;
    bool isComplete() const override;

  protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

  private:
    void buildOptions();
    void showGuidance();
    void showConsiderations();

    QWidget *m_options;
    QButtonGroup *m_group = nullptr;
    QTextBrowser *m_guidance;
    QLabel *m_considerations;
    QPlainTextEdit *m_reasons;
    QLabel *m_deviationLabel;
    QPlainTextEdit *m_deviation;
    QString m_builtFor;
};

// 7. The whole review on one page, with every unanswered required question listed.
class SummaryPage : public ReviewPage {
    Q_OBJECT
  public:
    explicit SummaryPage(ReviewSession &session);
    void initializePage() override;
    bool isComplete() const override;

  Q_SIGNALS:
    // A missing item was clicked: a question id, or disposition, reasons, deviation_reason.
    void questionRequested(const QString &question);

  private:
    QString questionLabel(const QString &question) const;
    QTextBrowser *m_summary;
};
