#include "MainWindow.h"

#include "CaseDetailsPanel.h"
#include "CaseEditController.h"
#include "CaseHistoryView.h"
#include "CaseListSetup.h"
#include "CaseListView.h"
#include "DashboardView.h"
#include "FileDialog.h"
#include "FilterBar.h"
#include "HelpDialogs.h"
#include "HistoryController.h"
#include "MessageBox.h"
#include "PoliciesDialog.h"
#include "ReviewController.h"
#include "Settings.h"
#include "SettingsDialog.h"
#include "SigningController.h"
#include "StatusBarController.h"
#include "ToolTip.h"
#include "TransferController.h"
#include "audit/AuditLog.h"
#include "domain/ANumber.h"
#include "domain/Clock.h"
#include "models/CaseTableModel.h"
#include "policy/PolicyLibrary.h"
#include "store/CaseStore.h"
#include "store/SchemaCheck.h"
#include "store/WorkerPool.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

namespace {
constexpr int kDetailsAtLatestMs = 250;  // after the list is read again, paint or not
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent),
      m_model(new CaseTableModel(this)),
      m_filterBar(new FilterBar(this)),
      m_table(new CaseListView(this)),
      m_details(new CaseDetailsPanel(this)),
      m_history(new CaseHistoryView(this)),
      m_caseTabs(new QTabWidget(this)),
      m_mainTabs(new QTabWidget(this)),
      m_dashboard(new DashboardView(this)),
      m_signing(new SigningController(this)),
      m_reviews(new ReviewController(this)),
      m_edits(new CaseEditController(this)),
      m_transfer(new TransferController(this)),
      m_auditWarning(new QLabel(this)),
      m_lastBackup(new QLabel(this)),
      m_historyControl(new HistoryController(this, m_auditWarning, m_lastBackup)),
      m_changeWatch(new QTimer(this)),
      m_showCase(new QTimer(this)),
      m_undo(new QUndoStack(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    // Built on a worker while the window appears, once per process, rather than by the first
    // opening of a docket on this thread: the schema the migrations make (to compare the
    // docket's with), the built-in policy packs and OpenSSL's SHA-256 (the audit log's tail
    // is checked at each opening).
    WorkerPool::instance()->start([] {
        SchemaCheck::prepare();
        PolicyPack::builtIn();
        AuditLog::entryHash({}, {});
    });
    setWindowIcon(QIcon(QStringLiteral(":/icons/discretion.svg")));
    CaseListSetup::configure(m_table, m_model);
    m_filterBar->takeTypingFrom(m_table);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_caseTabs->setObjectName(QStringLiteral("caseTabs"));
    m_caseTabs->addTab(m_details, tr("&Details"));
    m_caseTabs->addTab(m_history, tr("&History"));
    splitter->addWidget(m_table);
    splitter->addWidget(m_caseTabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setSizes({1000, 280});
    splitter->restoreState(Settings::mainSplitter());

    auto *casesPage = new QWidget(this);
    auto *layout = new QVBoxLayout(casesPage);
    layout->addWidget(m_filterBar);
    layout->addWidget(splitter, 1);
    m_mainTabs->setObjectName(QStringLiteral("mainTabs"));
    m_mainTabs->setDocumentMode(true);
    m_mainTabs->addTab(casesPage, tr("&Cases"));
    m_mainTabs->addTab(m_dashboard, tr("Dash&board"));
    setCentralWidget(m_mainTabs);
    connect(m_mainTabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1)
            showDashboard();
    });
    connect(m_dashboard, &DashboardView::filterRequested, this, &MainWindow::filterFromDashboard);

    m_auditWarning->setObjectName(QStringLiteral("auditWarning"));
    m_auditWarning->setStyleSheet(QStringLiteral("color:#a40000; font-weight:bold"));
    m_auditWarning->hide();
    m_lastBackup->setObjectName(QStringLiteral("lastBackup"));
    statusBar()->addPermanentWidget(m_auditWarning);
    statusBar()->addPermanentWidget(m_lastBackup);
    m_status = new StatusBarController(statusBar(), m_table, m_model, this);

    connect(m_filterBar, &FilterBar::filterChanged, this, &MainWindow::applyFilter);
    connect(m_filterBar, &FilterBar::listRequested, this, [this] {
        m_table->setFocus(Qt::OtherFocusReason);
        if (m_table->currentRow() < 0)
            m_table->selectFirstRow();
    });
    connect(m_table, &QTableView::activated, this, [this] {
        if (m_store && !m_store->isReadOnly())
            editCurrentCase();
    });
    // The details and history of the current case are read and laid out in a turn of their
    // own (5–9 ms at 1.5M cases), not in the one that moved the row or opened the docket,
    // and once for a run of rows passed over (a key held down). After the list is read
    // again (a docket opened, a filter) they wait for its first paint, which lays out every
    // cell's new text (about 10 ms): run in the same turn as that paint, they held the
    // window 20–23 ms (bench_stalls under perf).
    m_showCase->setSingleShot(true);
    connect(m_showCase, &QTimer::timeout, this, [this] {
        m_detailsAfterPaint = false;
        showCurrentCase();
    });
    connect(m_table, &CaseListView::currentRowChanged, m_showCase, [this] {
        if (!m_detailsAfterPaint)
            m_showCase->start(0);
    });
    connect(m_model, &QAbstractItemModel::modelReset, m_showCase, [this] {
        m_detailsAfterPaint = true;
        m_showCase->start(kDetailsAtLatestMs);  // a hidden list is never painted
    });
    connect(m_table, &CaseListView::painted, m_showCase, [this] {
        if (m_detailsAfterPaint)
            m_showCase->start(0);
    });
    connect(m_table, &CaseListView::selectionNarrowed, this, [this](qint64 before, qint64 now) {
        statusBar()->showMessage(
            tr("Still selected after the list changed: %1 of the %2 cases you had selected (the "
               "others are no longer in the list).")
                .arg(QLocale().toString(now), QLocale().toString(before)),
            8000);
    });
    // Another program (the CLI importing, a second window) may change the docket: look
    // every two seconds, at the cost of one PRAGMA, and show what it did.
    m_changeWatch->setObjectName(QStringLiteral("changeWatch"));
    m_changeWatch->setInterval(2000);
    connect(m_changeWatch, &QTimer::timeout, this, &MainWindow::refreshIfChangedElsewhere);
    buildMenus();
    if (!restoreGeometry(Settings::windowGeometry()))
        resize(1280, 760);
    restoreState(Settings::windowState());
    updateTitle();
}

