// Signing with a key on a PKCS#11 token, as with a PIV card: a SoftHSM2 token made in a
// temporary folder, a key imported onto it and its certificate issued by a test agency CA
// (openssl), the certificate written beside it (OpenSC's pkcs11-tool). The real executable
// finds the token through p11-kit's proxy module, as it would find a card through OpenSC;
// pdfsig, with the test CA in its NSS database, judges the PDF.
#include "Programs.h"
#include "TestDocket.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {
const QString kPin = u"123456"_qs;
const QString kUri = u"pkcs11:token=PIV%20Test;object=Digital%20Signature"_qs;
const QString kSoftHsm = u"/usr/lib/softhsm/libsofthsm2.so"_qs;
}  // namespace

class TestToken : public QObject {
    Q_OBJECT
    TestDocket m_dir;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
    QString m_docket;

    Run run(const QString &program, const QStringList &args) {
        return runProgram(program, args, m_env);
    }
    Run cli(const QStringList &args, const QString &pin = kPin) {
        QProcessEnvironment env = m_env;
        env.insert(u"DISCRETION_PIN"_qs, pin);
        return runProgram(QStringLiteral(DISCRETION_EXECUTABLE), args, env);
    }
    bool ok(const Run &r) {
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.all()));
        return r.exitCode == 0;
    }
    QString path(const QString &name) { return m_dir.path(name); }

    // The agency's root and the attorney's certificate under it (EC P-256, one year).
    bool makeCertificates() {
        QFile ext(path(u"signer.ext"_qs));
        if (!ext.open(QIODevice::WriteOnly) ||
            ext.write("keyUsage=critical,digitalSignature,nonRepudiation\n"
                      "extendedKeyUsage=emailProtection\n") <= 0)
            return false;
        ext.close();
        return ok(run(u"openssl"_qs,
                      {u"req"_qs, u"-x509"_qs, u"-newkey"_qs, u"ec"_qs, u"-pkeyopt"_qs,
                       u"ec_paramgen_curve:P-256"_qs, u"-nodes"_qs, u"-keyout"_qs,
                       path(u"ca.key"_qs), u"-out"_qs, path(u"ca.pem"_qs), u"-days"_qs, u"3650"_qs,
                       u"-subj"_qs, u"/CN=Test Agency Root CA/O=Test Agency"_qs, u"-addext"_qs,
                       u"basicConstraints=critical,CA:TRUE"_qs, u"-addext"_qs,
                       u"keyUsage=critical,keyCertSign,cRLSign"_qs})) &&
               ok(run(u"openssl"_qs,
                      {u"req"_qs, u"-new"_qs, u"-newkey"_qs, u"ec"_qs, u"-pkeyopt"_qs,
                       u"ec_paramgen_curve:P-256"_qs, u"-nodes"_qs, u"-keyout"_qs,
                       path(u"signer.key"_qs), u"-out"_qs, path(u"signer.csr"_qs), u"-subj"_qs,
                       u"/CN=Ana Beltrán/title=Assistant Chief Counsel/O=OPLA Los Angeles"_qs,
                       u"-utf8"_qs})) &&
               ok(run(u"openssl"_qs,
                      {u"x509"_qs, u"-req"_qs, u"-in"_qs, path(u"signer.csr"_qs), u"-CA"_qs,
                       path(u"ca.pem"_qs), u"-CAkey"_qs, path(u"ca.key"_qs), u"-CAcreateserial"_qs,
                       u"-out"_qs, path(u"signer.pem"_qs), u"-days"_qs, u"365"_qs, u"-extfile"_qs,
                       path(u"signer.ext"_qs)})) &&
               ok(run(u"openssl"_qs,
                      {u"pkcs8"_qs, u"-topk8"_qs, u"-nocrypt"_qs, u"-in"_qs, path(u"signer.key"_qs),
                       u"-out"_qs, path(u"signer.p8"_qs)})) &&
               ok(run(u"openssl"_qs, {u"x509"_qs, u"-in"_qs, path(u"signer.pem"_qs), u"-outform"_qs,
                                      u"der"_qs, u"-out"_qs, path(u"signer.der"_qs)}));
    }

    // A SoftHSM2 token "PIV Test" holding the key and, beside it, its certificate.
    bool makeToken() {
        QDir().mkpath(path(u"tokens"_qs));
        QFile conf(path(u"softhsm2.conf"_qs));
        if (!conf.open(QIODevice::WriteOnly) ||
            conf.write("directories.tokendir = " + path(u"tokens"_qs).toUtf8() +
                       "\nobjectstore.backend = file\nlog.level = ERROR\n") <= 0)
            return false;
        conf.close();
        m_env.insert(u"SOFTHSM2_CONF"_qs, conf.fileName());
        return ok(run(u"softhsm2-util"_qs,
                      {u"--init-token"_qs, u"--free"_qs, u"--label"_qs, u"PIV Test"_qs, u"--pin"_qs,
                       kPin, u"--so-pin"_qs, u"12345678"_qs})) &&
               ok(run(u"softhsm2-util"_qs, {u"--import"_qs, path(u"signer.p8"_qs), u"--token"_qs,
                                            u"PIV Test"_qs, u"--label"_qs, u"Digital Signature"_qs,
                                            u"--id"_qs, u"01"_qs, u"--pin"_qs, kPin})) &&
               writeCertificate(u"01"_qs, u"Digital Signature"_qs) &&
               // "Swapped": another key, with the attorney's certificate beside it.
               ok(run(u"openssl"_qs,
                      {u"genpkey"_qs, u"-algorithm"_qs, u"EC"_qs, u"-pkeyopt"_qs,
                       u"ec_paramgen_curve:P-256"_qs, u"-out"_qs, path(u"other.p8"_qs)})) &&
               ok(run(u"softhsm2-util"_qs,
                      {u"--import"_qs, path(u"other.p8"_qs), u"--token"_qs, u"PIV Test"_qs,
                       u"--label"_qs, u"Swapped"_qs, u"--id"_qs, u"02"_qs, u"--pin"_qs, kPin})) &&
               writeCertificate(u"02"_qs, u"Swapped"_qs);
    }
    bool writeCertificate(const QString &id, const QString &label) {
        return ok(run(u"pkcs11-tool"_qs,
                      {u"--module"_qs, kSoftHsm, u"--token-label"_qs, u"PIV Test"_qs, u"--login"_qs,
                       u"--pin"_qs, kPin, u"--write-object"_qs, path(u"signer.der"_qs),
                       u"--type"_qs, u"cert"_qs, u"--id"_qs, id, u"--label"_qs, label}));
    }

    QString reviewStatus() {
        const Run r =
            cli({u"review"_qs, u"show"_qs, u"--db"_qs, m_docket, u"--case"_qs, u"A204-555-101"_qs});
        const QJsonObject shown = QJsonDocument::fromJson(r.out.toUtf8()).object();
        return shown.contains(u"signature"_qs)
                   ? u"signed"_qs
                   : shown.value(u"record"_qs).toObject().value(u"status"_qs).toString();
    }

  private Q_SLOTS:
    void initTestCase() {
        QVERIFY(makeCertificates());
        QVERIFY(makeToken());
        m_docket = path(u"docket.sqlite"_qs);
        QVERIFY(ok(
            cli({u"import-jsonl"_qs, u"--db"_qs, m_docket, policyFile(u"example-case.jsonl"_qs)})));
        QVERIFY(ok(cli({u"review"_qs, u"--db"_qs, m_docket, u"--case"_qs, u"A204-555-101"_qs,
                        u"--answers"_qs, policyFile(u"example-answers.json"_qs)})));
    }

    void listsTheTokensCertificates() {
        const Run r = cli({u"sign"_qs, u"--tokens"_qs});
        QVERIFY2(ok(r), qPrintable(r.all()));
        QVERIFY2(r.out.contains(kUri), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"CN=Ana Beltrán"_qs), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"CN=Test Agency Root CA"_qs), qPrintable(r.out));
        QVERIFY2(!r.out.contains(u"System Trust"_qs), "the system's CA list is no signing token");
    }

    void refusesWhatCannotSignAndChangesNothing() {
        const QStringList sign = {u"sign"_qs,   u"--db"_qs,         m_docket,
                                  u"--case"_qs, u"A204-555-101"_qs, u"--token"_qs};
        const QList<std::tuple<QString, QString, QString>> cases = {
            {kUri, u"000000"_qs, u"wrong PIN for token \"PIV Test\""_qs},
            {u"pkcs11:token=No%20Such%20Card"_qs, kPin, u"no token matches"_qs},
            {u"pkcs11:token=PIV%20Test;object=Other"_qs, kPin, u"holds no certificate"_qs},
            {u"pkcs11:token=PIV%20Test?pin-value=123456"_qs, kPin, u"the URI holds a PIN"_qs},
            {u"https://example.org"_qs, kPin, u"is not a pkcs11: URI"_qs},
            // A certificate beside a key that is not its own would sign a record that can
            // never verify, and a signed review can never be changed again.
            {u"pkcs11:token=PIV%20Test;object=Swapped"_qs, kPin,
             u"is not the certificate of the key beside it"_qs}};
        for (const auto &[uri, pin, message] : cases) {
            const Run r = cli(sign + QStringList{uri}, pin);
            QVERIFY2(r.exitCode != 0 && r.err.contains(message),
                     qPrintable(uri + u": "_qs + r.all()));
            QVERIFY2(!r.all().contains(pin == kPin ? u"123456"_qs : u"000000"_qs),
                     "a PIN is never printed");
        }
        QCOMPARE(reviewStatus(), u"ready"_qs);
    }

    void signsWithTheTokenKeyAndPdfsigTrustsTheAgency() {
        Run r = cli({u"sign"_qs, u"--db"_qs, m_docket, u"--case"_qs, u"A204-555-101"_qs,
                     u"--token"_qs, kUri});
        QVERIFY2(ok(r) && r.out.contains(u"as Ana Beltrán"_qs), qPrintable(r.all()));
        QCOMPARE(reviewStatus(), u"signed"_qs);
        const QString pdf = path(u"disposition.pdf"_qs);
        r = cli({u"export-pdf"_qs, u"--db"_qs, m_docket, u"--case"_qs, u"A204-555-101"_qs,
                 u"--out"_qs, pdf, u"--token"_qs, kUri});
        QVERIFY2(ok(r), qPrintable(r.all()));
        QVERIFY(ok(run(u"qpdf"_qs, {u"--check"_qs, pdf})));
        // The agency root in an NSS database, as a reader's trust list holds it.
        const QString nss = u"sql:"_qs + path(u"nss"_qs);
        QDir().mkpath(path(u"nss"_qs));
        QVERIFY(ok(run(u"certutil"_qs, {u"-N"_qs, u"-d"_qs, nss, u"--empty-password"_qs})));
        QVERIFY(ok(run(u"certutil"_qs, {u"-A"_qs, u"-d"_qs, nss, u"-n"_qs, u"Test Agency"_qs,
                                        u"-t"_qs, u"C,C,C"_qs, u"-i"_qs, path(u"ca.pem"_qs)})));
        const Run trusted = run(u"pdfsig"_qs, {u"-nssdir"_qs, nss, pdf});
        QVERIFY2(trusted.out.contains(u"Signature is Valid"_qs), qPrintable(trusted.all()));
        QVERIFY2(trusted.out.contains(u"Certificate is Trusted"_qs), qPrintable(trusted.all()));
        QVERIFY2(trusted.out.contains(u"Ana Beltrán"_qs), qPrintable(trusted.all()));
        QVERIFY2(trusted.out.contains(u"Signature Type: ETSI.CAdES.detached"_qs),
                 qPrintable(trusted.all()));
        // The CMS inside binds the certificate by its hash (ESS signing-certificate-v2).
        const QString der = path(u"signature.der"_qs);
        QVERIFY(
            ok(run(u"python3"_qs, {u"-c"_qs,
                                   u"import re,sys,binascii; d=open(sys.argv[1],'rb').read(); "
                                   "h=re.search(rb'/Contents\\s*<([0-9A-Fa-f]+)>', d).group(1); "
                                   "open(sys.argv[2],'wb').write(binascii.unhexlify(h))"_qs,
                                   pdf, der})));
        const Run printed = run(u"openssl"_qs, {u"cms"_qs, u"-cmsout"_qs, u"-print"_qs,
                                                u"-inform"_qs, u"DER"_qs, u"-in"_qs, der});
        QVERIFY2(printed.out.contains(u"id-smime-aa-signingCertificateV2"_qs),
                 qPrintable(printed.all().left(3000)));
        // Our own verifier: the agency root as the trust store; without it, not trusted.
        r = cli({u"verify"_qs, pdf, u"--db"_qs, m_docket, u"--trust"_qs, path(u"ca.pem"_qs)});
        QVERIFY2(ok(r), qPrintable(r.all()));
        QVERIFY(ok(run(u"openssl"_qs,
                       {u"req"_qs, u"-x509"_qs, u"-newkey"_qs, u"ec"_qs, u"-pkeyopt"_qs,
                        u"ec_paramgen_curve:P-256"_qs, u"-nodes"_qs, u"-keyout"_qs,
                        path(u"other.key"_qs), u"-out"_qs, path(u"other.pem"_qs), u"-days"_qs,
                        u"30"_qs, u"-subj"_qs, u"/CN=Another Agency Root CA"_qs})));
        r = cli({u"verify"_qs, pdf, u"--trust"_qs, path(u"other.pem"_qs)});
        QVERIFY2(r.exitCode != 0 && r.all().contains(u"not trusted"_qs, Qt::CaseInsensitive),
                 qPrintable(r.all()));
    }
};

QTEST_GUILESS_MAIN(TestToken)
#include "tst_token.moc"
