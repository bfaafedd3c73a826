#pragma once

#include <QList>
#include <QObject>

class MainWindow;

// The Signing menu's work that is not about the selected row: exporting signed PDFs,
// verifying a PDF against the open docket, making a signing identity. MainWindow builds
// the menu and hands these over; the dialogs and verdicts live here.
class SigningController : public QObject {
    Q_OBJECT
  public:
    explicit SigningController(MainWindow *window);

    // The selected cases: all of them, or only those with a signed review when those are
    // fewer (a whole million-case list selected); the export leaves unsigned ones out.
    QList<qint64> selectedSignedCandidates() const;
    void exportSelectedPdfs();
    void exportPdfs(const QList<qint64> &caseIds, qint64 chosen);
    void chooseAndVerifyPdf();
    bool verifyPdf(const QString &path);  // shows the verdict; true when valid
    void newSigningIdentity();

  private:
    MainWindow *m_window;
};
