#include "CaseListView.h"
#include "DialogHelpers.h"
#include "ExampleReview.h"
#include "ExportPdfDialog.h"
#include "FileDialog.h"
#include "HistoryController.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "Settings.h"
#include "SigningController.h"
#include "TestDocket.h"
#include "models/CaseTableModel.h"
#include "sign/PdfVerifier.h"

#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QTableView>

// File > Export Signed PDFs (the selected cases, with progress and Cancel) and
// File > Verify PDF, on a real docket with signed reviews.
class TestExportPdfs : public QObject {
    Q_OBJECT
    TestDocket m_docket;
    std::unique_ptr<CaseStore> m_store;
    QList<qint64> m_signed;

    void fillIn(ExportPdfDialog &d, const QString &folder) {
        d.findChild<QLineEdit *>(u"exportFolder"_qs)->setText(folder);
        d.findChild<QLineEdit *>(u"identityEdit"_qs)->setText(m_docket.path(u"id.p12"_qs));
        d.findChild<QLineEdit *>(u"passphraseEdit"_qs)->setText(u"right passphrase"_qs);
    }

  private Q_SLOTS:
    void initTestCase() {
        m_store = m_docket.openGenerated(60, 11);
        QString error;
        const auto identity =
            SigningIdentity::generate({u"A. Attorney"_qs, {}, u"OPLA"_qs, {}, {}, {}},
                                      SigningIdentity::KeyType::EcP256, 365, &error);
        QVERIFY(identity &&
                identity->save(m_docket.path(u"id.p12"_qs), "right passphrase", &error));
        // Every other case of the first 60 gets a signed review.
        for (qint64 id = 1; id <= 60; id += 2) {
            QVERIFY(signExampleReview(*m_store, id, *identity));
            m_signed << id;
        }
    }

