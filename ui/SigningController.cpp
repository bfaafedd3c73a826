#include "SigningController.h"

#include "CaseListView.h"
#include "ExportPdfDialog.h"
#include "FileDialog.h"
#include "IdentityDialog.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "Settings.h"
#include "domain/ANumber.h"
#include "domain/Clock.h"
#include "domain/LocalTime.h"
#include "models/CaseTableModel.h"
#include "sign/PdfVerifier.h"
#include "sign/SignatureTrust.h"
#include "sign/TrustStore.h"
#include "store/ReviewStore.h"

#include <QApplication>
#include <QDir>
#include <QLocale>
#include <QStatusBar>

SigningController::SigningController(MainWindow *window) : QObject(window), m_window(window) {}

QList<qint64> SigningController::selectedSignedCandidates() const {
    const RowSelection &selection = m_window->caseTable()->rowSelection();
    const CaseTableModel *list = m_window->caseModel();
    const qint64 selectedRows = selection.count();
    QList<qint64> ids;
    if (!m_window->store() || selectedRows == 0)
        return ids;
    // Only cases with a signed review can be exported. When they are fewer than the selected
    // rows, ask where each of them sits in the list.
    const QList<qint64> signedCases = ReviewStore(*m_window->store()).casesWithSignedReview();
    if (signedCases.size() < selectedRows) {
        for (qint64 id : signedCases) {
            const int row = list->rowOfCase(id);
            if (row >= 0 && selection.contains(row))
                ids << id;
        }
        return ids;
    }
    for (const RowSelection::Range &range : selection.ranges())
        for (int row = range.first; row <= range.last; ++row)
            ids << list->caseId(row);
    return ids;
}

void SigningController::exportSelectedPdfs() {
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QList<qint64> ids = selectedSignedCandidates();
    QApplication::restoreOverrideCursor();
    exportPdfs(ids, m_window->caseTable()->rowSelection().count());
}

void SigningController::exportPdfs(const QList<qint64> &caseIds, qint64 chosen) {
    if (!m_window->store())
        return;
    ExportPdfDialog dialog(*m_window->store(), caseIds, m_window, chosen);
    dialog.exec();
}

void SigningController::chooseAndVerifyPdf() {
    const QString path = FileDialog::openFile(m_window, tr("Verify PDF"), Settings::lastFolder(),
                                              tr("PDF (*.pdf);;All files (*)"));
    if (!path.isEmpty())
        verifyPdf(path);
}

bool SigningController::verifyPdf(const QString &path) {
    QString trustError;
    const std::optional<TrustStore> trust =
        TrustStore::fromChoice({}, Settings::preferences().trustStore, &trustError);
    if (!trustError.isEmpty()) {
        MessageBox::warning(m_window, tr("Trusted signers"), trustError + u'.');
        return false;
    }
    const PdfVerification v = PdfVerifier::verify(path);
    const QString who =
        tr("File: %1\nSigner: %2\nSigned: %3\nRecord SHA-256: %4")
            .arg(QDir::toNativeSeparators(path), v.signer.isEmpty() ? tr("none") : v.signer,
                 v.signingTime.isValid()
                     ? LocalTime::text(v.signingTime.toUTC().toString(Qt::ISODate))
                     : tr("unknown"),
                 v.recordSha256.isEmpty() ? tr("none") : v.recordSha256);
    if (!v.ok()) {
        MessageBox::warning(m_window, tr("Signature NOT valid"),
                            tr("%1: %2.").arg(v.verdictWord(), v.problem) + QStringLiteral("\n\n") +
                                who + QStringLiteral("\n\n") + v.details().join(u'\n'));
        return false;
    }
    const SignatureTrust judged =
        SignatureTrustCheck::judge(v.disposition, trust ? &*trust : nullptr, Clock::nowUtc());
    const QString level = tr("Level: %1\n%2").arg(judged.level, judged.notes.join(u'\n'));
    if (!judged.acceptable()) {
        MessageBox::warning(
            m_window,
            judged.verdict == SignatureTrust::Verdict::SignerNotTrusted
                ? tr("Signer NOT trusted")
                : tr("Signature NOT accepted"),
            tr("The signature matches the file, but it is not accepted: %1.").arg(judged.summary) +
                QStringLiteral("\n\n") + who + u'\n' + level);
        return false;
    }
    QString docket;
    if (CaseStore *store = m_window->store()) {
        const DocketMatch match = PdfVerifier::matchInDocket(v, *store);
        if (!match.matches) {
            MessageBox::warning(m_window, tr("Not from this docket"),
                                tr("The signature is valid, but %1.").arg(match.problem) +
                                    QStringLiteral("\n\n") + who);
            return false;
        }
        docket = tr(" It is the signed review of %1 in this docket.")
                     .arg(ANumber::displayDigits(match.aNumber));
        if (!match.liveCaseDiffers.isEmpty())
            docket += tr("\n\nThe case in the docket now differs from what was signed (the PDF "
                         "shows what was signed):\n") +
                      match.liveCaseDiffers.join(u'\n');
    }
    MessageBox::information(m_window, tr("Signature valid"),
                            (v.validationAdded.isEmpty()
                                 ? tr("The digital signature is valid and covers the whole file.")
                                 : tr("The digital signature is valid; the file adds after it "
                                      "only validation data and document timestamps, as PAdES "
                                      "allows.")) +
                                (trust ? tr(" The signer is trusted (%1).").arg(trust->source())
                                       : tr(" The signer was not checked: set Trusted signers "
                                            "in Settings.")) +
                                docket + QStringLiteral("\n\n") + who + u'\n' + level);
    return true;
}

void SigningController::newSigningIdentity() {
    IdentityDialog dialog(m_window);
    if (dialog.exec() == QDialog::Accepted)
        m_window->statusBar()->showMessage(
            tr("Signing identity saved to %1.").arg(QDir::toNativeSeparators(dialog.savedPath())),
            8000);
}
