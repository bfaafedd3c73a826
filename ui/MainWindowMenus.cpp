// The menus, toolbar and shortcuts of the main window. Every action has a menu entry
// and a shortcut; standard keys come from QKeySequence so each platform gets its own.
#include "CaseListView.h"
#include "FilterBar.h"
#include "HelpDialogs.h"
#include "HistoryController.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "SigningController.h"
#include "TransferController.h"
#include "models/CaseTableModel.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>
#include <QWhatsThis>

namespace {
// The platform's key for a standard action, or ours where the platform has none
// (Preferences has no binding on some Linux desktops).
QKeySequence standardOr(QKeySequence::StandardKey key, const QKeySequence &fallback) {
    const QList<QKeySequence> bindings = QKeySequence::keyBindings(key);
    return bindings.isEmpty() ? fallback : bindings.first();
}

QIcon icon(const char *name) {
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}
}  // namespace

QAction *MainWindow::addMenuAction(QMenu *menu, const QString &text, const char *objectName,
                                   const QKeySequence &keys, const char *iconName) {
    auto *action = new QAction(text, this);
    if (iconName)
        action->setIcon(icon(iconName));
    action->setObjectName(QLatin1String(objectName));
    action->setShortcut(keys);
    menu->addAction(action);
    return action;
}

void MainWindow::buildMenus() {
    buildFileMenu();
    buildEditMenu();
    buildViewMenu();
    buildCaseMenu();
    buildSigningMenu();
    buildHelpMenu();
    buildToolBar();
    buildRowMenu();
}