    void theSelectionNamesTheCasesToExport() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        w.caseTable()->selectAll();
        // All 60 rows selected, 30 signed: the signed ones are looked up in the list.
        QList<qint64> ids = w.selectedCaseIds();
        std::sort(ids.begin(), ids.end());
        QCOMPARE(ids, m_signed);
        // The dialog counts the cases chosen, not only the signed ones looked up (a new
        // user's "Chosen: 2 cases" for five selected rows).
        QString summary;
        whenDialogOpens<ExportPdfDialog>([&summary](ExportPdfDialog *d) {
            summary = d->findChild<QLabel *>(u"exportSummary"_qs)->text();
            d->close();
        });
        w.exportSelectedPdfs();
        QVERIFY2(summary.startsWith(u"Chosen: %1 cases. With a signed review: 30,"_qs.arg(
                     w.caseModel()->rowCount())),
                 qPrintable(summary));
        w.caseTable()->clearSelection();
        w.caseTable()->selectRow(3);
        QCOMPARE(w.selectedCaseIds(), QList<qint64>{w.caseModel()->caseId(3)});
    }

    // A new user chose unsigned cases and read "With a signed review: 0, and a PDF is written
    // for each", with Export on: the dialog now says what is missing and offers nothing.
    void unsignedCasesAloneAreSaidSoAndNothingIsOffered() {
        ExportPdfDialog d(*m_store, {2, 4});
        const QString summary = d.findChild<QLabel *>(u"exportSummary"_qs)->text();
        QVERIFY2(summary.startsWith(u"Chosen: 2 cases. None has a signed review yet"_qs) &&
                     summary.contains(u"Signing › Sign Review…"_qs),
                 qPrintable(summary));
        QVERIFY(!d.findChild<QPushButton *>(u"exportButton"_qs)->isEnabled());
        ExportPdfDialog all(*m_store, m_signed.mid(0, 3));
        QCOMPARE(all.findChild<QLabel *>(u"exportSummary"_qs)->text(),
                 u"Chosen: 3 cases, each with a signed review: a PDF is written for each."_qs);
        QVERIFY(all.findChild<QPushButton *>(u"exportButton"_qs)->isEnabled());
        // No identity chosen: the hint names where New Identity… is (not in this dialog).
        all.findChild<QLineEdit *>(u"exportFolder"_qs)->setText(m_docket.path(u"none"_qs));
        all.findChild<QLineEdit *>(u"identityEdit"_qs)->clear();
        MessageBox::setNextAnswer(QMessageBox::Ok);
        all.findChild<QPushButton *>(u"exportButton"_qs)->click();
        QVERIFY2(MessageBox::lastText().contains(u"Signing › Sign Review… › New Identity…"_qs),
                 qPrintable(MessageBox::lastText()));
        QVERIFY(!all.isRunning());
    }

    void exportsSignedPdfsThatVerify() {
        QList<qint64> chosen = m_signed.mid(0, 4);
        chosen << 2;  // not signed: left out, and said so
        ExportPdfDialog d(*m_store, chosen);
        QVERIFY(d.findChild<QLabel *>(u"exportSummary"_qs)
                    ->text()
                    .startsWith(u"Chosen: 5 cases. With a signed review: 4,"_qs));
        const QString folder = m_docket.path(u"pdfs"_qs);
        fillIn(d, folder);
        d.findChild<QPushButton *>(u"exportButton"_qs)->click();
        QVERIFY(d.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!d.isRunning(), 60000);
        QCOMPARE(d.result().written, 4);
        const QString outcome = d.findChild<QLabel *>(u"exportOutcome"_qs)->text();
        QVERIFY2(outcome.contains(u"digitally signed"_qs), qPrintable(outcome));
        QVERIFY2(outcome.contains(u"Left out 1 case"_qs), qPrintable(outcome));
        const QStringList files = QDir(folder).entryList(QDir::Files);
        QCOMPARE(files.size(), 4);

        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        const QString pdf = QDir(folder).filePath(files.first());
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY(w.signing()->verifyPdf(pdf));
        QVERIFY2(MessageBox::lastText().contains(u"in this docket"_qs),
                 qPrintable(MessageBox::lastText()));
        QVERIFY2(MessageBox::lastText().contains(u"The signer was not checked"_qs),
                 qPrintable(MessageBox::lastText()));

        // Trusted signers from Settings: the signer's own certificate, then a stranger's.
        const QString mine = m_docket.path(u"mine.pem"_qs);
        const QString stranger = m_docket.path(u"stranger.pem"_qs);
        QString error;
        const auto other = SigningIdentity::generate({u"A. Attorney"_qs, {}, {}, {}, {}, {}},
                                                     SigningIdentity::KeyType::EcP256, 365, &error);
        const auto me =
            SigningIdentity::load(m_docket.path(u"id.p12"_qs), "right passphrase", &error);
        QVERIFY(me && other);
        QVERIFY(m_docket.writeFile(u"mine.pem"_qs, me->certificatePem()));
        QVERIFY(m_docket.writeFile(u"stranger.pem"_qs, other->certificatePem()));
        Settings::Preferences preferences = Settings::preferences();
        preferences.trustStore = mine;
        Settings::setPreferences(preferences);
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY(w.signing()->verifyPdf(pdf));
        QVERIFY2(MessageBox::lastText().contains(u"The signer is trusted (%1)"_qs.arg(mine)),
                 qPrintable(MessageBox::lastText()));
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY(w.historyControl()->verifyAuditLog());
        QVERIFY2(MessageBox::lastText().contains(u"Every signed review still holds"_qs) &&
                     MessageBox::lastText().contains(
                         u"Every signature is by a certificate you trust (%1)"_qs.arg(mine)),
                 qPrintable(MessageBox::lastText()));
        preferences.trustStore = stranger;
        Settings::setPreferences(preferences);
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY(!w.signing()->verifyPdf(pdf));
        QVERIFY2(MessageBox::lastText().contains(u"is not trusted by"_qs),
                 qPrintable(MessageBox::lastText()));
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY(!w.historyControl()
                     ->verifyAuditLog());  // every signature in the docket is by someone else
        QVERIFY2(MessageBox::lastText().contains(u"Signer: "_qs),
                 qPrintable(MessageBox::lastText()));
        preferences.trustStore.clear();
        Settings::setPreferences(preferences);

        QProcess pdfsig;
        pdfsig.start(u"pdfsig"_qs, {pdf});
        QVERIFY(pdfsig.waitForFinished(30000));
        QVERIFY(pdfsig.readAllStandardOutput().contains("Signature is Valid."));

        // One changed byte: the GUI says so, naming the problem.
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray bytes = file.readAll();
        const qsizetype at = bytes.indexOf("Prosecutorial") + 1;
        bytes[at] = bytes[at] == 'r' ? 'R' : 'r';
        file.seek(0);
        file.write(bytes);
        file.close();
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY(!w.signing()->verifyPdf(pdf));
        QVERIFY2(MessageBox::lastText().contains(u"not valid"_qs),
                 qPrintable(MessageBox::lastText()));
    }

    void aWrongPassphraseExportsNothing() {
        ExportPdfDialog d(*m_store, m_signed);
        fillIn(d, m_docket.path(u"refused"_qs));
        d.findChild<QLineEdit *>(u"passphraseEdit"_qs)->setText(u"wrong"_qs);
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY(!d.start());
        QVERIFY2(MessageBox::lastText().contains(u"passphrase"_qs),
                 qPrintable(MessageBox::lastText()));
        QVERIFY(QDir(m_docket.path(u"refused"_qs)).entryList(QDir::Files).isEmpty());
    }

    void cancelStopsTheExportLeavingWholeFiles() {
        ExportPdfDialog d(*m_store, m_signed);
        const QString folder = m_docket.path(u"cancelled"_qs);
        fillIn(d, folder);
        d.show();
        QVERIFY(d.start());
        auto *close = d.findChild<QPushButton *>(u"closeButton"_qs);
        QCOMPARE(close->text(), u"Cancel"_qs);
        close->click();
        QVERIFY(d.isVisible());  // the dialog stays to report what was written
        QTRY_VERIFY_WITH_TIMEOUT(!d.isRunning(), 60000);
        QVERIFY(d.result().cancelled);
        QVERIFY2(d.result().written < m_signed.size(),
                 qPrintable(QString::number(d.result().written)));
        QVERIFY(d.findChild<QLabel *>(u"exportOutcome"_qs)->text().startsWith(u"Cancelled"_qs));
        const QStringList files = QDir(folder).entryList(QDir::Files);
        QCOMPARE(files.size(), d.result().written);
        for (const QString &name : files)
            QVERIFY(PdfVerifier::verify(QDir(folder).filePath(name)).ok());
    }

    void unsignedPdfsNeedNoIdentity() {
        ExportPdfDialog d(*m_store, m_signed.mid(0, 2));
        const QString folder = m_docket.path(u"plain"_qs);
        fillIn(d, folder);
        d.findChild<QCheckBox *>(u"signPdfs"_qs)->setChecked(false);
        d.findChild<QLineEdit *>(u"passphraseEdit"_qs)->clear();
        QVERIFY(d.start());
        QTRY_VERIFY_WITH_TIMEOUT(!d.isRunning(), 60000);
        QCOMPARE(d.result().written, 2);
        const PdfVerification v =
            PdfVerifier::verify(QDir(folder).filePath(QDir(folder).entryList(QDir::Files).first()));
        QVERIFY(!v.ok());  // a disposition without a PDF signature
    }
};

QTEST_MAIN(TestExportPdfs)
#include "tst_exportpdfs.moc"
