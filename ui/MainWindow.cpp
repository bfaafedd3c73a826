#include "MainWindow.h"

#include "AuditLogDialog.h"
#include "CaseCommands.h"
#include "CaseDetailsPanel.h"
#include "CaseEditorDialog.h"
#include "CaseHistoryView.h"
#include "DashboardView.h"
#include "FileDialog.h"
#include "FilterBar.h"
#include "ImportDialog.h"
#include "MessageBox.h"
#include "PoliciesDialog.h"
#include "Settings.h"
#include "SettingsDialog.h"
#include "SignDialog.h"
#include "SigningController.h"
#include "audit/AuditLog.h"
#include "check/DocketCheck.h"
#include "check/Witness.h"
#include "domain/ANumber.h"
#include "domain/Clock.h"
#include "io/CaseExporter.h"
#include "models/CaseTableModel.h"
#include "policy/PolicyLibrary.h"
#include "review/ReviewWizard.h"
#include "sign/TrustStore.h"
#include "store/CaseStore.h"
#include "store/DocketBackup.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent),
      m_model(new CaseTableModel(this)),
      m_filterBar(new FilterBar(this)),
      m_table(new QTableView(this)),
      m_details(new CaseDetailsPanel(this)),
      m_history(new CaseHistoryView(this)),
      m_caseTabs(new QTabWidget(this)),
      m_mainTabs(new QTabWidget(this)),
      m_dashboard(new DashboardView(this)),
      m_signing(new SigningController(this)),
      m_counts(new QLabel(this)),
      m_auditWarning(new QLabel(this)),
      m_lastBackup(new QLabel(this)),
      m_hearingsSoon(new QLabel(this)),
      m_changeWatch(new QTimer(this)),
      m_undo(new QUndoStack(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/discretion.svg")));
    m_table->setObjectName(QStringLiteral("caseTable"));
    m_table->setAccessibleName(tr("Cases"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);  // for batch export
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures a million rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSortIndicator(CaseTableModel::HearingColumn,
                                                  Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    const int widths[] = {100, 165, 100, 45, 150, 105, 150, 95};
    for (int c = 0; c < CaseTableModel::ColumnCount; ++c)
        m_table->setColumnWidth(c, widths[c]);
    m_table->horizontalHeader()->restoreState(Settings::caseTableHeader());

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_caseTabs->setObjectName(QStringLiteral("caseTabs"));
    m_caseTabs->addTab(m_details, tr("&Details"));
    m_caseTabs->addTab(m_history, tr("&History"));
    splitter->addWidget(m_table);
    splitter->addWidget(m_caseTabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setSizes({960, 320});
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

    m_counts->setObjectName(QStringLiteral("caseCounts"));
    m_auditWarning->setObjectName(QStringLiteral("auditWarning"));
    m_auditWarning->setStyleSheet(QStringLiteral("color:#a40000; font-weight:bold"));
    m_auditWarning->hide();
    m_lastBackup->setObjectName(QStringLiteral("lastBackup"));
    statusBar()->addPermanentWidget(m_auditWarning);
    m_hearingsSoon->setObjectName(QStringLiteral("hearingsSoon"));
    statusBar()->addPermanentWidget(m_hearingsSoon);
    statusBar()->addPermanentWidget(m_lastBackup);
    statusBar()->addPermanentWidget(m_counts);

    connect(m_filterBar, &FilterBar::filterChanged, m_model, &CaseTableModel::setFilter);
    connect(m_model, &CaseTableModel::countChanged, this, &MainWindow::updateCounts);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateHearingsSoon);
    connect(m_table, &QTableView::activated, this, [this] {
        if (m_store && !m_store->isReadOnly())
            editCurrentCase();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showCurrentCase);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::showCurrentCase);
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
    m_recentMenu->setEnabled(!m_recentMenu->isEmpty());
}

bool MainWindow::openDocket(const QString &path) {
    QString error;
    auto store = CaseStore::open(path, CaseStore::OpenMode::OpenExisting, &error);
    if (!store) {
        MessageBox::warning(this, tr("Cannot open docket"), error);
        return false;
    }
    rememberHead();   // of the docket being closed
    m_undo->clear();  // its steps belong to the docket being closed
    m_model->setStore(nullptr);
    m_store = std::move(store);
    m_queuePosition.reset();
    showNames();
    m_model->setStore(m_store.get());
    if (!m_store->isSynthetic()) {
        Settings::addRecentDocket(m_store->path());
        rebuildRecentMenu();
    }
    updateTitle();
    showLastBackup();
    checkAuditTail();
    checkRememberedHead();
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
    const qint64 id = currentCaseId();
    m_model->refresh();
    if (!selectCase(id) && m_model->rowCount() > 0)
        m_table->selectRow(0);
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
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
}

void MainWindow::refreshIfChangedElsewhere() {
    if (!m_store)
        return;
    const qint64 version = m_store->dataVersion();
    if (version == m_dataVersion)
        return;
    m_dataVersion = version;
    const qint64 id = currentCaseId();
    m_model->refresh();
    if (!selectCase(id) && m_model->rowCount() > 0)
        m_table->selectRow(0);
    showLastBackup();
    if (m_mainTabs->currentWidget() == m_dashboard)
        m_dashboard->refresh(m_store->path());
    statusBar()->showMessage(
        tr("The docket was changed by another program; the list is up to date."), 8000);
}

void MainWindow::checkAuditTail() {
    // The newest entries, at every opening (a few milliseconds); the whole chain is a
    // menu action, since a 1.5-million-case docket has as many entries. The schema was
    // compared when the docket opened (a changed one opens read-only).
    const AuditVerification tail = AuditLog(m_store->handle()).verify(64);
    const QStringList &schema = m_store->schemaChanges();
    const bool ok = tail.ok && schema.isEmpty();
    m_auditWarning->setVisible(!ok);
    if (ok)
        return;
    QStringList found;
    if (!tail.ok)
        found << tr("the audit log: %1").arg(tail.problem);
    for (const QString &change : schema)
        found << tr("the schema: %1").arg(change);
    m_auditWarning->setText(tail.ok ? tr("Docket changed outside Discretion")
                                    : tr("Audit log broken"));
    m_auditWarning->setToolTip(found.join(u'\n'));
    MessageBox::warning(
        this, tr("Docket changed outside Discretion"),
        tr("This docket was changed outside Discretion:\n\n%1\n\n"
           "Entries recorded before that point still hold; treat later changes "
           "with suspicion and restore a backup if you have one.%2")
            .arg(found.join(u'\n'), schema.isEmpty() ? QString()
                                                     : tr(" Until then it is open read-only, so "
                                                          "that nothing hidden runs when it is "
                                                          "written.")));
}

void MainWindow::rememberHead() {
    if (!m_store)
        return;
    const AuditLog log(m_store->handle());
    Settings::setLastAuditHead(m_store->path(),
                               QStringLiteral("%1:%2").arg(log.headSeq()).arg(log.headHashHex()));
}

void MainWindow::checkRememberedHead() {
    // What this computer saw last time is a witness the docket cannot rewrite. When the
    // chain no longer holds it, say so, and keep that memory so the warning stays.
    const QString remembered = Settings::lastAuditHead(m_store->path());
    const Witness witness{tr("This computer, when it last had the docket open,"),
                          remembered.section(u':', 0, 0).toLongLong(),
                          QByteArray::fromHex(remembered.section(u':', 1).toLatin1())};
    const QString problem = remembered.isEmpty() ? QString() : witness.problemIn(*m_store);
    if (problem.isEmpty()) {
        rememberHead();
        return;
    }
    m_auditWarning->setText(tr("History rewritten"));
    m_auditWarning->setToolTip(problem);
    m_auditWarning->setVisible(true);
    MessageBox::warning(this, tr("History rewritten"),
                        problem + tr(".\n\nRestore the docket from a backup you trust, and check "
                                     "it with discretion check --witness."));
}

void MainWindow::showLastBackup() {
    const QString when = m_store ? m_store->lastBackup() : QString();
    m_lastBackup->setText(
        when.isEmpty() ? tr("Never backed up")
                       : tr("Last backup %1 UTC").arg(QString(when.left(16)).replace(u'T', u' ')));
}

void MainWindow::chooseAndBackUp() {
    if (!m_store)
        return;
    const QString suggested =
        QStringLiteral("%1/%2-backup-%3.sqlite")
            .arg(Settings::lastFolder(), QFileInfo(m_store->path()).completeBaseName(),
                 Clock::nowUtc().toString(QStringLiteral("yyyyMMdd-HHmm")));
    const QString path =
        FileDialog::saveFile(this, tr("Back Up Docket"), suggested, tr("Dockets (*.sqlite)"));
    if (!path.isEmpty())
        backUpTo(path);
}

bool MainWindow::backUpTo(const QString &path) {
    if (!m_store)
        return false;
    if (QFileInfo(path).absoluteFilePath() == QFileInfo(m_store->path()).absoluteFilePath()) {
        MessageBox::warning(this, tr("Back Up Docket"),
                            tr("Choose another file than the docket itself."));
        return false;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const BackupResult r = DocketBackup::backup(*m_store, path);
    QApplication::restoreOverrideCursor();
    if (!r.ok) {
        MessageBox::warning(this, tr("Backup failed"), r.problem);
        return false;
    }
    showLastBackup();
    statusBar()->showMessage(tr("Backed up to %1 and verified (%2 audit entries).")
                                 .arg(QDir::toNativeSeparators(path))
                                 .arg(r.auditEntries),
                             10000);
    return true;
}

void MainWindow::showAuditLog() {
    if (!m_store)
        return;
    AuditLogDialog dialog(*m_store, this);
    dialog.exec();
}

bool MainWindow::verifyAuditLog() {
    if (!m_store)
        return false;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString trustError;
    const std::optional<TrustStore> trust =
        TrustStore::fromChoice({}, Settings::preferences().trustStore, &trustError);
    DocketCheck check = DocketCheck::run(*m_store, trust ? &*trust : nullptr);
    if (!trustError.isEmpty())
        check.signers.prepend(trustError);
    QApplication::restoreOverrideCursor();
    m_auditWarning->setVisible(!check.ok());
    if (!check.ok()) {
        m_auditWarning->setText(tr("Audit log broken"));
        m_auditWarning->setToolTip(check.problems().join(u'\n'));
        MessageBox::warning(this, tr("Audit log broken"),
                            tr("The docket was changed outside Discretion:\n\n%1")
                                .arg(check.problems().join(QStringLiteral("\n"))));
        return false;
    }
    const AuditVerification &v = check.audit;
    MessageBox::information(
        this, tr("Audit log verified"),
        tr("The chain holds: all %1 entries are as they were written.").arg(v.checked));
    return true;
}

void MainWindow::chooseAndOpen() {
    const QString path = FileDialog::openFile(this, tr("Open Docket"), Settings::lastFolder(),
                                              tr("Dockets (*.sqlite *.db);;All files (*)"));
    if (!path.isEmpty() && openDocket(path))
        Settings::setLastFolder(QFileInfo(path).absolutePath());
}

void MainWindow::chooseAndCreate() {
    const QString path = FileDialog::saveFile(this, tr("New Docket"), Settings::lastFolder(),
                                              tr("Dockets (*.sqlite)"));
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
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->caseId(current.row()) : 0;
}

void MainWindow::showCurrentCase() {
    const qint64 id = currentCaseId();
    const std::optional<Case> shown = m_store && id ? m_store->loadCase(id) : std::nullopt;
    m_details->showCase(shown);
    m_history->showCase(m_store.get(), shown ? shown->aNumber : QString());
}

bool MainWindow::selectCase(qint64 id) {
    const int row = m_model->rowOfCase(id);
    if (row < 0)
        return false;
    if (row >= m_model->rowCount())
        m_model->waitForCount(5000);  // a deep row appears once the list is counted
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtCenter);
    return true;
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

void MainWindow::updateHearingsSoon() {
    if (!m_store) {
        m_hearingsSoon->clear();
        return;
    }
    const QDate today = Clock::today();
    const qint64 soon = ReviewQueue(m_store->database(), m_model->filter())
                            .hearingsWithoutDecision(today, today.addDays(ReviewQueue::kSoonDays));
    const QString text = soon == 1 ? tr("%2 hearing within %1 days without a signed review")
                                   : tr("%2 hearings within %1 days without a signed review");
    m_hearingsSoon->setText(
        soon == 0 ? QString()
                  : text.arg(QString::number(ReviewQueue::kSoonDays), QLocale().toString(soon)));
    m_hearingsSoon->setToolTip(tr("Highlighted in the list. Next Case (F8) takes them in order."));
}

void MainWindow::newCase() {
    if (m_store)
        runEditor(std::nullopt, tr("Case %1 added."));
}

void MainWindow::editCurrentCase() {
    const qint64 id = currentCaseId();
    if (m_store && id)
        runEditor(m_store->loadCase(id), tr("Case %1 saved."));
}

void MainWindow::runEditor(const std::optional<Case> &existing, const QString &doneMessage) {
    const int row = m_table->currentIndex().row();
    CaseEditorDialog dialog(*m_store, existing, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Case saved = dialog.savedCase();
    if (!existing)
        m_undo->push(new AddCaseCommand(*m_store, undoneReporter(), saved));
    else if (!sameFacts(*existing, saved))
        m_undo->push(new EditCaseCommand(*m_store, undoneReporter(), *existing, saved));
    m_model->refresh();
    if (!selectCase(saved.id) && m_model->rowCount() > 0)
        m_table->selectRow(qBound(0, row, m_model->rowCount() - 1));  // filtered out now
    statusBar()->showMessage(doneMessage.arg(ANumber::displayDigits(saved.aNumber)), 5000);
}

CaseCommand::Done MainWindow::undoneReporter() {
    return [this](const QString &aNumber, const QString &problem) {
        const int row = m_table->currentIndex().row();
        m_model->refresh();
        if (!selectCase(m_store->findCaseId(aNumber)) && m_model->rowCount() > 0)
            m_table->selectRow(qBound(0, row, m_model->rowCount() - 1));
        if (!problem.isEmpty())
            MessageBox::warning(this, tr("Undo"), problem + u'.');
    };
}

void MainWindow::reviewCurrentCase() {
    const qint64 id = currentCaseId();
    if (!m_store || !id)
        return;
    const Settings::Preferences preferences = Settings::preferences();
    const QString reviewer = !preferences.profileName.isEmpty()
                                 ? preferences.profileName
                                 : qEnvironmentVariable("USER", tr("Reviewing attorney"));
    ReviewWizard wizard(*m_store, id, reviewer, Clock::today(), this, preferences.defaultPolicy);
    wizard.exec();
    m_model->refresh();  // the review status may have changed
    selectCase(id);
}

void MainWindow::signCurrentCase() {
    const qint64 id = currentCaseId();
    if (!m_store || !id)
        return;
    SignDialog dialog(*m_store, id, this);
    dialog.exec();
    m_model->refresh();
    selectCase(id);
}

QList<qint64> MainWindow::selectedCaseIds() const {
    const QItemSelection selection = m_table->selectionModel()->selection();
    qint64 selectedRows = 0;
    for (const QItemSelectionRange &range : selection)
        selectedRows += range.height();
    QList<qint64> ids;
    if (!m_store || selectedRows == 0)
        return ids;
    // Only cases with a signed review can be exported. When they are fewer than the selected
    // rows (a whole million-case list selected), ask where each of them sits in the list.
    const QList<qint64> signedCases = ReviewStore(*m_store).casesWithSignedReview();
    if (signedCases.size() < selectedRows) {
        for (qint64 id : signedCases) {
            const int row = m_model->rowOfCase(id);
            if (row >= 0 && m_table->selectionModel()->isRowSelected(row))
                ids << id;
        }
        return ids;
    }
    for (const QItemSelectionRange &range : selection)
        for (int row = range.top(); row <= range.bottom(); ++row)
            ids << m_model->caseId(row);
    return ids;
}

void MainWindow::exportSelectedPdfs() {
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QList<qint64> ids = selectedCaseIds();
    QApplication::restoreOverrideCursor();
    m_signing->exportPdfs(ids);
}

void MainWindow::showPolicies() {
    if (!m_store)
        return;
    PoliciesDialog dialog(*m_store, this);
    dialog.exec();
}

void MainWindow::deleteCurrentCase() {
    const qint64 id = currentCaseId();
    if (!m_store || !id)
        return;
    const std::optional<Case> c = m_store->loadCase(id);
    if (!c)
        return;
    // A case with a review would lose it: that deletion cannot be undone (and a signed
    // review refuses it).
    const bool undoable = c->reviewStatus == u"not_reviewed";
    const QString question =
        (undoable ? tr("Delete the case of %1 (%2)? Edit ▸ Undo brings it back.")
                  : tr("Delete the case of %1 (%2) and its review? This cannot be undone."))
            .arg(c->displayName(), ANumber::displayDigits(c->aNumber));
    if (MessageBox::question(this, tr("Delete Case"), question,
                             QMessageBox::Yes | QMessageBox::Cancel,
                             QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (undoable) {
        m_undo->push(new DeleteCaseCommand(*m_store, undoneReporter(), *c));  // deletes
        return;
    }
    QString error;
    if (!m_store->deleteCase(id, &error)) {
        MessageBox::warning(this, tr("Delete Case"), error);
        return;
    }
    const int row = m_table->currentIndex().row();
    m_model->refresh();
    if (m_model->rowCount() > 0)
        m_table->selectRow(qMin(row, m_model->rowCount() - 1));
}

void MainWindow::chooseAndImport(bool jsonLines) {
    const QString path =
        FileDialog::openFile(this, tr("Import"), Settings::lastFolder(),
                             jsonLines ? tr("JSON Lines (*.jsonl *.ndjson);;All files (*)")
                                       : tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    Settings::setLastFolder(QFileInfo(path).absolutePath());
    importFile(path, jsonLines);
}

void MainWindow::importFile(const QString &path, bool jsonLines) {
    if (!m_store)
        return;
    ImportDialog dialog(m_store->path(), path,
                        jsonLines ? ImportDialog::Format::JsonLines : ImportDialog::Format::Csv,
                        this);
    dialog.exec();
    if (dialog.report().imported + dialog.report().updated > 0)
        m_model->refresh();
}

void MainWindow::chooseAndExport(bool jsonLines, bool masked) {
    const QString path = FileDialog::saveFile(
        this, masked ? tr("Export Masked List") : tr("Export"), Settings::lastFolder(),
        jsonLines ? tr("JSON Lines (*.jsonl)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    Settings::setLastFolder(QFileInfo(path).absolutePath());
    exportFile(path, jsonLines, masked);
}

bool MainWindow::exportFile(const QString &path, bool jsonLines, bool masked) {
    if (!m_store)
        return false;
    qint64 written = 0;
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto privacy = masked ? CaseExporter::Privacy::Masked : CaseExporter::Privacy::Full;
    const bool ok =
        jsonLines
            ? CaseExporter::exportJsonLines(*m_store, m_model->filter(), m_model->currentSort(),
                                            path, &written, &error, privacy)
            : CaseExporter::exportCsv(*m_store, m_model->filter(), m_model->currentSort(), path,
                                      &written, &error, privacy);
    QApplication::restoreOverrideCursor();
    if (!ok)
        MessageBox::warning(this, tr("Export"), error);
    else
        statusBar()->showMessage(tr("Exported %n case(s) to %1.", nullptr, int(written))
                                     .arg(QDir::toNativeSeparators(path)),
                                 8000);
    return ok;
}

void MainWindow::updateCounts(qint64 matching, bool exact) {
    const qint64 total = m_store ? m_store->caseCount() : 0;
    const QString count =
        exact ? QLocale().toString(matching) : tr("at least %1").arg(QLocale().toString(matching));
    m_counts->setText(
        m_model->filter().isEmpty() && exact
            ? (total == 1 ? tr("1 case") : tr("%1 cases").arg(QLocale().toString(total)))
            : tr("%1 of %2 cases match").arg(count, QLocale().toString(total)));
}

void MainWindow::updateTitle() {
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
        statusBar()->showMessage(
            tr("Read-only: %1. Reading, searching, checking and verifying work.")
                .arg(m_store->readOnlyReason()));
}

void MainWindow::saveLayout() {
    Settings::setCaseTableHeader(m_table->horizontalHeader()->saveState());
    Settings::setMainSplitter(findChild<QSplitter *>(QStringLiteral("mainSplitter"))->saveState());
    Settings::setWindowGeometry(saveGeometry());
    Settings::setWindowState(saveState());
}

void MainWindow::closeEvent(QCloseEvent *event) {
    saveLayout();
    rememberHead();
    event->accept();
}
