#include "SignDialog.h"

#include "SigningFormat.h"

#include "FileDialog.h"
#include "IdentityDialog.h"
#include "MessageBox.h"
#include "Settings.h"
#include "SignerChooser.h"
#include "domain/ANumber.h"
#include "domain/LocalTime.h"
#include "report/BatchExport.h"
#include "store/CaseStore.h"

#include <QBuffer>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfView>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

SignDialog::SignDialog(CaseStore &store, qint64 caseId, QWidget *parent)
    : QDialog(parent),
      m_store(store),
      m_caseId(caseId),
      m_pdfBytes(new QBuffer(this)),
      m_document(new QPdfDocument(this)),
      m_preview(new QPdfView(this)),
      m_sign(new QPushButton(tr("&Sign"), this)),
      m_save(new QPushButton(tr("Save signed &PDF…"), this)),
      m_print(new QPushButton(tr("P&rint…"), this)) {
    setObjectName(QStringLiteral("signDialog"));
    const std::optional<DispositionDocument::Input> found =
        DispositionDocument::forCase(store, caseId);
    const bool hasReview = found.has_value();
    m_input = found.value_or(DispositionDocument::Input{
        store.loadCase(caseId).value_or(Case()), {}, {}, {}, {}, {}, {}});
    m_ready = hasReview && m_input.review.status == u"ready" && !m_input.signature;
    setWindowTitle(
        tr("Sign the review of %1").arg(ANumber::displayDigits(m_input.theCase.aNumber)));
    m_preview->setObjectName(QStringLiteral("signPreview"));
    m_preview->setDocument(m_document);
    m_preview->setPageMode(QPdfView::PageMode::MultiPage);
    m_preview->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    if (hasReview)
        showPreview();
    m_sign->setObjectName(QStringLiteral("signButton"));
    m_save->setObjectName(QStringLiteral("savePdfButton"));
    m_sign->setEnabled(m_ready);
    m_save->setEnabled(m_input.signature.has_value());
    connect(m_sign, &QPushButton::clicked, this, &SignDialog::sign);
    connect(m_save, &QPushButton::clicked, this, &SignDialog::savePdf);
    m_print->setObjectName(QStringLiteral("printButton"));
    m_print->setEnabled(hasReview);
    connect(m_print, &QPushButton::clicked, this, [this] {
        QPrinter printer(QPrinter::HighResolution);
        QPrintDialog dialog(&printer, this);
        if (dialog.exec() == QDialog::Accepted)
            print(printer);
    });

    auto *newIdentity = new QPushButton(tr("&New Identity…"), this);
    newIdentity->setObjectName(QStringLiteral("newIdentityButton"));
    newIdentity->setToolTip(tr("Make a signing identity (key and certificate) for yourself"));
    auto *form = new QFormLayout;
    m_signer = new SignerChooser(form, this);
    m_signer->setNewIdentityOffered(true);
    connect(newIdentity, &QPushButton::clicked, this, [this] {
        IdentityDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted)
            m_signer->setIdentityFile(dialog.savedPath());
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_sign, QDialogButtonBox::ActionRole);
    buttons->addButton(m_save, QDialogButtonBox::ActionRole);
    buttons->addButton(m_print, QDialogButtonBox::ActionRole);
    buttons->addButton(newIdentity, QDialogButtonBox::HelpRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Enter in the passphrase or PIN signs; nothing else in the dialog takes Enter.
    for (QPushButton *button : {newIdentity, m_save, m_print})
        button->setAutoDefault(false);
    m_sign->setDefault(m_ready);
    auto *layout = new QVBoxLayout(this);
    auto *what =
        new QLabel(m_ready             ? tr("This is exactly what will be signed:")
                   : m_input.signature ? tr("This review is signed.")
                                       : tr("Only a review marked ready to sign can be signed."),
                   this);
    what->setObjectName(QStringLiteral("signState"));
    layout->addWidget(what);
    layout->addWidget(m_preview, 1);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(820, 720);
}

namespace {
// The page size and PDF/A choice of Settings ▸ Preferences.
PdfFormat pdfFormat() {
    const Settings::Preferences p = Settings::preferences();
    return {QPageSize(p.pageSize), p.pdfA, QUrl(p.timestampAuthority)};
}
}  // namespace

void SignDialog::showPreview() {
    // The real PDF, rendered as the reader will see it: what is signed is what is shown.
    m_document->close();
    m_pdfBytes->close();
    m_pdfBytes->setData(DispositionDocument::render(m_input, pdfFormat()));
    m_pdfBytes->open(QIODevice::ReadOnly);
    m_document->load(m_pdfBytes);
}

bool SignDialog::print(QPrinter &printer) {
    if (m_document->status() != QPdfDocument::Status::Ready)
        return false;
    QPainter painter;
    if (!painter.begin(&printer))
        return false;
    for (int page = 0; page < m_document->pageCount(); ++page) {
        if (page > 0)
            printer.newPage();
        // Each page rasterised at the printer's resolution, scaled to fill its page.
        const QRect target = painter.viewport();
        const QSizeF points = m_document->pagePointSize(page);
        const QSize pixels = (points * printer.resolution() / 72.0).toSize();
        painter.drawImage(target, m_document->render(page, pixels));
    }
    return painter.end();
}

std::optional<SigningIdentity> SignDialog::loadIdentity() {
    QString error;
    std::optional<SigningIdentity> identity = m_signer->load(&error);
    if (!identity) {
        MessageBox::warning(this, tr("Cannot use this identity"), error);
        m_signer->secretEdit()->clear();  // a wrong PIN is not tried twice by Enter
    }
    return identity;
}

bool SignDialog::sign() {
    if (!m_ready)
        return false;
    std::optional<SigningIdentity> identity = loadIdentity();
    if (!identity)
        return false;
    ReviewSignature signature;
    QString error;
    if (!ReviewStore(m_store).sign(m_input.review.id, *identity, &signature, &error)) {
        MessageBox::warning(this, tr("Not signed"), error);
        return false;
    }
    m_signer->remember();
    Settings::useProfileName(signature.signer);
    // Read back as every export reads it: the signature block from the certificate.
    if (std::optional<DispositionDocument::Input> reread =
            DispositionDocument::forCase(m_store, m_caseId))
        m_input = *reread;
    m_ready = false;
    m_sign->setEnabled(false);
    m_save->setEnabled(true);
    m_save->setDefault(true);
    showPreview();
    findChild<QLabel *>(QStringLiteral("signState"))
        ->setText(
            tr("Signed by %1 on %2.").arg(signature.signer, LocalTime::text(signature.signedAt)));
    return true;
}

bool SignDialog::savePdf() {
    if (!m_input.signature)
        return false;
    const QString suggested = QDir(Settings::pdfFolder()).filePath(BatchExport::fileName(m_input));
    const QString path =
        FileDialog::saveFile(this, tr("Save Signed Disposition"), suggested, tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return false;
    std::optional<SigningIdentity> identity = loadIdentity();
    if (!identity)
        return false;
    QString error;
    const std::optional<PdfFormat> format = SigningFormat::fromSettings(&error);
    if (format)
        error = BatchExport::exportOne({m_input, path}, *format, &*identity);
    if (!error.isEmpty()) {
        if (error.contains(u"time-stamp authority"))
            error +=
                tr(". Check its address under File › Settings… › Time-stamp authority, or "
                   "clear it there to save the PDF without a timestamp");
        MessageBox::warning(this, tr("PDF not saved"), error);
        return false;
    }
    Settings::setLastFolder(QFileInfo(path).absolutePath());
    if (!BatchExport::recordInAudit(m_store, {{m_input, path}}, {path}, true, &error))
        MessageBox::warning(
            this, tr("Not recorded"),
            tr("The PDF was saved, but not recorded in the audit log: %1").arg(error));
    MessageBox::information(
        this, tr("PDF saved"),
        tr("Saved and digitally signed (%1): %2").arg(SigningFormat::levelText(*format), path));
    return true;
}
