// PAdES B-LT and B-LTA through the real executable: a test agency CA with a CRL served on
// 127.0.0.1 (its distribution point, by tests/support/tsa.py), the attorney's PKCS#12
// identity issued by it, a time-stamp authority issued by it. The PDFs are judged by
// `verify`, by pdfsig with the CA in an NSS database and by qpdf; the CA revokes the
// attorney's certificate with `openssl ca`, and forge.py attacks the later revisions.
#include "Programs.h"
#include "TestDocket.h"
#include "TimestampAuthority.h"
#include "domain/Clock.h"

#include <QDir>
#include <QFile>

namespace {
const QString kCase = QStringLiteral("A204-555-101");
const QString kPassphrase = QStringLiteral("long term");
}  // namespace

class TestLongTerm : public QObject {
    Q_OBJECT
    TestDocket m_dir;
    TimestampAuthority m_tsa{m_dir.path(u"tsa"_qs)};
    QUrl m_tsaUrl;
    QString m_docket;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();

    QString path(const QString &name) { return m_dir.path(name); }
    Run run(const QString &program, const QStringList &args) {
        return runProgram(program, args, m_env);
    }
    Run cli(const QStringList &args) {
        return runProgram(QStringLiteral(DISCRETION_EXECUTABLE), args, m_env);
    }
    static bool ok(const Run &r) {
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.all()));
        return r.exitCode == 0;
    }
    bool write(const QString &name, const QByteArray &bytes) {
        QFile file(path(name));
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }
    // The CRL the distribution point serves, from the CA's database as it now stands.
    bool publishCrl(const QString &name = u"tsa/ca.crl"_qs) {
        return ok(run(u"openssl"_qs, {u"ca"_qs, u"-config"_qs, path(u"ca.cnf"_qs), u"-gencrl"_qs,
                                      u"-out"_qs, path(name)}));
    }
    Run exportPdf(const QString &pdf, const QStringList &more) {
        return cli(QStringList{u"export-pdf"_qs, u"--db"_qs, m_docket, u"--case"_qs, kCase,
                               u"--out"_qs, pdf, u"--identity"_qs, path(u"signer.p12"_qs)} +
                   more);
    }
    QStringList timestamped() { return {u"--tsa"_qs, m_tsaUrl.toString()}; }
    Run verify(const QString &pdf) {
        return cli({u"verify"_qs, pdf, u"--trust"_qs, path(u"ca.pem"_qs)});
    }

    bool makeAuthority() {
        const QByteArray dir = path(u"ca"_qs).toUtf8();
        return QDir().mkpath(path(u"ca"_qs)) && write(u"ca/index.txt"_qs, "") &&
               write(u"ca/crlnumber"_qs, "1000\n") &&
               write(u"ca.cnf"_qs, "[ca]\ndefault_ca = test\n[test]\ndatabase = " + dir +
                                       "/index.txt\ncrlnumber = " + dir +
                                       "/crlnumber\ndefault_md = sha256\ndefault_crl_days = 30\n"
                                       "certificate = " +
                                       path(u"ca.pem"_qs).toUtf8() +
                                       "\nprivate_key = " + path(u"ca.key"_qs).toUtf8() + "\n") &&
               ok(run(u"openssl"_qs,
                      {u"req"_qs, u"-x509"_qs, u"-newkey"_qs, u"ec"_qs, u"-pkeyopt"_qs,
                       u"ec_paramgen_curve:P-256"_qs, u"-nodes"_qs, u"-keyout"_qs,
                       path(u"ca.key"_qs), u"-out"_qs, path(u"ca.pem"_qs), u"-days"_qs, u"3650"_qs,
                       u"-subj"_qs, u"/CN=Test Agency Root CA/O=Test Agency"_qs, u"-addext"_qs,
                       u"basicConstraints=critical,CA:TRUE"_qs, u"-addext"_qs,
                       u"keyUsage=critical,keyCertSign,cRLSign"_qs}));
    }
    // The attorney's certificate, naming the CRL the test's server hands out, and the
    // index entry `openssl ca` revokes it by.
    bool makeSigner() {
        const QByteArray distribution =
            "crlDistributionPoints=URI:" +
            QUrl(m_tsaUrl).resolved(QUrl(u"/ca.crl"_qs)).toString().toUtf8() + '\n';
        return write(u"signer.ext"_qs,
                     "keyUsage=critical,digitalSignature,nonRepudiation\n"
                     "extendedKeyUsage=emailProtection\n" +
                         distribution) &&
               ok(run(u"openssl"_qs,
                      {u"req"_qs, u"-new"_qs, u"-newkey"_qs, u"ec"_qs, u"-pkeyopt"_qs,
                       u"ec_paramgen_curve:P-256"_qs, u"-nodes"_qs, u"-keyout"_qs,
                       path(u"signer.key"_qs), u"-out"_qs, path(u"signer.csr"_qs), u"-subj"_qs,
                       u"/CN=Ana Beltran/O=OPLA Los Angeles"_qs})) &&
               ok(run(u"openssl"_qs,
                      {u"x509"_qs, u"-req"_qs, u"-in"_qs, path(u"signer.csr"_qs), u"-CA"_qs,
                       path(u"ca.pem"_qs), u"-CAkey"_qs, path(u"ca.key"_qs), u"-set_serial"_qs,
                       u"4242"_qs, u"-out"_qs, path(u"signer.pem"_qs), u"-days"_qs, u"365"_qs,
                       u"-extfile"_qs, path(u"signer.ext"_qs)})) &&
               ok(run(u"openssl"_qs,
                      {u"pkcs12"_qs, u"-export"_qs, u"-inkey"_qs, path(u"signer.key"_qs), u"-in"_qs,
                       path(u"signer.pem"_qs), u"-out"_qs, path(u"signer.p12"_qs), u"-passout"_qs,
                       u"pass:"_qs + kPassphrase}));
    }
    // Revoked (keyCompromise) as of a day after the pinned clock: later than anything the
    // test signs, whatever second each program started in.
    bool revokeSigner() {
        const Run expiry = run(u"openssl"_qs, {u"x509"_qs, u"-in"_qs, path(u"signer.pem"_qs),
                                               u"-noout"_qs, u"-enddate"_qs});
        const QDateTime end =
            QDateTime::fromString(expiry.out.section(u'=', 1).trimmed().replace(u"  "_qs, u" "_qs),
                                  u"MMM d hh:mm:ss yyyy 'GMT'"_qs);
        const QString revoked = Clock::nowUtc().addDays(1).toString(u"yyMMddhhmmss'Z'"_qs);
        return end.isValid() &&
               write(
                   u"ca/index.txt"_qs,
                   u"R\t%1\t%2,keyCompromise\t1092\tunknown\t/CN=Ana Beltran/O=OPLA Los Angeles\n"_qs
                       .arg(end.toString(u"yyMMddhhmmss'Z'"_qs), revoked)
                       .toUtf8()) &&
               publishCrl(u"revoked.crl"_qs);
    }

  private Q_SLOTS:
    void initTestCase() {
        m_env.insert(u"DISCRETION_PASSPHRASE"_qs, kPassphrase);
        QVERIFY(makeAuthority());
        const QString problem =
            m_tsa.create(u"Test Time-Stamp Authority"_qs, path(u"ca.pem"_qs), path(u"ca.key"_qs));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_tsaUrl = m_tsa.start();
        QVERIFY(m_tsaUrl.isValid());
        QVERIFY(makeSigner());
        QVERIFY(publishCrl());
        m_docket = path(u"docket.sqlite"_qs);
        QVERIFY(ok(
            cli({u"import-jsonl"_qs, u"--db"_qs, m_docket, policyFile(u"example-case.jsonl"_qs)})));
        QVERIFY(ok(cli({u"review"_qs, u"--db"_qs, m_docket, u"--case"_qs, kCase, u"--answers"_qs,
                        policyFile(u"example-answers.json"_qs)})));
        QVERIFY(ok(cli({u"sign"_qs, u"--db"_qs, m_docket, u"--case"_qs, kCase, u"--identity"_qs,
                        path(u"signer.p12"_qs)})));
    }

    // The chain from --chain, the CRL fetched from the certificate's distribution point, a
    // document timestamp over both: B-LTA, which verify, pdfsig and qpdf accept.
    void writesBltaWithTheCrlFromItsDistributionPoint() {
        const QString pdf = path(u"lta.pdf"_qs);
        Run r = exportPdf(pdf, timestamped() + QStringList{u"--chain"_qs, path(u"ca.pem"_qs)});
        QVERIFY2(
            ok(r) && r.out.contains(u"PAdES B-LTA"_qs) && r.out.contains(u"document timestamp"_qs),
            qPrintable(r.all()));
        r = verify(pdf);
        QVERIFY2(ok(r), qPrintable(r.all()));
        QVERIFY2(r.out.contains(u"level: PAdES B-LTA"_qs), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"revocation: not revoked (CRL of Test Agency Root CA"_qs),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(u"added after signing, as PAdES allows: a Document Security "
                                "Store (3 certificates, 1 CRL, 0 OCSP responses)"_qs),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(u"\"Document timestamp\""_qs) &&
                     r.out.contains(u"valid, document timestamp, by Test Time-Stamp Authority"_qs),
                 qPrintable(r.out));
        QVERIFY(ok(run(u"qpdf"_qs, {u"--check"_qs, pdf})));
        const QString nss = u"sql:"_qs + path(u"nss"_qs);
        QDir().mkpath(path(u"nss"_qs));
        QVERIFY(ok(run(u"certutil"_qs, {u"-N"_qs, u"-d"_qs, nss, u"--empty-password"_qs})));
        QVERIFY(ok(run(u"certutil"_qs, {u"-A"_qs, u"-d"_qs, nss, u"-n"_qs, u"Test Agency"_qs,
                                        u"-t"_qs, u"C,C,C"_qs, u"-i"_qs, path(u"ca.pem"_qs)})));
        const QString first =
            run(u"pdfsig"_qs, {u"-nssdir"_qs, nss, pdf}).out.section(u"Signature #2"_qs, 0, 0);
        QVERIFY2(first.contains(u"Signature is Valid"_qs), qPrintable(first));
        QVERIFY2(first.contains(u"Certificate is Trusted"_qs), qPrintable(first));
        QVERIFY2(first.contains(u"ETSI.CAdES.detached"_qs), qPrintable(first));
    }

    // Offline: the CRL from a file, and B-LT asked for by name: no document timestamp.
    void writesBltOfflineFromAGivenCrl() {
        const QString pdf = path(u"lt.pdf"_qs);
        Run r =
            exportPdf(pdf, timestamped() + QStringList{u"--level"_qs, u"B-LT"_qs, u"--offline"_qs,
                                                       u"--chain"_qs, path(u"ca.pem"_qs),
                                                       u"--crl"_qs, path(u"tsa/ca.crl"_qs)});
        QVERIFY2(ok(r) && r.out.contains(u"PAdES B-LT,"_qs), qPrintable(r.all()));
        r = verify(pdf);
        QVERIFY2(ok(r) && r.out.contains(u"level: PAdES B-LT\n"_qs), qPrintable(r.all()));
        QVERIFY2(!r.out.contains(u"Document timestamp"_qs), qPrintable(r.out));
    }

    void refusesALevelItCannotReach_data() {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("message");
        QTest::newRow("no chain") << QStringList{u"--level"_qs, u"B-LT"_qs}
                                  << u"the certificate that issued Ana Beltran is not at hand: "
                                     "give the CA certificates with --chain FILE"_qs;
        QTest::newRow("offline, no CRL") << QStringList{u"--level"_qs, u"B-LTA"_qs, u"--offline"_qs,
                                                        u"--chain"_qs, path(u"ca.pem"_qs)}
                                         << u"no revocation data for Ana Beltran"_qs;
        QTest::newRow("not a CRL")
            << QStringList{u"--crl"_qs, path(u"ca.pem"_qs)} << u"holds no CRL (DER or PEM)"_qs;
        QTest::newRow("no timestamp") << QStringList{u"--level"_qs, u"B-LT"_qs}
                                      << u"PAdES B-LT needs a time-stamp authority"_qs;
        QTest::newRow("chain below B-LT")
            << QStringList{u"--level"_qs, u"B-T"_qs, u"--chain"_qs, path(u"ca.pem"_qs)}
            << u"give --tsa and no lower --level"_qs;
    }
    // Each says what is missing, exits 2 and writes nothing.
    void refusesALevelItCannotReach() {
        QFETCH(QStringList, options);
        QFETCH(QString, message);
        const QString pdf = path(u"unreached.pdf"_qs);
        const bool noTimestamp = QString::fromLatin1(QTest::currentDataTag()) == u"no timestamp";
        const Run r = exportPdf(pdf, (noTimestamp ? QStringList() : timestamped()) + options);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.all()));
        QVERIFY(!QFile::exists(pdf));
    }

    // What PAdES allows after a certification signature, and nothing more: a DSS that
    // comes with new text on the page, and a document timestamp field given an
    // appearance, are both changes.
    void namesChangesHiddenAmongValidationData() {
        const QString lta = path(u"lta.pdf"_qs);
        QVERIFY(QFile::exists(lta));
        const QString script = QStringLiteral(DISCRETION_SOURCE "/tests/cli/forge.py");
        const QString withText = path(u"dss-and-text.pdf"_qs);
        QVERIFY(ok(run(u"python3"_qs, {script, u"dss-and-text"_qs, lta, withText})));
        Run r = verify(withText);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.out.contains(u"CHANGED AFTER SIGNING"_qs) && r.out.contains(u"page 1 (object"_qs),
            qPrintable(r.out));
        const QString painted = path(u"painted.pdf"_qs);
        QVERIFY(ok(run(u"python3"_qs, {script, u"paint-timestamp"_qs, lta, painted})));
        r = verify(painted);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.out.contains(u"CHANGED AFTER SIGNING"_qs) && r.out.contains(u"XObject (object"_qs),
            qPrintable(r.out));
    }

    // Revoked after the signature's trusted timestamp: still a good signature. Without a
    // timestamp the same CRL leaves only the signer's word: not accepted. And a revoked
    // certificate cannot make a B-LT signature at all.
    void judgesARevocationByTheTimestamp() {
        const QString bt = path(u"bt.pdf"_qs), bb = path(u"bb.pdf"_qs);
        QVERIFY(ok(exportPdf(bt, timestamped())));
        QVERIFY(ok(exportPdf(bb, {})));
        QVERIFY(revokeSigner());
        const QStringList withRevocation{
            u"--tsa"_qs, m_tsaUrl.toString(),     u"--chain"_qs,  path(u"ca.pem"_qs),
            u"--crl"_qs, path(u"revoked.crl"_qs), u"--offline"_qs};
        Run r = cli(QStringList{u"extend"_qs, bt} + withRevocation);
        QVERIFY2(ok(r) && r.out.contains(u"PAdES B-LTA"_qs), qPrintable(r.all()));
        r = verify(bt);
        QVERIFY2(ok(r), qPrintable(r.all()));
        QVERIFY2(r.out.contains(u"keyCompromise"_qs) &&
                     r.out.contains(u"after the timestamp: the signature still holds"_qs),
                 qPrintable(r.out));
        r = cli(QStringList{u"extend"_qs, bb} + withRevocation);
        QVERIFY2(ok(r), qPrintable(r.all()));
        r = verify(bb);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"NOT ACCEPTED: valid when signed, by the signer's own clock, "
                                "but the certificate was revoked"_qs),
                 qPrintable(r.out));
        const QString refused = path(u"refused.pdf"_qs);
        r = exportPdf(refused,
                      timestamped() + QStringList{u"--chain"_qs, path(u"ca.pem"_qs), u"--crl"_qs,
                                                  path(u"revoked.crl"_qs), u"--offline"_qs});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"it cannot sign"_qs), qPrintable(r.all()));
        QVERIFY(!QFile::exists(refused));
    }
};

QTEST_GUILESS_MAIN(TestLongTerm)
#include "tst_longterm.moc"
