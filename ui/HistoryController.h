#pragma once

#include <QObject>

class MainWindow;
class QLabel;

// What the window does about the docket's history: the checks at opening (the audit
// tail, the schema, the head this computer remembered), remembering the head for next
// time, File › Back Up Docket, the audit log viewer and File › Verify Audit Log. The
// status bar's two labels (the red warning, the last backup) are its to set.
class HistoryController : public QObject {
    Q_OBJECT
  public:
    HistoryController(MainWindow *window, QLabel *warning, QLabel *lastBackup);

    void checkAtOpening();  // the tail, the schema, the remembered head; shows what is wrong
    void rememberHead();    // of the open docket, in the user's settings
    void showLastBackup();
    void chooseAndBackUp();
    bool backUpTo(const QString &path);  // shows the outcome; true when written and verified
    void showAuditLog();
    bool verifyAuditLog();  // the whole docket check; shows the verdict; true when it holds
    void checkTail();       // the newest entries and the schema; warns of what is wrong

  private:
    void checkRememberedHead();

    MainWindow *m_window;
    QLabel *m_auditWarning;
    QLabel *m_lastBackup;
};
