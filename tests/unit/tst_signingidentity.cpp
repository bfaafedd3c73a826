#include "TestDocket.h"
#include "sign/SigningIdentity.h"

#include <sys/stat.h>
#include <QProcess>

namespace {
SignerProfile profile() {
    return {QString::fromUtf8("Ana Beltrán"),
            u"Assistant Chief Counsel"_qs,
            u"OPLA Los Angeles"_qs,
            u"123456"_qs,
            u"CA"_qs,
            u"ana.beltran@example.gov"_qs};
}

bool openssl(const QStringList &args, const QString &dir) {
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(u"openssl"_qs, args);
    return p.waitForFinished(60000) && p.exitCode() == 0;
}

mode_t modeOf(const QString &path) {
    struct stat info {};
    stat(path.toLocal8Bit().constData(), &info);
    return info.st_mode & 0777;
}
}  // namespace

class TestSigningIdentity : public QObject {
    Q_OBJECT
    TestDocket m_dir;

  private Q_SLOTS:
    void generatesSavesAndLoadsAnEcIdentity() {
        QString error;
        auto identity =
            SigningIdentity::generate(profile(), SigningIdentity::KeyType::EcP256, 365, &error);
        QVERIFY2(identity, qPrintable(error));
        const mode_t old = umask(0);
        const bool saved =
            identity->save(m_dir.path(u"me.p12"_qs), "correct horse battery", &error);
        umask(old);
        QVERIFY2(saved, qPrintable(error));
        QCOMPARE(modeOf(m_dir.path(u"me.p12"_qs)), mode_t(0600));
        QFile raw(m_dir.path(u"me.p12"_qs));
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QVERIFY(!raw.readAll().contains("PRIVATE KEY"));  // never stored in the clear

        auto loaded =
            SigningIdentity::load(m_dir.path(u"me.p12"_qs), "correct horse battery", &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->commonName(), QString::fromUtf8("Ana Beltrán"));
        QVERIFY2(loaded->subject().contains(u"O=OPLA Los Angeles"_qs),
                 qPrintable(loaded->subject()));
        QCOMPARE(loaded->fingerprintSha256(), identity->fingerprintSha256());
        const SignerProfile back = SigningIdentity::profileOf(loaded->certificateDer());
        QCOMPARE(back.fullName, profile().fullName);
        QCOMPARE(back.title, profile().title);
        QCOMPARE(back.office, profile().office);
        QCOMPARE(back.barNumber, profile().barNumber);
        QCOMPARE(back.barState, profile().barState);
        QCOMPARE(back.email, profile().email);
        QVERIFY(qAbs(loaded->notAfter().daysTo(loaded->notBefore())) == 365);

        const QByteArray record = "canonical review bytes";
        const QByteArray signature = loaded->sign(record, &error);
        QVERIFY(!signature.isEmpty());
        QVERIFY(SigningIdentity::verify(loaded->certificateDer(), record, signature));
        QVERIFY(!SigningIdentity::verify(loaded->certificateDer(), record + ' ', signature));
    }

    void rsaKeysSignToo() {
        QString error;
        auto identity =
            SigningIdentity::generate(profile(), SigningIdentity::KeyType::Rsa3072, 30, &error);
        QVERIFY2(identity, qPrintable(error));
        const QByteArray signature = identity->sign("x", &error);
        QCOMPARE(signature.size(), 384);  // 3072 bits
        QVERIFY(SigningIdentity::verify(identity->certificateDer(), "x", signature));
    }

    void refusesWithAClearReason() {
        QString error;
        auto identity =
            SigningIdentity::generate(profile(), SigningIdentity::KeyType::EcP256, 365, &error);
        QVERIFY(!identity->save(m_dir.path(u"short.p12"_qs), "short", &error));
        QVERIFY(error.contains(u"at least 8 characters"_qs));
        QVERIFY(identity->save(m_dir.path(u"id.p12"_qs), "the right passphrase", &error));
        QVERIFY(!SigningIdentity::load(m_dir.path(u"id.p12"_qs), "the wrong passphrase", &error));
        QVERIFY2(error.startsWith(u"wrong passphrase"_qs), qPrintable(error));
        QVERIFY(m_dir.writeFile(u"junk.p12"_qs, "not a key store"));
        QVERIFY(!SigningIdentity::load(m_dir.path(u"junk.p12"_qs), "whatever123", &error));
        QVERIFY(error.contains(u"not a PKCS#12"_qs));
    }

