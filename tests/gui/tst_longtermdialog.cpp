// The signing dialog writing PAdES B-LTA: with a time-stamp authority and the agency's CA
// certificates in File › Settings…, the saved PDF carries the chains and the CRL fetched
// from the distribution point under a document timestamp, and the message names the level.
// The agency is tests/support/TestAgency.h (a test CA, its CRL served on 127.0.0.1).
#include "ExampleReview.h"
#include "FileDialog.h"
#include "MessageBox.h"
#include "Settings.h"
#include "SignDialog.h"
#include "TestAgency.h"
#include "TestDocket.h"
#include "sign/PdfVerifier.h"

#include <QComboBox>
#include <QLineEdit>

class TestLongTermDialog : public QObject {
    Q_OBJECT
    TestDocket m_docket;
    TestAgency m_agency{m_docket.path(u"agency"_qs)};
    std::unique_ptr<CaseStore> m_store;
    qint64 m_caseId = 0;

  private Q_SLOTS:
    void initTestCase() {
        const QString problem = m_agency.create();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_store = m_docket.open();
        Case c = makeCase(u"204555101"_qs, QString::fromUtf8("Hernández"), u"Rosa"_qs);
        QString error;
        QVERIFY(m_store->saveCase(c, &error));
        m_caseId = c.id;
        QVERIFY(recordExampleReview(*m_store, m_caseId, u"ready"_qs));
        Settings::Preferences p = Settings::preferences();
        p.timestampAuthority = m_agency.timestampAuthority().toString();
        p.caCertificates = m_agency.rootCertificate();
        Settings::setPreferences(p);
    }

    void savesALongTermPdfAndSaysSo() {
        SignDialog d(*m_store, m_caseId);
        auto *signer = d.findChild<QComboBox *>(u"signerCombo"_qs);
        signer->setCurrentIndex(signer->findData(u"file"_qs));
        d.findChild<QLineEdit *>(u"identityEdit"_qs)->setText(m_agency.identity());
        d.findChild<QLineEdit *>(u"passphraseEdit"_qs)->setText(TestAgency::kPassphrase);
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY2(d.sign(), qPrintable(MessageBox::lastText()));
        const QString pdf = m_docket.path(u"long-term.pdf"_qs);
        FileDialog::setNextAnswer(pdf);
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY2(d.savePdf(), qPrintable(MessageBox::lastText()));
        QVERIFY2(MessageBox::lastText().contains(u"PAdES B-LTA"_qs),
                 qPrintable(MessageBox::lastText()));
        const PdfVerification v = PdfVerifier::verify(pdf);
        QVERIFY2(v.ok(), qPrintable(v.problem));
        QCOMPARE(v.disposition.level(), u"PAdES B-LTA"_qs);
        QCOMPARE(v.disposition.revocation.state, Revocation::Status::State::Good);
        QCOMPARE(v.signatures.size(), 2);
        QVERIFY(v.signatures.last().documentTimestamp);
    }
};

QTEST_MAIN(TestLongTermDialog)
#include "tst_longtermdialog.moc"