void MainWindow::buildFileMenu() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    connect(addMenuAction(file, tr("&New Docket…"), "actionNewDocket",
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)),
            &QAction::triggered, this, &MainWindow::chooseAndCreate);
    QAction *open =
        addMenuAction(file, tr("&Open Docket…"), "actionOpenDocket", QKeySequence::Open, "open");
    connect(open, &QAction::triggered, this, &MainWindow::chooseAndOpen);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    rebuildRecentMenu();
    file->addSeparator();
    connect(addMenuAction(file, tr("&Import CSV…"), "actionImportCsv",
                          QKeySequence(Qt::CTRL | Qt::Key_I)),
            &QAction::triggered, m_transfer, [this] { m_transfer->chooseAndImport(false); });
    connect(addMenuAction(file, tr("Import &JSON Lines…"), "actionImportJsonl",
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I)),
            &QAction::triggered, m_transfer, [this] { m_transfer->chooseAndImport(true); });
    connect(addMenuAction(file, tr("&Export List as CSV…"), "actionExportCsv",
                          QKeySequence(Qt::CTRL | Qt::Key_E)),
            &QAction::triggered, m_transfer, [this] { m_transfer->chooseAndExport(false); });
    connect(addMenuAction(file, tr("Export List as JSON &Lines…"), "actionExportJsonl",
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J)),
            &QAction::triggered, m_transfer, [this] { m_transfer->chooseAndExport(true); });
    connect(addMenuAction(file, tr("Export &Masked List for Statistics…"), "actionExportMasked",
                          QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E)),
            &QAction::triggered, m_transfer, [this] { m_transfer->chooseAndExport(false, true); });
    file->addSeparator();
    QAction *backUp = addMenuAction(file, tr("&Back Up Docket…"), "actionBackUp",
                                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B), "backup");
    connect(backUp, &QAction::triggered, m_historyControl, &HistoryController::chooseAndBackUp);
    connect(addMenuAction(file, tr("Verify &Audit Log"), "actionVerifyAudit",
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)),
            &QAction::triggered, m_historyControl, &HistoryController::verifyAuditLog);
    file->addSeparator();
    QAction *settings = addMenuAction(
        file, tr("&Settings…"), "actionSettings",
        standardOr(QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)), "settings");
    settings->setMenuRole(QAction::PreferencesRole);
    connect(settings, &QAction::triggered, this, &MainWindow::showSettings);
    QAction *quit =
        addMenuAction(file, tr("&Quit"), "actionQuit",
                      standardOr(QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q)));
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::buildEditMenu() {
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(icon("undo"));
    QAction *redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    // Every binding the platform knows, and Ctrl+Shift+Z on any: under some desktops Redo's
    // first binding is Ctrl+Y alone, and Ctrl+Shift+Z (which the guide names) did nothing.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    if (const QKeySequence shiftZ(Qt::CTRL | Qt::SHIFT | Qt::Key_Z); !redoKeys.contains(shiftZ))
        redoKeys.prepend(shiftZ);
    redo->setShortcuts(redoKeys);
    redo->setIcon(icon("redo"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *find = addMenuAction(edit, tr("&Find…"), "actionFind", QKeySequence::Find, "find");
    connect(find, &QAction::triggered, this, [this] {
        showCaseList();
        m_filterBar->focusSearch();
    });
    connect(addMenuAction(edit, tr("&Clear Filters"), "actionClearFilters",
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)),
            &QAction::triggered, this, [this] { m_filterBar->setFilter({}); });
}

void MainWindow::buildViewMenu() {
    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *list = addMenuAction(view, tr("&Case List"), "actionCaseList",
                                  QKeySequence(Qt::CTRL | Qt::Key_1), "case-list");
    connect(list, &QAction::triggered, this, &MainWindow::showCaseList);
    QAction *dashboard = addMenuAction(view, tr("&Dashboard"), "actionDashboard",
                                       QKeySequence(Qt::CTRL | Qt::Key_2), "dashboard");
    connect(dashboard, &QAction::triggered, this, &MainWindow::showDashboard);
    QAction *audit = addMenuAction(view, tr("&Audit Log…"), "actionAuditLog",
                                   QKeySequence(Qt::CTRL | Qt::Key_L), "audit");
    connect(audit, &QAction::triggered, m_historyControl, &HistoryController::showAuditLog);
    view->addSeparator();
    QAction *refresh =
        addMenuAction(view, tr("&Refresh"), "actionRefresh",
                      standardOr(QKeySequence::Refresh, QKeySequence(Qt::Key_F5)), "refresh");
    connect(refresh, &QAction::triggered, this, &MainWindow::refreshAll);
}

void MainWindow::buildCaseMenu() {
    QMenu *menu = menuBar()->addMenu(tr("&Case"));
    QAction *next = addMenuAction(menu, tr("Ne&xt Case to Review"), "actionNextCase",
                                  QKeySequence(Qt::Key_F8), "next-case");
    next->setToolTip(tr("Next case without a signed review, by hearing date (F8)"));
    connect(next, &QAction::triggered, this, &MainWindow::nextCaseToReview);
    menu->addSeparator();
    QAction *add =
        addMenuAction(menu, tr("&New Case…"), "actionNewCase", QKeySequence::New, "new-case");
    connect(add, &QAction::triggered, this, &MainWindow::newCase);
    QAction *edit = addMenuAction(menu, tr("&Edit Case…"), "actionEditCase",
                                  QKeySequence(Qt::CTRL | Qt::Key_Return), "edit");
    connect(edit, &QAction::triggered, this, &MainWindow::editCurrentCase);
    QAction *review = addMenuAction(menu, tr("&Review Case…"), "actionReview",
                                    QKeySequence(Qt::CTRL | Qt::Key_R), "review");
    connect(review, &QAction::triggered, this, &MainWindow::reviewCurrentCase);
    QAction *amend = addMenuAction(menu, tr("&Amend Review…"), "actionAmend",
                                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    amend->setToolTip(tr("Start a new version of a signed review, with the reason"));
    connect(amend, &QAction::triggered, this, &MainWindow::amendCurrentCase);
    QAction *copy = addMenuAction(menu, tr("&Copy A-Number"), "actionCopyANumber",
                                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);  // only in the list
    m_table->addAction(copy);
    connect(copy, &QAction::triggered, this, &MainWindow::copyCurrentANumber);
    QAction *remove = addMenuAction(menu, tr("&Delete Case…"), "actionDeleteCase",
                                    QKeySequence::Delete, "delete");
    // Only in the list: Delete in a text field deletes text.
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_table->addAction(remove);
    connect(remove, &QAction::triggered, this, &MainWindow::deleteCurrentCase);
    menu->addSeparator();
    connect(addMenuAction(menu, tr("&Policies…"), "actionPolicies",
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)),
            &QAction::triggered, this, &MainWindow::showPolicies);
}

void MainWindow::buildSigningMenu() {
    QMenu *menu = menuBar()->addMenu(tr("&Signing"));
    QAction *sign = addMenuAction(menu, tr("&Sign Review…"), "actionSign",
                                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), "sign");
    connect(sign, &QAction::triggered, this, &MainWindow::signCurrentCase);
    QAction *exportPdfs =
        addMenuAction(menu, tr("Export Signed &PDFs…"), "actionExportPdfs",
                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), "export-pdf");
    connect(exportPdfs, &QAction::triggered, this, &MainWindow::exportSelectedPdfs);
    QAction *verify = addMenuAction(menu, tr("&Verify PDF…"), "actionVerifyPdf",
                                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), "verify");
    connect(verify, &QAction::triggered, m_signing, &SigningController::chooseAndVerifyPdf);
    menu->addSeparator();
    connect(addMenuAction(menu, tr("New Signing &Identity…"), "actionNewIdentity",
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K)),
            &QAction::triggered, m_signing, &SigningController::newSigningIdentity);
}

