#include "ExportPdfDialog.h"

#include "SigningFormat.h"

#include "FileDialog.h"
#include "MessageBox.h"
#include "Settings.h"
#include "SignerChooser.h"
#include "files/PrivateFile.h"
#include "store/CaseStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QThread>
#include <QUrl>
#include <QVBoxLayout>

namespace {
int signedAmong(CaseStore &store, const QList<qint64> &caseIds) {
    const QList<qint64> signedCases = ReviewStore(store).casesWithSignedReview();
    const QSet<qint64> chosen(caseIds.cbegin(), caseIds.cend());
    return int(std::count_if(signedCases.cbegin(), signedCases.cend(),
                             [&chosen](qint64 id) { return chosen.contains(id); }));
}

// A row of the form: the edit, a Browse button, and a label whose mnemonic focuses the edit.
void addBrowseRow(QFormLayout *form, const QString &label, QLineEdit *edit, QPushButton *browse) {
    auto *row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(browse);
    auto *caption = new QLabel(label, edit->parentWidget());
    caption->setBuddy(edit);
    form->addRow(caption, row);
}
}  // namespace

ExportPdfDialog::ExportPdfDialog(CaseStore &store, const QList<qint64> &caseIds, QWidget *parent,
                                 qint64 chosen)
    : QDialog(parent),
      m_store(store),
      m_caseIds(caseIds),
      m_summary(new QLabel(this)),
      m_folder(new QLineEdit(Settings::pdfFolder(), this)),
      m_signPdfs(new QCheckBox(tr("&Digitally sign each PDF"), this)),
      m_pageSize(new QComboBox(this)),
      m_progress(new QProgressBar(this)),
      m_outcome(new QLabel(this)),
      m_export(new QPushButton(tr("&Export"), this)),
      m_close(new QPushButton(tr("Close"), this)) {
    setObjectName(QStringLiteral("exportPdfDialog"));
    setWindowTitle(tr("Export Signed Dispositions"));
    m_summary->setObjectName(QStringLiteral("exportSummary"));
    m_summary->setWordWrap(true);
    const int signedCount = signedAmong(store, caseIds);
    m_summary->setText(summaryText(int(chosen < 0 ? caseIds.size() : chosen), signedCount));
    m_folder->setObjectName(QStringLiteral("exportFolder"));
    m_folder->setAccessibleName(tr("Folder"));
    m_signPdfs->setObjectName(QStringLiteral("signPdfs"));
    m_signPdfs->setChecked(true);
    m_pageSize->setObjectName(QStringLiteral("pageSize"));
    m_pageSize->addItem(tr("US Letter"), int(QPageSize::Letter));
    m_pageSize->addItem(tr("A4"), int(QPageSize::A4));
    m_pageSize->setCurrentIndex(m_pageSize->findData(int(Settings::preferences().pageSize)));
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setValue(0);
    m_outcome->setObjectName(QStringLiteral("exportOutcome"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_close->setObjectName(QStringLiteral("closeButton"));

    auto *browseFolder = new QPushButton(tr("&Browse…"), this);
    connect(browseFolder, &QPushButton::clicked, this, &ExportPdfDialog::chooseFolder);
    connect(m_export, &QPushButton::clicked, this, &ExportPdfDialog::start);
    connect(m_close, &QPushButton::clicked, this, &ExportPdfDialog::reject);

    auto *form = new QFormLayout;
    addBrowseRow(form, tr("&Folder:"), m_folder, browseFolder);
    form->addRow(tr("Page si&ze:"), m_pageSize);
    form->addRow(QString(), m_signPdfs);
    m_chooser = new SignerChooser(form, this);
    connect(m_signPdfs, &QCheckBox::toggled, m_chooser, &SignerChooser::setSigningEnabled);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_export, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    m_export->setDefault(true);
    m_export->setEnabled(signedCount > 0);  // nothing to write: the summary says why
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_outcome);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

ExportPdfDialog::~ExportPdfDialog() {
    if (!m_worker)
        return;
    m_cancelled = true;
    m_worker->wait();
    delete m_worker;
}

QString ExportPdfDialog::summaryText(int chosen, int signedCount) {
    if (signedCount == 0)
        return tr(
            "Chosen: %n case(s). None has a signed review yet, and a PDF is written only "
            "for a signed one: sign reviews first (Signing › Sign Review…).",
            nullptr, chosen);
    if (signedCount == chosen)
        return tr("Chosen: %n case(s), each with a signed review: a PDF is written for each.",
                  nullptr, chosen);
    return tr("Chosen: %n case(s). With a signed review: %1, and a PDF is written for each of "
              "those; the others are left out.",
              nullptr, chosen)
        .arg(signedCount);
}

void ExportPdfDialog::chooseFolder() {
    const QString folder = FileDialog::directory(this, tr("Export to Folder"), m_folder->text());
    if (!folder.isEmpty())
        m_folder->setText(folder);
}

std::optional<SigningIdentity> ExportPdfDialog::identity(bool *ok) {
    *ok = true;
    if (!m_signPdfs->isChecked())
        return std::nullopt;
    QString error;
    // A token is logged in once, here, for the whole export.
    std::optional<SigningIdentity> loaded = m_chooser->load(&error);
    if (!loaded) {
        *ok = false;
        MessageBox::warning(this, tr("Cannot use this identity"), error);
    }
    return loaded;
}

// A PIV card's signing key asks for the PIN before every signature; the PIN typed once is
// passed to it for each, which the card's owner should know.
QString ExportPdfDialog::pinNote(int signatures) const {
    if (!m_signer || !m_signer->asksPinEverySignature() || signatures < 2)
        return {};
    return u'\n' + tr("The card asks for its PIN before every signature: the PIN you typed "
                      "once is given to it for each of the %n PDF(s), and forgotten when the "
                      "export ends.",
                      nullptr, signatures);
}

bool ExportPdfDialog::start() {
    if (m_worker)
        return false;
    const QString folder = m_folder->text().trimmed();
    QString error;
    if (folder.isEmpty() || !PrivateFile::makeFolders(folder, &error) ||
        !QFileInfo(folder).isWritable()) {
        MessageBox::warning(this, tr("Export"),
                            tr("Cannot write PDFs into the folder \"%1\".").arg(folder) +
                                (error.isEmpty() ? QString() : QStringLiteral("\n") + error));
        return false;
    }
    bool identityOk = false;
    m_signer = identity(&identityOk);
    if (!identityOk)
        return false;
    const BatchExport::Plan plan =
        BatchExport::plan(m_store, m_caseIds, folder, m_signer ? &*m_signer : nullptr);
    if (plan.items.isEmpty()) {
        m_outcome->setText(m_signer ? tr("Nothing to export: none of the chosen cases has a "
                                         "review signed with this identity.")
                                    : tr("Nothing to export: none of the chosen cases has a "
                                         "signed review."));
        return false;
    }
    Settings::setLastFolder(folder);
    if (m_signer) {
        m_chooser->remember();
        Settings::useProfileName(m_signer->commonName());
    }
    QString problem;
    std::optional<PdfFormat> chosen = SigningFormat::fromSettings(&problem);
    if (!chosen) {
        m_outcome->setText(tr("Nothing exported: %1.").arg(problem));
        return false;
    }
    PdfFormat format = *chosen;
    format.pageSize = QPageSize(QPageSize::PageSizeId(m_pageSize->currentData().toInt()));
    m_level = SigningFormat::levelText(format);
    m_cancelled = false;
    m_progress->setRange(0, int(plan.items.size()));
    m_progress->setValue(0);
    m_outcome->setText(tr("Exporting…") + pinNote(int(plan.items.size())));
    for (QWidget *input : {static_cast<QWidget *>(m_folder), static_cast<QWidget *>(m_signPdfs),
                           static_cast<QWidget *>(m_pageSize), static_cast<QWidget *>(m_export)})
        input->setEnabled(false);
    m_chooser->setSigningEnabled(false);
    m_close->setText(tr("Cancel"));
    const SigningIdentity *signer = m_signer ? &*m_signer : nullptr;
    // The plan was read from the docket here, on the GUI thread that owns the connection;
    // the worker only renders, signs and writes.
    m_worker = QThread::create([this, plan, format, signer] {
        const BatchExport::Result result =
            BatchExport::run(plan.items, format, signer, [this](int done, int total) {
                QMetaObject::invokeMethod(
                    this, [this, done, total] { showProgress(done, total); }, Qt::QueuedConnection);
                return !m_cancelled.load();
            });
        QMetaObject::invokeMethod(
            this, [this, result, plan] { finish(result, plan); }, Qt::QueuedConnection);
    });
    m_worker->start();
    return true;
}

void ExportPdfDialog::cancel() {
    m_cancelled = true;
    m_outcome->setText(tr("Cancelling: the PDFs under way are finished, no new ones start…"));
}

void ExportPdfDialog::reject() {
    if (m_worker) {
        cancel();
        return;
    }
    QDialog::reject();
}

void ExportPdfDialog::showProgress(int done, int total) {
    m_progress->setMaximum(total);
    m_progress->setValue(done);
}

void ExportPdfDialog::finish(const BatchExport::Result &result, const BatchExport::Plan &plan) {
    m_worker->wait();
    delete m_worker;
    m_worker = nullptr;
    m_result = result;
    QStringList lines;
    QString auditError;
    if (!BatchExport::recordInAudit(m_store, plan.items, result.writtenPaths, m_signer.has_value(),
                                    &auditError))
        lines << tr("Warning: the export was not recorded in the audit log: %1").arg(auditError);
    const QString folder = QDir::toNativeSeparators(m_folder->text().trimmed());
    lines << (result.cancelled
                  ? tr("Cancelled: %1 of %n PDF(s) written to %2.", nullptr, int(plan.items.size()))
                        .arg(result.written)
                        .arg(folder)
                  : tr("Wrote %n PDF(s) to %1", nullptr, result.written).arg(folder) +
                        (m_signer ? tr(", each digitally signed (%1).").arg(m_level) : tr(".")));
    if (plan.notSigned > 0)
        lines << tr("Left out %n case(s) without a signed review.", nullptr, plan.notSigned);
    if (plan.otherIdentity > 0)
        lines << tr("Left out %n case(s) signed by another identity.", nullptr, plan.otherIdentity);
    for (const QString &broken : plan.broken)
        lines << tr("Left out, its signed record no longer holds: %1").arg(broken);
    if (!plan.changedSinceSigning.isEmpty())
        lines << tr("Changed in the docket since signing (the PDFs show what was signed): %1.")
                     .arg(BatchExport::changedSinceSigningText(plan));
    for (const QString &failure : result.failures)
        lines << tr("Failed: %1").arg(failure);
    if (const QString note = pinNote(result.written); !note.isEmpty())
        lines << note.trimmed();
    m_outcome->setText(lines.join(u'\n'));
    m_progress->setValue(result.cancelled ? result.written : m_progress->maximum());
    for (QWidget *input : {static_cast<QWidget *>(m_folder), static_cast<QWidget *>(m_signPdfs),
                           static_cast<QWidget *>(m_pageSize), static_cast<QWidget *>(m_export)})
        input->setEnabled(true);
    m_chooser->setSigningEnabled(m_signPdfs->isChecked());
    m_close->setText(tr("Close"));
    // Logs out of the token and empties the field: the PIN or passphrase is not kept past
    // the export (another export asks for it again).
    m_signer.reset();
    m_chooser->secretEdit()->clear();
    Q_EMIT finished();
}