    void refusesAProfileThatWouldPrintOtherwiseOrNotFit() {
        // A title with a line separator forged a "Signed …" line in the signature block; an
        // override reversed the lines after it; a 1,900-character title made a certificate
        // whose signature no longer fitted the PDF, so every export of it failed.
        const QList<std::pair<QString, QString>> bad = {
            {u"the title"_qs, u"Counsel\u2028Signed 1 January 2020"_qs},
            {u"the office"_qs, u"\u202ELESNUOC"_qs},
            {u"the title"_qs, QString(201, u't')},
            {u"the name"_qs, u"A. Attorney\n"_qs}};
        for (const auto &[what, text] : bad) {
            SignerProfile p = profile();
            (what == u"the title" ? p.title : what == u"the office" ? p.office : p.fullName) = text;
            QString error;
            QVERIFY(!SigningIdentity::generate(p, SigningIdentity::KeyType::EcP256, 30, &error));
            QVERIFY2(error.startsWith(what + u": "_qs), qPrintable(error));
        }
        SignerProfile p = profile();
        p.title = QString(200, u't');
        QString error;
        QVERIFY2(SigningIdentity::generate(p, SigningIdentity::KeyType::EcP256, 30, &error),
                 qPrintable(error));
    }

    void refusesAnExpiredCertificate() {
        QString error;
        Clock::setFixed(PinnedClock::now().addDays(-400));
        auto old =
            SigningIdentity::generate(profile(), SigningIdentity::KeyType::EcP256, 30, &error);
        PinnedClock::restore();
        QVERIFY(old && old->save(m_dir.path(u"old.p12"_qs), "passphrase1", &error));
        QVERIFY(!SigningIdentity::load(m_dir.path(u"old.p12"_qs), "passphrase1", &error));
        QVERIFY2(error.contains(u"expired on"_qs), qPrintable(error));
    }

    void readsAnAgencyIssuedFileAndRefusesOneWithoutAKey() {
        const QString dir = m_dir.dir();
        QVERIFY(openssl(
            {u"req"_qs, u"-x509"_qs, u"-newkey"_qs, u"ec"_qs, u"-pkeyopt"_qs,
             u"ec_paramgen_curve:P-256"_qs, u"-nodes"_qs, u"-keyout"_qs, u"k.pem"_qs, u"-out"_qs,
             u"c.pem"_qs, u"-days"_qs, u"30"_qs, u"-subj"_qs, u"/CN=Agency Issued/O=DHS"_qs},
            dir));
        QVERIFY(
            openssl({u"pkcs12"_qs, u"-export"_qs, u"-inkey"_qs, u"k.pem"_qs, u"-in"_qs, u"c.pem"_qs,
                     u"-out"_qs, u"agency.p12"_qs, u"-passout"_qs, u"pass:agency-secret"_qs},
                    dir));
        QVERIFY(openssl({u"pkcs12"_qs, u"-export"_qs, u"-nokeys"_qs, u"-in"_qs, u"c.pem"_qs,
                         u"-out"_qs, u"certonly.p12"_qs, u"-passout"_qs, u"pass:agency-secret"_qs},
                        dir));
        QString error;
        // openssl dated the certificate from its clock, which starts at the pin
        // (PinnedClock.cpp; later on a busy machine): read it an hour later.
        Clock::setFixed(PinnedClock::now().addSecs(3600));
        auto agency = SigningIdentity::load(m_dir.path(u"agency.p12"_qs), "agency-secret", &error);
        PinnedClock::restore();
        QVERIFY2(agency, qPrintable(error));
        QCOMPARE(agency->commonName(), u"Agency Issued"_qs);
        QVERIFY(!SigningIdentity::load(m_dir.path(u"certonly.p12"_qs), "agency-secret", &error));
        QVERIFY2(error.contains(u"no private key"_qs), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSigningIdentity)
#include "tst_signingidentity.moc"
