#pragma once

#include <QObject>
#include <QString>
#include <optional>

class MainWindow;

// The Case menu's review actions for one case: reviewing (a draft to go on with, a ready
// review to look through, a signed one read-only), amending a signed review, signing.
// MainWindow builds the menus and the row menu and hands these over.
class ReviewController : public QObject {
    Q_OBJECT
  public:
    explicit ReviewController(MainWindow *window);

    // Opens the review wizard; when the attorney amends a signed review there, opens the
    // new draft version next.
    void review(qint64 caseId);
    // Asks why, starts a new draft version superseding the signed review, and opens it.
    // False when cancelled or refused (with the reason shown).
    bool amend(qint64 caseId);
    void sign(qint64 caseId);
    // The name reviews record: the profile name, asked for (and kept) the first time.
    // nullopt when the attorney cancels.
    std::optional<QString> reviewer();

  private:
    bool startAmendment(qint64 caseId);

    MainWindow *m_window;
};
