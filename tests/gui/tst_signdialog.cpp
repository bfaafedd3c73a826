#include "ExampleReview.h"
#include "FileDialog.h"
#include "MessageBox.h"
#include "Programs.h"
#include "SignDialog.h"
#include "TestDocket.h"
#include "report/BatchExport.h"

#include <QLineEdit>
#include <QPdfDocument>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>

class TestSignDialog : public QObject {
    Q_OBJECT
    TestDocket m_docket;
    std::unique_ptr<CaseStore> m_store;
    qint64 m_caseId = 0;

    void recordReview(const QString &status) {
        QVERIFY(recordExampleReview(*m_store, m_caseId, status));
    }

    static QString pdfText(const QString &path) {
        const Run r = runProgram(u"pdftotext"_qs, {u"-layout"_qs, path, u"-"_qs});
        return r.exitCode == 0 ? r.out : QString();
    }

    // The signing dialog, Export Signed PDFs (BatchExport) and export-pdf --identity make
    // the same document for one record: the whole signature block from the certificate.
    void oneRecordOneDocument(const QString &fromDialog) {
        QString error;
        auto identity =
            SigningIdentity::load(m_docket.path(u"id.p12"_qs), "right passphrase", &error);
        QVERIFY2(identity, qPrintable(error));
        const QString folder = m_docket.path(u"batch"_qs);
        QVERIFY(QDir().mkpath(folder));
        const BatchExport::Plan plan = BatchExport::plan(*m_store, {m_caseId}, folder, &*identity);
        QCOMPARE(plan.items.size(), 1);
        QCOMPARE(
            BatchExport::run(plan.items, {QPageSize(QPageSize::Letter), true}, &*identity).written,
            1);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DISCRETION_PASSPHRASE"_qs, u"right passphrase"_qs);
        const Run cli =
            discretionRun({u"export-pdf"_qs, u"--db"_qs, m_docket.path(), u"--case"_qs,
                           u"A204-555-101"_qs, u"--identity"_qs, m_docket.path(u"id.p12"_qs),
                           u"--out"_qs, m_docket.path(u"cli.pdf"_qs)},
                          env);
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.all()));
        const QString dialogText = pdfText(fromDialog);
        QVERIFY2(dialogText.contains(u"Assistant Chief Counsel"_qs) &&
                     dialogText.contains(u"OPLA Los Angeles"_qs) &&
                     dialogText.contains(u"123456"_qs),
                 qPrintable(dialogText));
        QCOMPARE(pdfText(plan.items.first().path), dialogText);
        QCOMPARE(pdfText(m_docket.path(u"cli.pdf"_qs)), dialogText);
    }

  private Q_SLOTS:
    void initTestCase() {
        m_store = m_docket.open();
        Case c = makeCase(u"204555101"_qs, QString::fromUtf8("Hernández"), u"Rosa"_qs);
        c.counselName = u"Ana Beltrán, Esq."_qs;
        c.eoir28Date = QDate(2019, 5, 2);
        QString error;
        QVERIFY(m_store->saveCase(c, &error));
        m_caseId = c.id;
        auto identity = SigningIdentity::generate({u"A. Attorney"_qs,
                                                   u"Assistant Chief Counsel"_qs,
                                                   u"OPLA Los Angeles"_qs,
                                                   u"123456"_qs,
                                                   u"CA"_qs,
                                                   {}},
                                                  SigningIdentity::KeyType::EcP256, 365, &error);
        QVERIFY(identity &&
                identity->save(m_docket.path(u"id.p12"_qs), "right passphrase", &error));
    }

    void aDraftCannotBeSigned() {
        recordReview(u"draft"_qs);
        SignDialog d(*m_store, m_caseId);
        QVERIFY(!d.canSign());
        QVERIFY(!d.findChild<QPushButton *>(u"signButton"_qs)->isEnabled());
        QVERIFY(!d.sign());
    }

    void signsTheRecordThenSavesASignedPdf() {
        recordReview(u"ready"_qs);
        SignDialog d(*m_store, m_caseId);
        QVERIFY(d.canSign());
        // The preview is the rendered PDF itself.
        QPdfDocument *preview = d.previewDocument();
        QTRY_COMPARE(preview->status(), QPdfDocument::Status::Ready);
        QVERIFY(preview->pageCount() >= 2);
        QString allText;
        for (int page = 0; page < preview->pageCount(); ++page)
            allText += preview->getAllText(page).text();
        QVERIFY(allText.contains(u"Join or not oppose a motion to dismiss"_qs));
        QVERIFY(allText.contains(u"Not signed"_qs));
        d.findChild<QLineEdit *>(u"identityEdit"_qs)->setText(m_docket.path(u"id.p12"_qs));
        d.findChild<QLineEdit *>(u"passphraseEdit"_qs)->setText(u"wrong passphrase"_qs);
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY(!d.sign());
        QVERIFY(MessageBox::lastText().startsWith(u"Wrong passphrase"_qs));
        QCOMPARE(m_store->loadCase(m_caseId)->reviewStatus, u"ready"_qs);

        // Enter in the passphrase signs (Sign is the default button, not Browse).
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        auto *passphrase = d.findChild<QLineEdit *>(u"passphraseEdit"_qs);
        passphrase->setText(u"right passphrase"_qs);
        QTest::keyClick(passphrase, Qt::Key_Return);
        QCOMPARE(m_store->loadCase(m_caseId)->reviewStatus, u"signed"_qs);
        QVERIFY(d.findChild<QPushButton *>(u"savePdfButton"_qs)->isEnabled());
        QTRY_COMPARE(preview->status(), QPdfDocument::Status::Ready);
        QString signedText;
        for (int page = 0; page < preview->pageCount(); ++page)
            signedText += preview->getAllText(page).text();
        QVERIFY(signedText.contains(u"/s/ A. Attorney"_qs));

        // Printing sends every page of the disposition to the printer (here a PDF file).
        QPrinter printer(QPrinter::ScreenResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(m_docket.path(u"printed.pdf"_qs));
        QVERIFY(d.print(printer));
        QProcess info;
        info.start(u"pdfinfo"_qs, {m_docket.path(u"printed.pdf"_qs)});
        QVERIFY(info.waitForFinished(60000));
        const QString printed = QString::fromUtf8(info.readAllStandardOutput());
        QCOMPARE(printed.section(u"Pages:"_qs, 1).trimmed().section(u'\n', 0, 0).toInt(),
                 preview->pageCount());

        FileDialog::setNextAnswer(m_docket.path(u"signed.pdf"_qs));
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY(d.savePdf());
        // It suggested the export folder and the name every export uses.
        QCOMPARE(QFileInfo(FileDialog::lastSuggestion()).fileName(),
                 u"disposition-A204555101-v1.pdf"_qs);
        QVERIFY(QFileInfo(FileDialog::lastSuggestion()).absolutePath() != u"/"_qs);
        QProcess pdfsig;
        pdfsig.start(u"pdfsig"_qs, {m_docket.path(u"signed.pdf"_qs)});
        QVERIFY(pdfsig.waitForFinished(60000));
        const QString report = QString::fromUtf8(pdfsig.readAllStandardOutput());
        QVERIFY2(report.contains(u"Signature is Valid"_qs) &&
                     report.contains(u"Total document signed"_qs),
                 qPrintable(report));
        oneRecordOneDocument(m_docket.path(u"signed.pdf"_qs));
    }
};

QTEST_MAIN(TestSignDialog)
#include "tst_signdialog.moc"
