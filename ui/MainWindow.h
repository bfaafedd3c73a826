#pragma once

#include "store/ReviewQueue.h"

#include <QMainWindow>
#include <memory>
#include <optional>

class CaseDetailsPanel;
class CaseEditController;
class CaseHistoryView;
class CaseListView;
class CaseStore;
class CaseTableModel;
class DashboardView;
class FilterBar;
class QAction;
class QKeySequence;
class QLabel;
class QMenu;
class QUndoStack;
class QTabWidget;
class QTimer;
class HistoryController;
class ReviewController;
class SigningController;
class StatusBarController;
class TransferController;

// The workstation window: filter bar, case list and details side by side, a status
// bar with the counts, and the menus. It owns the open docket.
class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a docket file; on failure shows why and keeps the current one.
    bool openDocket(const QString &path);
    // Changes this window made through a connection of its own (an import) are not news.
    void acceptOwnChanges();
    CaseStore *store() const { return m_store.get(); }
    CaseTableModel *caseModel() const { return m_model; }
    CaseListView *caseTable() const { return m_table; }
    DashboardView *dashboard() const { return m_dashboard; }
    QUndoStack *undoStack() const { return m_undo; }
    void showDashboard();
    void showCaseList();

    // Selects the next case without a signed review, by hearing date, within the filters;
    // false when there is none.
    bool nextCaseToReview();
    void newCase();
    void editCurrentCase();
    void reviewCurrentCase();
    void amendCurrentCase();
    void showPolicies();
    void signCurrentCase();
    void deleteCurrentCase();
    void copyCurrentANumber();
    // After a dialog changed a case or its review: the list again, with the case selected.
    void showCaseAgain(qint64 id);
    // The list read again with the selected case kept, and the dashboard when it is shown.
    void refreshAll();
    ReviewController *reviews() const { return m_reviews; }
    // The menu of a row of the case list (right click, or the Menu key).
    QMenu *rowMenu() const { return m_rowMenu; }
    // The ids of the selected cases (those with a signed review, for a large selection).
    QList<qint64> selectedCaseIds() const;
    void exportSelectedPdfs();
    SigningController *signing() const { return m_signing; }
    // Backups, the audit log and the checks of the docket's history.
    HistoryController *historyControl() const { return m_historyControl; }
    // File › Import and Export of case lists.
    TransferController *transfer() const { return m_transfer; }
    StatusBarController *statusBarController() const { return m_status; }
    // Off while this window writes through another connection (an import), so its own
    // change is not announced as another program's.
    void setWatchingForChanges(bool watching);

  protected:
    void closeEvent(QCloseEvent *event) override;

  private:
    void buildMenus();  // MainWindowMenus.cpp
    void buildFileMenu();
    void buildEditMenu();
    void buildViewMenu();
    void buildCaseMenu();
    void buildSigningMenu();
    void buildRowMenu();
    void buildHelpMenu();
    void buildToolBar();
    QAction *addMenuAction(QMenu *menu, const QString &text, const char *objectName,
                           const QKeySequence &keys, const char *iconName = nullptr);
    void showSettings();
    void rebuildRecentMenu();
    void chooseAndOpen();
    void chooseAndCreate();
    void showCurrentCase();
    void updateTitle();
    bool selectCase(qint64 id);  // false when the list does not show it
    void applyFilter(const CaseFilter &filter);
    qint64 currentCaseId() const;
    void saveLayout();
    void refreshIfChangedElsewhere();
    void showNames();  // court and disposition names for the filter bar and the dashboard
    void filterFromDashboard(const CaseFilter &filter);

    std::unique_ptr<CaseStore> m_store;
    CaseTableModel *m_model;
    FilterBar *m_filterBar;
    CaseListView *m_table;
    CaseDetailsPanel *m_details;
    CaseHistoryView *m_history;
    QTabWidget *m_caseTabs;
    QTabWidget *m_mainTabs;
    DashboardView *m_dashboard;
    SigningController *m_signing;
    ReviewController *m_reviews;
    CaseEditController *m_edits;
    TransferController *m_transfer;
    QLabel *m_auditWarning;
    QLabel *m_lastBackup;
    HistoryController *m_historyControl;  // after the two labels it sets
    StatusBarController *m_status = nullptr;
    QTimer *m_changeWatch;
    QTimer *m_showCase;                // shows the current case's details once the row has settled
    bool m_detailsAfterPaint = false;  // the list was read again: its paint goes first
    qint64 m_dataVersion = -1;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_rowMenu = nullptr;
    QUndoStack *m_undo;
    std::optional<ReviewQueue::Position> m_queuePosition;  // the last case Next Case chose
};
