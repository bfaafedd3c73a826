#include "ImportDialog.h"

#include "BackgroundTask.h"
#include "files/InputFile.h"
#include "io/CsvImporter.h"
#include "io/JsonLinesImporter.h"
#include "store/CaseStore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPromise>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
constexpr int kPreviewRows = 50;  // enough to see a pattern of rejected cells

// Runs on a worker thread with its own connection; progress is in per-mille of bytes.
void importOnWorker(QPromise<ImportReport> &promise, const QString &docket, const QString &file,
                    ImportDialog::Format format, DuplicatePolicy policy) {
    QString error;
    auto store = CaseStore::open(docket, CaseStore::OpenMode::OpenExisting, &error);
    ImportReport report;
    if (!store) {
        report.fatal = error;
        promise.addResult(report);
        return;
    }
    promise.setProgressRange(0, 1000);
    const ImportProgress progress = [&promise](qint64 done, qint64 total) {
        promise.setProgressValue(total > 0 ? int(done * 1000 / total) : 0);
        return !promise.isCanceled();
    };
    report = format == ImportDialog::Format::Csv
                 ? CsvImporter(*store, policy, progress).importFile(file)
                 : JsonLinesImporter(*store, policy, progress).importFile(file);
    promise.addResult(report);
}
}  // namespace

