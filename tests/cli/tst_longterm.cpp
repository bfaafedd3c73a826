// PAdES B-LT and B-LTA through the real executable: a test agency CA with a CRL served on
// 127.0.0.1 (its distribution point, by tests/support/tsa.py), the attorney's PKCS#12
// identity issued by it, a time-stamp authority issued by it. The PDFs are judged by
// `verify`, by pdfsig with the CA in an NSS database and by qpdf; the CA revokes the
// attorney's certificate with `openssl ca`, and forge.py attacks the later revisions.
#include "Programs.h"
#include "TestAgency.h"
#include "TestDocket.h"

#include <QDir>
#include <QFile>

namespace {
const QString kCase = QStringLiteral("A204-555-101");
}  // namespace

class TestLongTerm : public QObject {
    Q_OBJECT
    TestDocket m_dir;
    TestAgency m_agency{m_dir.path(u"agency"_qs)};
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
    Run exportPdf(const QString &pdf, const QStringList &more) {
        return cli(QStringList{u"export-pdf"_qs, u"--db"_qs, m_docket, u"--case"_qs, kCase,
                               u"--out"_qs, pdf, u"--identity"_qs, m_agency.identity()} +
                   more);
    }
    QStringList timestamped() { return {u"--tsa"_qs, m_tsaUrl.toString()}; }
    Run verify(const QString &pdf) {
        return cli({u"verify"_qs, pdf, u"--trust"_qs, m_agency.rootCertificate()});
    }

  private Q_SLOTS:
    void initTestCase() {
        m_env.insert(u"DISCRETION_PASSPHRASE"_qs, TestAgency::kPassphrase);
        const QString problem = m_agency.create();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_tsaUrl = m_agency.timestampAuthority();
        m_docket = path(u"docket.sqlite"_qs);
        QVERIFY(ok(
            cli({u"import-jsonl"_qs, u"--db"_qs, m_docket, policyFile(u"example-case.jsonl"_qs)})));
        QVERIFY(ok(cli({u"review"_qs, u"--db"_qs, m_docket, u"--case"_qs, kCase, u"--answers"_qs,
                        policyFile(u"example-answers.json"_qs)})));
        QVERIFY(ok(cli({u"sign"_qs, u"--db"_qs, m_docket, u"--case"_qs, kCase, u"--identity"_qs,
                        m_agency.identity()})));
    }

    // The chain from --chain, the CRL fetched from the certificate's distribution point, a
    // document timestamp over both: B-LTA, which verify, pdfsig and qpdf accept.
    void writesBltaWithTheCrlFromItsDistributionPoint() {
        const QString pdf = path(u"lta.pdf"_qs);
        Run r =
            exportPdf(pdf, timestamped() + QStringList{u"--chain"_qs, m_agency.rootCertificate()});
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
        QVERIFY(
            ok(run(u"certutil"_qs, {u"-A"_qs, u"-d"_qs, nss, u"-n"_qs, u"Test Agency"_qs, u"-t"_qs,
                                    u"C,C,C"_qs, u"-i"_qs, m_agency.rootCertificate()})));
        const QString first =
            run(u"pdfsig"_qs, {u"-nssdir"_qs, nss, pdf}).out.section(u"Signature #2"_qs, 0, 0);
        QVERIFY2(first.contains(u"Signature is Valid"_qs), qPrintable(first));
        QVERIFY2(first.contains(u"Certificate is Trusted"_qs), qPrintable(first));
        QVERIFY2(first.contains(u"ETSI.CAdES.detached"_qs), qPrintable(first));
    }

    // Renewal: extending a B-LTA file adds to its DSS (the chain already there serves) and
    // a new document timestamp, and stays valid however often it is done.
    void extendsAnArchiveAgainAndAgain() {
        QString from = path(u"lta.pdf"_qs);
        for (const QString &name : {u"renewed-1.pdf"_qs, u"renewed-2.pdf"_qs}) {
            Run r = cli(
                {u"extend"_qs, from, u"--out"_qs, path(name), u"--tsa"_qs, m_tsaUrl.toString()});
            QVERIFY2(ok(r) && r.out.contains(u"PAdES B-LTA"_qs), qPrintable(r.all()));
            r = verify(path(name));
            QVERIFY2(ok(r) && r.out.contains(u"level: PAdES B-LTA"_qs), qPrintable(r.all()));
            from = path(name);
        }
        const Run r = verify(from);
        QVERIFY2(r.out.contains(u"valid, document timestamp"_qs) &&
                     r.out.count(u"\"Document timestamp\""_qs) == 3,
                 qPrintable(r.out));
        QVERIFY(ok(run(u"qpdf"_qs, {u"--check"_qs, from})));
        // Bytes after the last revision are no revision, and were not signed.
        QFile renewed(from);
        QVERIFY(renewed.open(QIODevice::Append) && renewed.write("\nappended words\n") > 0);
        renewed.close();
        const Run tail = verify(from);
        QCOMPARE(tail.exitCode, 1);
        QVERIFY2(tail.out.contains(u"after the end of the last revision"_qs), qPrintable(tail.out));
    }

