// The signing dialog with a PIV card: a SoftHSM2 token (tests/support/SoftToken.h) is
// listed with its certificate, the PIN is asked for, a wrong PIN changes nothing, the
// choice (not the PIN) is remembered, and the saved PDF is timestamped by the authority
// Settings name (a local one, tests/support/TimestampAuthority.h).
#include "ExampleReview.h"
#include "ExportPdfDialog.h"
#include "FileDialog.h"
#include "MessageBox.h"
#include "Settings.h"
#include "SignDialog.h"
#include "SoftToken.h"
#include "TestDocket.h"
#include "TimestampAuthority.h"
#include "sign/PdfVerifier.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

class TestTokenDialog : public QObject {
    Q_OBJECT
    TestDocket m_docket;
    SoftToken m_token{m_docket.dir()};
    TimestampAuthority m_tsa{m_docket.path(u"tsa"_qs)};
    std::unique_ptr<CaseStore> m_store;
    qint64 m_caseId = 0;

    static QComboBox *signer(SignDialog &d) { return d.findChild<QComboBox *>(u"signerCombo"_qs); }
    static QLineEdit *secret(SignDialog &d) {
        return d.findChild<QLineEdit *>(u"passphraseEdit"_qs);
    }

  private Q_SLOTS:
    void initTestCase() {
        const QString failure = m_token.create();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        // p11-kit's proxy reads SoftHSM's configuration from this process's environment.
        qputenv("SOFTHSM2_CONF", m_token.env().value(u"SOFTHSM2_CONF"_qs).toUtf8());
        const QString problem =
            m_tsa.create(u"Test Time-Stamp Authority"_qs, m_token.path(u"ca.pem"_qs),
                         m_token.path(u"ca.key"_qs));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_store = m_docket.open();
        Case c = makeCase(u"204555101"_qs, QString::fromUtf8("Hernández"), u"Rosa"_qs);
        QString error;
        QVERIFY(m_store->saveCase(c, &error));
        m_caseId = c.id;
        QVERIFY(recordExampleReview(*m_store, m_caseId, u"ready"_qs));
    }

    void listsTheCardsCertificateAndAsksForItsPin() {
        SignDialog d(*m_store, m_caseId);
        const int card = signer(d)->findData(SoftToken::kUri);
        QVERIFY2(card > 0, "the token's certificate is offered");
        QVERIFY2(signer(d)->itemText(card).startsWith(
                     u"Ana Beltrán on PIV Test (issued by Test Agency Root CA, expires"_qs),
                 qPrintable(signer(d)->itemText(card)));
        signer(d)->setCurrentIndex(card);
        QCOMPARE(secret(d)->accessibleName(), u"PIN"_qs);
        // To look at it: DISCRETION_GRAB_DIR=/some/folder ./tst_tokendialog
        if (const QString folder = qEnvironmentVariable("DISCRETION_GRAB_DIR"); !folder.isEmpty()) {
            d.show();
            QVERIFY(QTest::qWaitForWindowExposed(&d));
            QVERIFY(d.grab().save(folder + u"/sign-with-card.png"_qs));
        }
        QVERIFY(!d.findChild<QLineEdit *>(u"identityEdit"_qs)->isVisibleTo(&d));

        secret(d)->setText(u"000000"_qs);
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY(!d.sign());
        QVERIFY2(MessageBox::lastText().contains(u"wrong PIN"_qs, Qt::CaseInsensitive),
                 qPrintable(MessageBox::lastText()));
        QCOMPARE(m_store->loadCase(m_caseId)->reviewStatus, u"ready"_qs);

        secret(d)->setText(SoftToken::kPin);
        QVERIFY(d.sign());
        QCOMPARE(m_store->loadCase(m_caseId)->reviewStatus, u"signed"_qs);
        QCOMPARE(Settings::signingToken(), SoftToken::kUri);
    }

    void remembersTheCardNotThePinAndTimestampsThePdf() {
        Settings::Preferences p = Settings::preferences();
        const QUrl tsa = m_tsa.start();
        QVERIFY(tsa.isValid());
        p.timestampAuthority = tsa.toString();
        Settings::setPreferences(p);
        SignDialog d(*m_store, m_caseId);
        QCOMPARE(signer(d)->currentData().toString(), SoftToken::kUri);
        QVERIFY(secret(d)->text().isEmpty());
        secret(d)->setText(SoftToken::kPin);
        const QString pdf = m_docket.path(u"signed.pdf"_qs);
        FileDialog::setNextAnswer(pdf);
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY2(d.savePdf(), qPrintable(MessageBox::lastText()));
        const PdfVerification v = PdfVerifier::verify(pdf);
        QVERIFY2(v.ok(), qPrintable(v.problem));
        QCOMPARE(v.disposition.level(), u"PAdES B-T"_qs);
        QCOMPARE(v.disposition.timestamp.authority, u"Test Time-Stamp Authority"_qs);
    }

    // Export Signed PDFs with a card whose key wants the PIN before every signature: the PIN
    // is typed once, every PDF is signed, and the dialog says how the PIN was used.
    void aCardAskingThePinEachTimeIsToldOnce() {
        QString error;
        const auto card = SigningIdentity::fromToken(SoftToken::kAlwaysPinUri,
                                                     SoftToken::kPin.toUtf8(), QString(), &error);
        QVERIFY2(card && card->asksPinEverySignature(), qPrintable(error));
        QList<qint64> chosen;
        for (const QString &digits : {u"204555102"_qs, u"204555103"_qs}) {
            Case c = makeCase(digits, u"Lopez"_qs, u"Ana"_qs);
            QVERIFY(m_store->saveCase(c, &error));
            QVERIFY(signExampleReview(*m_store, c.id, *card));
            chosen << c.id;
        }
        ExportPdfDialog d(*m_store, chosen);
        auto *combo = d.findChild<QComboBox *>(u"signerCombo"_qs);
        combo->setCurrentIndex(combo->findData(SoftToken::kAlwaysPinUri));
        QVERIFY(combo->currentIndex() > 0);
        d.findChild<QLineEdit *>(u"exportFolder"_qs)->setText(m_docket.path(u"card-pdfs"_qs));
        d.findChild<QLineEdit *>(u"passphraseEdit"_qs)->setText(SoftToken::kPin);
        d.findChild<QPushButton *>(u"exportButton"_qs)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!d.isRunning(), 60000);
        QCOMPARE(d.result().written, 2);
        const QString outcome = d.findChild<QLabel *>(u"exportOutcome"_qs)->text();
        QVERIFY2(outcome.contains(u"The card asks for its PIN before every signature: the PIN "
                                  "you typed once is given to it for each of the 2 PDFs"_qs),
                 qPrintable(outcome));
        // Forgotten means forgotten: the field is empty too.
        QVERIFY(d.findChild<QLineEdit *>(u"passphraseEdit"_qs)->text().isEmpty());
        if (const QString folder = qEnvironmentVariable("DISCRETION_GRAB_DIR"); !folder.isEmpty()) {
            d.show();
            QVERIFY(QTest::qWaitForWindowExposed(&d));
            QVERIFY(d.grab().save(folder + u"/export-with-card.png"_qs));
        }
        // The plain key on the same card gives no such note.
        QVERIFY(!SigningIdentity::fromToken(SoftToken::kUri, SoftToken::kPin.toUtf8(), QString(),
                                            &error)
                     ->asksPinEverySignature());
    }
};

QTEST_MAIN(TestTokenDialog)
#include "tst_tokendialog.moc"