MainWindow::~MainWindow() {
    m_undo->clear();
    // The model reads through the store: detach it before the store closes.
    m_model->setStore(nullptr);
}

void MainWindow::rebuildRecentMenu() {
    m_recentMenu->clear();
    for (const QString &path : Settings::recentDockets())
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this,
                                [this, path] { openDocket(path); });
    // A greyed submenu gives no reason; an open one says why it holds nothing.
    if (m_recentMenu->isEmpty())
        m_recentMenu->addAction(tr("No docket opened yet: File › Open Docket…"))->setEnabled(false);
}

bool MainWindow::openDocket(const QString &path) {
    QString error;
    auto store = CaseStore::open(path, CaseStore::OpenMode::OpenExisting, &error);
    if (!store) {
        MessageBox::warning(this, tr("Cannot open docket"), error);
        return false;
    }
    m_historyControl->rememberHead();  // of the docket being closed
    m_undo->clear();                   // its steps belong to the docket being closed
    // Nothing may keep pointing at the docket being closed: the model's reset below asks
    // the status bar to count again.
    m_model->setStore(nullptr);
    m_status->setStore(nullptr);
    m_store = std::move(store);
    m_queuePosition.reset();
    showNames();
    // The filter bar keeps what it can for the new docket's lists; the list filters by
    // what the bar shows.
    m_model->setFilter(m_filterBar->filter());
    m_model->setStore(m_store.get());
    // The details wait for the list's first paint: until then they must not show a case of
    // the docket just closed (a new user saw one beside the new list for 0.2 s).
    m_details->showReading();
    m_history->showCase(m_store.get(), QString());
    if (!m_store->isSynthetic()) {
        Settings::addRecentDocket(m_store->path());
        rebuildRecentMenu();
    }
    updateTitle();
    m_historyControl->checkAtOpening();
    m_dataVersion = m_store->dataVersion();
    m_changeWatch->start();
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    m_table->setFocus();  // Enter opens the selected case straight away
    return true;
}

void MainWindow::showNames() {
    m_filterBar->setCourts(m_store->courts());
    QHash<QString, QString> courts;
    for (const Court &c : m_store->courts())
        courts.insert(c.code, c.name);
    m_details->setCourtNames(courts);
    QHash<QString, QString> dispositions;
    QList<QPair<QString, QString>> choices;
    for (const PolicyPack &pack : PolicyLibrary::available(*m_store))
        for (const PolicyItem &d : pack.dispositions)
            if (!dispositions.contains(d.id)) {
                dispositions.insert(d.id, d.label);
                choices.append({d.id, d.label});
            }
    m_filterBar->setDispositions(choices);
    m_dashboard->setNames(courts, dispositions);
}