    // The docket's own signature gets the same verdicts: today valid and trusted; two years
    // on, the certificate expired, valid when signed (review show, and a note from check).
    void theDocketsSignatureGetsTheSameVerdicts() {
        Run r = cli({u"review"_qs, u"show"_qs, u"--db"_qs, m_docket, u"--case"_qs, kCase,
                     u"--trust"_qs, m_agency.rootCertificate()});
        QVERIFY2(r.out.contains(u"\"verdict\": \"valid and trusted"_qs) &&
                     r.out.contains(u"\"accepted\": true"_qs),
                 qPrintable(r.all()));
        QProcessEnvironment later = m_env;
        later.insert(u"FAKETIME"_qs,
                     Clock::nowUtc().addYears(2).toString(u"'@'yyyy-MM-dd hh:mm:ss"_qs));
        r = runProgram(QStringLiteral(DISCRETION_EXECUTABLE),
                       {u"review"_qs, u"show"_qs, u"--db"_qs, m_docket, u"--case"_qs, kCase,
                        u"--trust"_qs, m_agency.rootCertificate()},
                       later);
        QVERIFY2(r.out.contains(u"\"verdict\": \"valid when signed, but the certificate "
                                "expired on"_qs) &&
                     r.out.contains(u"\"accepted\": false"_qs),
                 qPrintable(r.all()));
        r = runProgram(
            QStringLiteral(DISCRETION_EXECUTABLE),
            {u"check"_qs, u"--db"_qs, m_docket, u"--trust"_qs, m_agency.rootCertificate()}, later);
        QVERIFY2(r.out.contains(u"certificates expired since signing"_qs) &&
                     r.out.contains(u"A204-555-101 (signed by Ana Beltran"_qs),
                 qPrintable(r.all()));
    }

