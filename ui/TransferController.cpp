#include "TransferController.h"

#include "BackgroundTask.h"
#include "FileDialog.h"
#include "ImportDialog.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "Settings.h"
#include "io/CaseExporter.h"
#include "models/CaseTableModel.h"
#include "store/CaseStore.h"
#include "store/GiveWay.h"

#include <QDir>
#include <QFileInfo>
#include <QPromise>
#include <QStatusBar>
#include <climits>

TransferController::TransferController(MainWindow *window) : QObject(window), m_window(window) {}

void TransferController::chooseAndImport(bool jsonLines) {
    const QString path =
        FileDialog::openFile(m_window, tr("Import"), Settings::lastFolder(),
                             jsonLines ? tr("JSON Lines (*.jsonl *.ndjson);;All files (*)")
                                       : tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    Settings::setLastFolder(QFileInfo(path).absolutePath());
    importFile(path, jsonLines);
}

void TransferController::importFile(const QString &path, bool jsonLines) {
    if (!m_window->store())
        return;
    ImportDialog dialog(m_window->store()->path(), path,
                        jsonLines ? ImportDialog::Format::JsonLines : ImportDialog::Format::Csv,
                        m_window);
    // The import writes through its own connection: this window does it, not another program.
    m_window->setWatchingForChanges(false);
    dialog.exec();
    m_window->acceptOwnChanges();
    m_window->setWatchingForChanges(true);
    // The list again with the selected case kept (a bare refresh dropped it).
    if (dialog.report().imported + dialog.report().updated > 0)
        m_window->refreshAll();
    if (dialog.hasRun())  // what happened stays in sight after the dialog closes
        m_window->statusBar()->showMessage(ImportDialog::summary(dialog.report()), 15000);
}

void TransferController::chooseAndExport(bool jsonLines, bool masked) {
    const QString path = FileDialog::saveFile(
        m_window, masked ? tr("Export Masked List") : tr("Export"), Settings::lastFolder(),
        jsonLines ? tr("JSON Lines (*.jsonl)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    Settings::setLastFolder(QFileInfo(path).absolutePath());
    exportFile(path, jsonLines, masked);
}

namespace {
struct ExportRequest {
    QString docket;
    QString path;
    CaseFilter filter;
    CaseSort sort;
    bool jsonLines = false;
    CaseExporter::Privacy privacy = CaseExporter::Privacy::Full;
};

struct ExportResult {
    bool ok = false;
    qint64 written = 0;
    QString error;
};

// On a worker thread, through its own connection: a 1.5M-case export takes half a minute,
// and the window must keep painting (and offer Cancel) meanwhile.
void exportOnWorker(QPromise<ExportResult> &promise, const ExportRequest &request) {
    const GiveWay giveWay;  // the window keeps painting and scrolling meanwhile
    ExportResult result;
    auto store = CaseStore::open(request.docket, CaseStore::OpenMode::OpenExisting, &result.error);
    if (store) {
        const CaseExporter::Progress progress = [&promise](qint64 written) {
            promise.setProgressValue(int(std::min<qint64>(written, INT_MAX)));
            return !promise.isCanceled();
        };
        const auto run =
            request.jsonLines ? CaseExporter::exportJsonLines : CaseExporter::exportCsv;
        result.ok = run(*store, request.filter, request.sort, request.path, &result.written,
                        &result.error, request.privacy, progress);
    }
    promise.addResult(result);
}
}  // namespace

bool TransferController::exportFile(const QString &path, bool jsonLines, bool masked) {
    if (!m_window->store())
        return false;
    const CaseTableModel *model = m_window->caseModel();
    const ExportRequest request{
        m_window->store()->path(),
        path,
        model->filter(),
        model->currentSort(),
        jsonLines,
        masked ? CaseExporter::Privacy::Masked : CaseExporter::Privacy::Full};
    bool cancelled = false;
    const ExportResult result =
        runBehindProgress<ExportResult>(
            m_window, tr("Exporting to %1…").arg(QFileInfo(path).fileName()),
            QStringLiteral("exportProgress"), model->isCountExact() ? model->rowCount() : 0,
            [request](QPromise<ExportResult> &promise) { exportOnWorker(promise, request); },
            &cancelled)
            .value_or(ExportResult{});
    if (cancelled && !result.ok)  // Cancel pressed after the file was written is no cancel
        m_window->statusBar()->showMessage(CaseExporter::cancelledMessage(), 8000);
    else if (!result.ok)
        MessageBox::warning(m_window, tr("Export"), result.error);
    else
        m_window->statusBar()->showMessage(
            // The file's name, not its whole path: the status bar's permanent labels leave
            // a message about half a 1280-pixel window, and a long path hid the count.
            (masked ? tr("Exported %Ln case(s) to %1, masked: no names or A-numbers.", nullptr,
                         int(result.written))
                    : tr("Exported %Ln case(s) to %1.", nullptr, int(result.written)))
                .arg(QFileInfo(path).fileName()),
            8000);
    return result.ok;
}