void MainWindow::showDashboard() {
    if (m_mainTabs->currentWidget() != m_dashboard)
        m_mainTabs->setCurrentWidget(m_dashboard);  // comes back here through currentChanged
    else if (m_store)
        m_dashboard->refresh(m_store->path());  // a quarter second on 1.5M cases, off-thread
}

void MainWindow::refreshAll() {
    if (!m_store)
        return;
    const CaseListView::Place place = m_table->place();
    m_model->refresh();
    m_table->restoreWhenFound(place);
    if (m_mainTabs->currentWidget() == m_dashboard)
        m_dashboard->refresh(m_store->path());
}

void MainWindow::showSettings() {
    SettingsDialog dialog(m_store.get(), this);
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(tr("Settings saved."), 5000);
}

void MainWindow::showCaseList() {
    m_mainTabs->setCurrentIndex(0);
    m_table->setFocus();
}

void MainWindow::filterFromDashboard(const CaseFilter &filter) {
    m_filterBar->setFilter(filter);
    showCaseList();
    m_table->selectFirstRow();
}

void MainWindow::setWatchingForChanges(bool watching) {
    if (!watching)
        m_changeWatch->stop();
    else if (m_store)
        m_changeWatch->start();
}

void MainWindow::acceptOwnChanges() {
    if (m_store)
        m_dataVersion = m_store->dataVersion();
}

void MainWindow::refreshIfChangedElsewhere() {
    if (!m_store)
        return;
    const qint64 version = m_store->dataVersion();
    if (version == m_dataVersion)
        return;
    m_dataVersion = version;
    if (m_store->recheckSchema()) {  // now read-only: the title says so, and a warning
        updateTitle();
        m_historyControl->checkTail();
    }
    CaseListView::Place place = m_table->place();
    place.currentRow = -1;  // the case gone: nothing selected in its stead, and said why
    const qint64 selected = place.currentId;
    // Ids are reused: a case deleted with sqlite3 and another imported took its id, and the
    // window went on with that other person selected. A kept id must still be the same case.
    const QHash<qint64, QString> before =
        m_model->aNumbersIfRead(QList<qint64>(place.ids) << place.currentId);
    m_model->refresh();
    const QHash<qint64, QString> now = m_store->aNumbersOf(before.keys());
    for (auto it = before.constBegin(); it != before.constEnd(); ++it)
        if (now.value(it.key()) != it.value()) {
            place.ids.removeAll(it.key());
            if (place.currentId == it.key())
                place.currentId = 0;
        }
    statusBar()->showMessage(
        tr("The docket was changed by another program; the list is up to date."), 8000);
    // Looked for on a worker: with a one-letter search and the case far down, counting the
    // rows before it here held the window 420-460 ms, every 2 s while a CLI import wrote.
    m_table->restoreWhenFound(place, [this, selected](bool found) {
        if (selected && !found)
            statusBar()->showMessage(tr("The docket was changed by another program: the case "
                                        "you had selected is no longer in the list."),
                                     8000);
    });
    m_historyControl->showLastBackup();
    if (m_mainTabs->currentWidget() == m_dashboard)
        m_dashboard->refresh(m_store->path());
}

void MainWindow::chooseAndOpen() {
    const QString path = FileDialog::openFile(this, tr("Open Docket"), Settings::lastFolder(),
                                              tr("Dockets (*.sqlite *.db);;All files (*)"));
    if (!path.isEmpty() && openDocket(path))
        Settings::setLastFolder(QFileInfo(path).absolutePath());
}

void MainWindow::chooseAndCreate() {
    // No "replace it?" from the chooser: an existing file is never replaced here (below).
    const QString path = FileDialog::saveFile(this, tr("New Docket"), Settings::lastFolder(),
                                              tr("Dockets (*.sqlite)"), FileDialog::NeverReplaces);
    if (path.isEmpty())
        return;
    QString error;
    if (QFileInfo::exists(path)) {
        MessageBox::warning(this, tr("New Docket"),
                            tr("%1 already exists. Use Open Docket to open it.").arg(path));
        return;
    }
    if (!CaseStore::open(path, CaseStore::OpenMode::CreateIfMissing, &error)) {
        MessageBox::warning(this, tr("New Docket"), error);
        return;
    }
    openDocket(path);
}

qint64 MainWindow::currentCaseId() const {
    return m_table->currentCaseId();
}