    // Offline: the CRL from a file, and B-LT asked for by name: no document timestamp.
    void writesBltOfflineFromAGivenCrl() {
        const QString pdf = path(u"lt.pdf"_qs);
        Run r = exportPdf(
            pdf, timestamped() + QStringList{u"--level"_qs, u"B-LT"_qs, u"--offline"_qs,
                                             u"--chain"_qs, m_agency.rootCertificate(), u"--crl"_qs,
                                             m_agency.path(u"tsa/ca.crl"_qs)});
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
        QTest::newRow("offline, no CRL")
            << QStringList{u"--level"_qs, u"B-LTA"_qs, u"--offline"_qs, u"--chain"_qs,
                           m_agency.rootCertificate()}
            << u"was not asked (offline): give its CRL with --crl FILE"_qs;
        QTest::newRow("not a CRL") << QStringList{u"--crl"_qs, m_agency.rootCertificate()}
                                   << u"holds no CRL (DER or PEM)"_qs;
        QTest::newRow("no timestamp") << QStringList{u"--level"_qs, u"B-LT"_qs}
                                      << u"PAdES B-LT needs a time-stamp authority"_qs;
        QTest::newRow("chain below B-LT")
            << QStringList{u"--level"_qs, u"B-T"_qs, u"--chain"_qs, m_agency.rootCertificate()}
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
        const QString action = path(u"action.pdf"_qs);
        QVERIFY(ok(run(u"python3"_qs, {script, u"timestamp-action"_qs, lta, action})));
        r = verify(action);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"CHANGED AFTER SIGNING"_qs), qPrintable(r.out));
        // Freed in the table, redefined unlisted in the body: poppler rebuilds the table
        // and shows the forged page; qpdf sees an empty one. Both are named.
        const QString freed = path(u"freed.pdf"_qs);
        QVERIFY(ok(run(u"python3"_qs, {script, u"free-content"_qs, lta, freed})));
        QVERIFY2(run(u"pdftotext"_qs, {u"-l"_qs, u"1"_qs, freed, u"-"_qs})
                     .out.contains(u"Oppose dismissal"_qs),
                 "the attack shows in a reader");
        r = verify(freed);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u") removed"_qs) &&
                     r.out.contains(u"which no cross-reference table lists"_qs),
                 qPrintable(r.out));
    }

    // The second attack round (tests/cli/pades-attacks): generations poppler ignores, a
    // freed object reused, /Annots pointed at a new array. Each shows in poppler; each is
    // named.
    void namesWhatPopplerWouldRebuild_data() {
        QTest::addColumn<QString>("script");
        QTest::addColumn<bool>("forgedTextShows");
        QTest::newRow("generation 1") << u"gen_reconstruct.py"_qs << true;
        QTest::newRow("freed and reused") << u"free_reuse.py"_qs << false;
        QTest::newRow("new /Annots array") << u"annots_redirect.py"_qs << true;
    }
    void namesWhatPopplerWouldRebuild() {
        QFETCH(QString, script);
        QFETCH(bool, forgedTextShows);
        const QString forged = path(u"attack-"_qs + script + u".pdf"_qs);
        QVERIFY(ok(run(u"python3"_qs,
                       {QStringLiteral(DISCRETION_SOURCE "/tests/cli/pades-attacks/") + script,
                        path(u"lta.pdf"_qs), forged})));
        if (forgedTextShows)
            QVERIFY2(run(u"pdftotext"_qs, {u"-l"_qs, u"1"_qs, forged, u"-"_qs})
                         .out.contains(u"ENFORCEMENT PRIORITY"_qs, Qt::CaseInsensitive),
                     "the attack shows in poppler");
        const Run r = verify(forged);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"CHANGED AFTER SIGNING"_qs), qPrintable(r.out));
    }

    // A document timestamp from an authority the trust store does not hold proves nothing:
    // the file stays valid, but its level is what the trusted parts show.
    void anUntrustedDocumentTimestampDoesNotRaiseTheLevel() {
        TimestampAuthority stranger(path(u"stranger"_qs));
        QVERIFY(stranger.create(u"Stranger Time"_qs).isEmpty());
        const QUrl url = stranger.start();
        QVERIFY(url.isValid());
        const QString pdf = path(u"lt-stranger.pdf"_qs);
        QVERIFY(
            ok(exportPdf(pdf, timestamped() + QStringList{u"--level"_qs, u"B-LT"_qs, u"--chain"_qs,
                                                          m_agency.rootCertificate()})));
        QVERIFY(ok(cli({u"extend"_qs, pdf, u"--tsa"_qs, url.toString()})));
        const Run r = verify(pdf);
        QVERIFY2(ok(r), qPrintable(r.all()));
        QVERIFY2(r.out.contains(u"level: PAdES B-LT\n"_qs) &&
                     r.out.contains(u"its document timestamp by Stranger Time is from an "
                                    "authority that is not trusted"_qs),
                 qPrintable(r.out));
    }

    // Revoked after the signature's trusted timestamp: still a good signature. Without a
    // timestamp the same CRL leaves only the signer's word: not accepted. And a revoked
    // certificate cannot make a B-LT signature at all.
    void judgesARevocationByTheTimestamp() {
        const QString bt = path(u"bt.pdf"_qs), bb = path(u"bb.pdf"_qs);
        QVERIFY(ok(exportPdf(bt, timestamped())));
        QVERIFY(ok(exportPdf(bb, {})));
        QVERIFY(m_agency.revokeSigner(u"revoked.crl"_qs));
        const QStringList withRevocation{u"--tsa"_qs,    m_tsaUrl.toString(),
                                         u"--chain"_qs,  m_agency.rootCertificate(),
                                         u"--crl"_qs,    m_agency.path(u"revoked.crl"_qs),
                                         u"--offline"_qs};
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
        r = exportPdf(
            refused,
            timestamped() + QStringList{u"--chain"_qs, m_agency.rootCertificate(), u"--crl"_qs,
                                        m_agency.path(u"revoked.crl"_qs), u"--offline"_qs});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"it cannot sign"_qs), qPrintable(r.all()));
        QVERIFY(!QFile::exists(refused));
    }
};

QTEST_GUILESS_MAIN(TestLongTerm)
#include "tst_longterm.moc"