void MainWindow::buildHelpMenu() {
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *guide =
        addMenuAction(help, tr("&User Guide"), "actionUserGuide",
                      standardOr(QKeySequence::HelpContents, QKeySequence(Qt::Key_F1)), "help");
    connect(guide, &QAction::triggered, this, [this] {
        auto *dialog = new UserGuideDialog(this);  // modeless: read it beside the review
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    connect(addMenuAction(help, tr("&Keyboard Shortcuts"), "actionShortcuts",
                          QKeySequence(Qt::CTRL | Qt::Key_Slash)),
            &QAction::triggered, this, [this] {
                ShortcutsDialog dialog(menuBar(), this);
                dialog.exec();
            });
    // What's This? keeps the platform's Shift+F1: click a part of the window to read about it.
    QAction *whatsThis = QWhatsThis::createAction(help);
    whatsThis->setObjectName(QStringLiteral("actionWhatsThis"));
    whatsThis->setShortcut(
        standardOr(QKeySequence::WhatsThis, QKeySequence(Qt::SHIFT | Qt::Key_F1)));
    help->addAction(whatsThis);
    help->addSeparator();
    QAction *aboutQt = addMenuAction(help, tr("About &Qt"), "actionAboutQt",
                                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F1));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    QAction *about = addMenuAction(help, tr("&About Discretion"), "actionAbout", {});
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        MessageBox::information(this, tr("About Discretion"), HelpText::about(m_store.get()));
    });
}

void MainWindow::buildRowMenu() {
    // What can be done with the row under the mouse: the Case and Signing menus' actions.
    m_rowMenu = new QMenu(this);
    m_rowMenu->setObjectName(QStringLiteral("rowMenu"));
    const char *const names[] = {"actionEditCase", "actionReview",    "actionAmend",
                                 "actionSign",     nullptr,           "actionCopyANumber",
                                 nullptr,          "actionDeleteCase"};
    for (const char *name : names) {
        if (!name)
            m_rowMenu->addSeparator();
        else
            m_rowMenu->addAction(findChild<QAction *>(QLatin1String(name)));
    }
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        // A right click has already made its row current; the Menu key comes here at the
        // current row (CaseListView::viewportEvent).
        const int row = m_table->listRowAt(pos);
        if (row < 0)
            return;
        if (!m_table->isRowSelected(row))
            m_table->selectRow(row);
        m_table->setCurrentRow(row);
        m_rowMenu->popup(m_table->viewport()->mapToGlobal(pos));
    });
}

void MainWindow::buildToolBar() {
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));  // saveState needs a name
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    const char *const names[] = {"actionNextCase", "actionReview",    "actionSign", nullptr,
                                 "actionCaseList", "actionDashboard", nullptr,      "actionFind",
                                 "actionUndo",     "actionRedo"};
    for (const char *name : names) {
        if (!name)
            bar->addSeparator();
        else
            bar->addAction(findChild<QAction *>(QLatin1String(name)));
    }
}
