#include "TransferController.h"

#include "FileDialog.h"
#include "ImportDialog.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "Settings.h"
#include "io/CaseExporter.h"
#include "models/CaseTableModel.h"
#include "store/CaseStore.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QStatusBar>

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
    dialog.exec();
    // The import wrote through its own connection: this window did it, not another program.
    m_window->acceptOwnChanges();
    if (dialog.report().imported + dialog.report().updated > 0)
        m_window->caseModel()->refresh();
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

bool TransferController::exportFile(const QString &path, bool jsonLines, bool masked) {
    if (!m_window->store())
        return false;
    qint64 written = 0;
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto privacy = masked ? CaseExporter::Privacy::Masked : CaseExporter::Privacy::Full;
    const bool ok =
        jsonLines ? CaseExporter::exportJsonLines(
                        *m_window->store(), m_window->caseModel()->filter(),
                        m_window->caseModel()->currentSort(), path, &written, &error, privacy)
                  : CaseExporter::exportCsv(*m_window->store(), m_window->caseModel()->filter(),
                                            m_window->caseModel()->currentSort(), path, &written,
                                            &error, privacy);
    QApplication::restoreOverrideCursor();
    if (!ok)
        MessageBox::warning(m_window, tr("Export"), error);
    else
        m_window->statusBar()->showMessage(tr("Exported %n case(s) to %1.", nullptr, int(written))
                                               .arg(QDir::toNativeSeparators(path)),
                                           8000);
    return ok;
}