void MainWindow::showCurrentCase() {
    const qint64 id = currentCaseId();
    if (!id && m_store && m_table->currentRow() >= 0) {  // its row's page is still coming
        m_details->showReading();
        m_history->showCase(m_store.get(), QString());
        return;
    }
    const std::optional<Case> shown = m_store && id ? m_store->loadCase(id) : std::nullopt;
    m_details->showCase(shown);
    m_history->showCase(m_store.get(), shown ? shown->aNumber : QString());
}

void MainWindow::applyFilter(const CaseFilter &filter) {
    // The case being read stays selected when the new filter still lists it (clearing a
    // search, widening a court filter), so the attorney does not lose their place.
    const qint64 current = m_table->place().currentId;  // also one waiting for the count
    m_model->setFilter(filter);
    // Otherwise a new list starts at its first row, not where the old one was scrolled. The
    // case is looked for on a worker thread: in a one-letter search of 1.5M cases, counting the
    // rows before it held the window up to 660 ms.
    m_table->scrollToTop();
    if (current) {
        CaseListView::Place alone;
        alone.currentId = current;
        m_table->restoreWhenFound(alone);
    }
}

bool MainWindow::selectCase(qint64 id) {
    return m_table->selectCase(id);
}

bool MainWindow::nextCaseToReview() {
    if (!m_store)
        return false;
    const ReviewQueue queue(m_store->database(), m_model->filter());
    std::optional<ReviewQueue::Position> next = queue.next(m_queuePosition);
    if (!next && m_queuePosition) {
        next = queue.next(std::nullopt);  // past the last one: start again from the first
        if (next)
            statusBar()->showMessage(tr("End of the queue: back to the earliest hearing."), 8000);
    }
    if (!next) {
        statusBar()->showMessage(tr("No case in the list needs a decision."), 8000);
        return false;
    }
    m_queuePosition = next;
    selectCase(next->caseId);
    return true;
}

void MainWindow::newCase() {
    m_edits->newCase();
}

void MainWindow::editCurrentCase() {
    m_edits->editCase(currentCaseId());
}

void MainWindow::reviewCurrentCase() {
    m_reviews->review(currentCaseId());
}

void MainWindow::amendCurrentCase() {
    m_reviews->amend(currentCaseId());
}

void MainWindow::signCurrentCase() {
    m_reviews->sign(currentCaseId());
}

void MainWindow::showCaseAgain(qint64 id) {
    m_edits->showCaseAgain(id);
}

void MainWindow::copyCurrentANumber() {
    if (const std::optional<Case> c = m_store ? m_store->loadCase(currentCaseId()) : std::nullopt)
        QGuiApplication::clipboard()->setText(ANumber::displayDigits(c->aNumber));
}

QList<qint64> MainWindow::selectedCaseIds() const {
    return m_signing->selectedSignedCandidates();
}

void MainWindow::exportSelectedPdfs() {
    m_signing->exportSelectedPdfs();
}

void MainWindow::showPolicies() {
    if (!m_store)
        return;
    PoliciesDialog dialog(*m_store, this);
    dialog.exec();
}

void MainWindow::deleteCurrentCase() {
    m_edits->deleteCase(currentCaseId());
}

void MainWindow::updateTitle() {
    m_status->setStore(m_store.get());
    if (!m_store) {
        setWindowTitle(tr("Discretion"));
        return;
    }
    const QString name = QFileInfo(m_store->path()).fileName();
    QString title =
        m_store->isSynthetic() ? tr("%1 — demo docket (synthetic cases)").arg(name) : name;
    if (m_store->isReadOnly())
        title += tr(" — read-only");
    setWindowTitle(title);
    // Actions that can only write are off while the docket cannot be written.
    for (const char *name : {"actionImportCsv", "actionImportJsonl", "actionNewCase",
                             "actionEditCase", "actionReview", "actionDeleteCase", "actionSign"})
        if (auto *action = findChild<QAction *>(QLatin1String(name)))
            action->setEnabled(!m_store->isReadOnly());
    if (m_store->isReadOnly())
        statusBar()->showMessage(tr("Read-only: %1.").arg(m_store->readOnlyReason()));
    else  // a read-only docket's message must not outlive it
        statusBar()->clearMessage();
}

void MainWindow::saveLayout() {
    Settings::setCaseTableHeader(m_table->horizontalHeader()->saveState());
    Settings::setMainSplitter(findChild<QSplitter *>(QStringLiteral("mainSplitter"))->saveState());
    Settings::setWindowGeometry(saveGeometry());
    Settings::setWindowState(saveState());
}

void MainWindow::closeEvent(QCloseEvent *event) {
    saveLayout();
    m_historyControl->rememberHead();
    event->accept();
}
