#include "ExampleReview.h"
#include "FileDialog.h"
#include "MessageBox.h"
#include "SignDialog.h"
#include "TestDocket.h"

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

  private Q_SLOTS:
    void initTestCase() {
        m_store = m_docket.open();
        Case c = makeCase(u"204555101"_qs, QString::fromUtf8("Hernández"), u"Rosa"_qs);
        c.counselName = u"Ana Beltrán, Esq."_qs;
        c.eoir28Date = QDate(2019, 5, 2);
        QString error;
        QVERIFY(m_store->saveCase(c, &error));
        m_caseId = c.id;
        auto identity = SigningIdentity::generate({u"A. Attorney"_qs, {}, u"OPLA"_qs, {}, {}, {}},
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
        QVERIFY(MessageBox::lastText().startsWith(u"wrong passphrase"_qs));
        QCOMPARE(m_store->loadCase(m_caseId)->reviewStatus, u"ready"_qs);

        d.findChild<QLineEdit *>(u"passphraseEdit"_qs)->setText(u"right passphrase"_qs);
        QVERIFY(d.sign());
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
        QProcess pdfsig;
        pdfsig.start(u"pdfsig"_qs, {m_docket.path(u"signed.pdf"_qs)});
        QVERIFY(pdfsig.waitForFinished(60000));
        const QString report = QString::fromUtf8(pdfsig.readAllStandardOutput());
        QVERIFY2(report.contains(u"Signature is Valid"_qs) &&
                     report.contains(u"Total document signed"_qs),
                 qPrintable(report));
    }
};

QTEST_MAIN(TestSignDialog)
#include "tst_signdialog.moc"