ImportDialog::ImportDialog(const QString &docketPath, const QString &file, Format format,
                           QWidget *parent)
    : QDialog(parent),
      m_docketPath(docketPath),
      m_file(file),
      m_format(format),
      m_preview(new QTableWidget(this)),
      m_duplicates(new QComboBox(this)),
      m_info(new QLabel(this)),
      m_rejected(new QPlainTextEdit(this)) {
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import %1").arg(QFileInfo(file).fileName()));
    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_duplicates->setObjectName(QStringLiteral("duplicatePolicy"));
    m_duplicates->setAccessibleName(tr("A-numbers already in the docket"));
    m_duplicates->addItem(tr("Skip cases whose A-number is already in the docket"),
                          int(DuplicatePolicy::Skip));
    m_duplicates->addItem(tr("Update cases whose A-number is already in the docket"),
                          int(DuplicatePolicy::Update));
    m_info->setObjectName(QStringLiteral("importInfo"));
    m_info->setWordWrap(true);
    m_rejected->setObjectName(QStringLiteral("rejectedRows"));
    m_rejected->setReadOnly(true);
    m_rejected->hide();

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *import = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    import->setObjectName(QStringLiteral("importButton"));
    buttons->addButton(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(import, &QPushButton::clicked, this, [this, import, buttons] {
        // Nothing here answers while the import runs: a second Import read the file again.
        buttons->setEnabled(false);
        runImport();
        buttons->setEnabled(true);
        import->setEnabled(false);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(
        tr("First rows of %1, numbered by their line in the file:").arg(QFileInfo(file).fileName()),
        this));
    layout->addWidget(m_preview);
    layout->addWidget(m_duplicates);
    layout->addWidget(m_info);
    layout->addWidget(m_rejected);
    layout->addWidget(buttons);
    format == Format::Csv ? showCsvPreview() : showJsonPreview();
    resize(860, 520);
}

void ImportDialog::showCsvPreview() {
    // The docket's courts, so that the preview judges court codes as the import will.
    QString error;
    const auto store = CaseStore::open(m_docketPath, CaseStore::OpenMode::OpenExisting, &error);
    const CsvPreview preview =
        CsvImporter::preview(m_file, kPreviewRows, store ? store->courtCodes() : QSet<QString>());
    m_preview->setColumnCount(int(preview.header.size()));
    m_preview->setRowCount(int(preview.rows.size()));
    QStringList unknown;
    for (int c = 0; c < preview.header.size(); ++c) {
        const QString target = preview.mappedTo.value(c);
        if (target.isEmpty())
            unknown << preview.header[c];
        m_preview->setHorizontalHeaderItem(
            c, new QTableWidgetItem(
                   preview.header[c] + u'\n' +
                   (target.isEmpty() ? tr("(ignored)") : QStringLiteral("→ ") + target)));
    }
    for (int r = 0; r < preview.rows.size(); ++r) {
        for (int c = 0; c < preview.header.size(); ++c)
            m_preview->setItem(r, c, new QTableWidgetItem(preview.rows[r].value(c)));
        // Rows are numbered by their line in the file, as the import's report names them.
        auto *line = new QTableWidgetItem(QString::number(preview.lines.value(r)));
        line->setToolTip(tr("Line %1 of the file").arg(preview.lines.value(r)));
        m_preview->setVerticalHeaderItem(r, line);
    }
    const int rejected = markRejected(preview);
    QStringList info;
    info << (unknown.isEmpty()
                 ? tr("Every column is recognised.")
                 : tr("Columns that will be ignored: %1.").arg(unknown.join(QStringLiteral(", "))));
    if (rejected > 0)
        info << tr("Rejected on import: %n row(s) of the %1 shown. The cells at fault are red, "
                   "and their tooltip says why.",
                   nullptr, rejected)
                    .arg(preview.rows.size());
    if (!preview.error.isEmpty())
        info << preview.error;
    if (!store)
        info << tr("Court codes cannot be checked here: %1").arg(error);
    m_info->setText(info.join(u' '));
}

int ImportDialog::markRejected(const CsvPreview &preview) {
    const QColor background(0xf6, 0xc0, 0xc0);
    const QColor text(0x8a, 0x00, 0x00);
    QSet<int> rows;
    for (const CsvPreview::Problem &problem : preview.problems) {
        rows.insert(problem.row);
        // As the import's report says it: the line the row starts on, the column, why.
        const QString line = QString::number(preview.lines.value(problem.row));
        const QString reason =
            problem.column >= 0
                ? tr("Line %1, %2: %3.")
                      .arg(line, preview.header.value(problem.column).trimmed(), problem.reason)
                : tr("Line %1: %2.").arg(line, problem.reason);
        QList<int> columns{problem.column};
        if (problem.column < 0) {  // the whole row: every cell of it
            columns.clear();
            for (int c = 0; c < m_preview->columnCount(); ++c)
                columns << c;
        }
        for (int c : std::as_const(columns)) {
            QTableWidgetItem *item = m_preview->item(problem.row, c);
            if (!item)
                continue;
            const QString before = item->data(Qt::ToolTipRole).toString();
            const QString said = before.isEmpty() ? reason : before + u'\n' + reason;
            item->setBackground(background);
            item->setForeground(text);
            item->setToolTip(said);
            item->setData(Qt::AccessibleDescriptionRole, said);
        }
    }
    // Each rejected row says so once more in its line number, for a reader who does not
    // see the colour.
    for (int r : std::as_const(rows)) {
        QTableWidgetItem *header = m_preview->verticalHeaderItem(r);
        header->setText(header->text() + QStringLiteral(" ✕"));
        header->setToolTip(header->toolTip() + tr(": the import will reject this row"));
    }
    return int(rows.size());
}

void ImportDialog::showJsonPreview() {
    QFile file(m_file);
    if (QString why; !InputFile::openToRead(file, &why)) {
        m_info->setText(tr("Cannot read %1: %2").arg(m_file, why));
        return;
    }
    m_preview->setColumnCount(1);
    m_preview->horizontalHeader()->setStretchLastSection(true);
    m_preview->setHorizontalHeaderLabels({tr("Record")});
    for (int r = 0; r < kPreviewRows && !file.atEnd(); ++r) {
        m_preview->insertRow(r);
        m_preview->setItem(
            r, 0, new QTableWidgetItem(QString::fromUtf8(file.readLine().left(400)).trimmed()));
    }
    m_info->setText(tr("One whole case record per line, with charges, family and relief."));
}

void ImportDialog::setDuplicatePolicy(DuplicatePolicy policy) {
    m_duplicates->setCurrentIndex(m_duplicates->findData(int(policy)));
}

ImportReport ImportDialog::runImport() {
    const auto policy = DuplicatePolicy(m_duplicates->currentData().toInt());
    bool cancelled = false;
    const std::optional<ImportReport> report = runBehindProgress<ImportReport>(
        this, tr("Importing %1…").arg(QFileInfo(m_file).fileName()),
        QStringLiteral("importProgress"), 1000,
        [docket = m_docketPath, file = m_file, format = m_format,
         policy](QPromise<ImportReport> &promise) {
            importOnWorker(promise, docket, file, format, policy);
        },
        &cancelled);
    m_report = report.value_or(ImportReport{});
    m_ran = true;
    // The import says whether it stopped; Cancel pressed too late to stop it is not a cancel.
    if (cancelled && !report)
        m_report.cancelled = true;
    showReport();
    return m_report;
}

QString ImportDialog::summary(const ImportReport &r) {
    if (r.cancelled)
        return tr("Import cancelled. Nothing was imported; the docket is as it was.");
    if (!r.fatal.isEmpty())
        return tr("Import failed: %1").arg(r.fatal);
    const QLocale locale;  // 1,500,000 rather than 1500000
    return tr("Imported %1, updated %2, skipped %3 already in the docket, rejected %4.")
        .arg(locale.toString(r.imported), locale.toString(r.updated), locale.toString(r.skipped),
             locale.toString(qint64(r.rejected.size())));
}

void ImportDialog::showReport() {
    m_info->setText(summary(m_report));
    m_info->setObjectName(QStringLiteral("importSummary"));
    QStringList lines;
    for (const RejectedRow &row : m_report.rejected)
        lines << m_report.rejectedText(row);
    m_rejected->setPlainText(lines.join(u'\n'));
    m_rejected->setVisible(!lines.isEmpty());
}
