// Signing with a key on a PKCS#11 token, as with a PIV card: a SoftHSM2 token made in a
// temporary folder, a key imported onto it and its certificate issued by a test agency CA
// (openssl), the certificate written beside it (OpenSC's pkcs11-tool). The real executable
// finds the token through p11-kit's proxy module, as it would find a card through OpenSC;
// pdfsig, with the test CA in its NSS database, judges the PDF.
#include "Programs.h"
#include "SoftToken.h"
#include "TestDocket.h"
#include "TimestampAuthority.h"
#include "sign/CmsSignature.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {
const QString kPin = SoftToken::kPin;
const QString kUri = SoftToken::kUri;
}  // namespace

class TestToken : public QObject {
    Q_OBJECT
    TestDocket m_dir;
    SoftToken m_token{m_dir.dir()};
    QProcessEnvironment m_env;
    QString m_docket;
    TimestampAuthority m_tsa{m_dir.path(u"tsa"_qs)};
    TimestampAuthority m_strangerTsa{m_dir.path(u"stranger-tsa"_qs)};

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

    QString reviewStatus() {
        const Run r =
            cli({u"review"_qs, u"show"_qs, u"--db"_qs, m_docket, u"--case"_qs, u"A204-555-101"_qs});
        const QJsonObject shown = QJsonDocument::fromJson(r.out.toUtf8()).object();
        return shown.contains(u"signature"_qs)
                   ? u"signed"_qs
                   : shown.value(u"record"_qs).toObject().value(u"status"_qs).toString();
    }

    Run exportPdf(const QString &pdf, const QStringList &more) {
        return cli(QStringList{u"export-pdf"_qs, u"--db"_qs, m_docket, u"--case"_qs,
                               u"A204-555-101"_qs, u"--out"_qs, pdf, u"--token"_qs, kUri} +
                   more);
    }
    // The CMS signature value of a signed PDF, as openssl prints it.
    QString printedSignature(const QString &pdf) {
        const QString der = pdf + u".cms"_qs;
        const Run extracted =
            run(u"python3"_qs, {u"-c"_qs,
                                u"import re,sys,binascii; d=open(sys.argv[1],'rb').read(); "
                                "h=re.search(rb'/Contents\\s*<([0-9A-Fa-f]+)>', d).group(1); "
                                "open(sys.argv[2],'wb').write(binascii.unhexlify(h))"_qs,
                                pdf, der});
        if (extracted.exitCode != 0)
            return extracted.all();
        return run(u"openssl"_qs, {u"cms"_qs, u"-cmsout"_qs, u"-print"_qs, u"-inform"_qs, u"DER"_qs,
                                   u"-in"_qs, der})
            .out;
    }
    // The signer's signed attributes as openssl prints them (the timestamp token, in the
    // unsigned ones, has a signing time of its own).
    static QString signedAttributes(const QString &printed) {
        return printed.section(u"signedAttrs:"_qs, 1).section(u"signatureAlgorithm:"_qs, 0, 0);
    }
    // The test's own libfaketime, to run `verify` on a later day.
    QString libfaketime() {
        const Run r = run(u"dpkg"_qs, {u"-L"_qs, u"libfaketime"_qs});
        for (const QString &line : r.out.split(u'\n'))
            if (line.endsWith(u"/libfaketime.so.1"_qs))
                return line;
        return {};
    }
    Run verifyOn(const QDateTime &day, const QStringList &args) {
        QProcessEnvironment env = m_env;
        env.insert(u"LD_PRELOAD"_qs, libfaketime());
        env.insert(u"FAKETIME"_qs, u"@"_qs + day.toString(u"yyyy-MM-dd hh:mm:ss"_qs));
        return runProgram(QStringLiteral(DISCRETION_EXECUTABLE), QStringList{u"verify"_qs} + args,
                          env);
    }

  private Q_SLOTS:
    void initTestCase() {
        const QString failure = m_token.create();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        m_env = m_token.env();
        m_docket = path(u"docket.sqlite"_qs);
        QVERIFY(ok(
            cli({u"import-jsonl"_qs, u"--db"_qs, m_docket, policyFile(u"example-case.jsonl"_qs)})));
        QVERIFY(ok(cli({u"review"_qs, u"--db"_qs, m_docket, u"--case"_qs, u"A204-555-101"_qs,
                        u"--answers"_qs, policyFile(u"example-answers.json"_qs)})));
        QString problem =
            m_tsa.create(u"Test Time-Stamp Authority"_qs, path(u"ca.pem"_qs), path(u"ca.key"_qs));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        problem = m_strangerTsa.create(u"Stranger Time"_qs);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
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
            // An empty PIN is never sent: the card would count it as a wrong one.
            {kUri, QString(), u"no PIN was given"_qs},
            {u"pkcs11:token=No%20Such%20Card"_qs, kPin, u"no token matches"_qs},
            {u"pkcs11:token=PIV%20Test;object=Other"_qs, kPin, u"holds no certificate"_qs},
            // A card holds several certificates: a URI naming only the card picks none.
            {u"pkcs11:token=PIV%20Test"_qs, kPin, u"holds 3 certificates that match"_qs},
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
            QVERIFY2(pin.isEmpty() || !r.all().contains(pin), "a PIN is never printed");
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
        // PAdES B-B: the claimed time is the PDF's /M, not a CMS signing-time attribute.
        QVERIFY2(signedAttributes(printed.out).contains(u"messageDigest"_qs) &&
                     !signedAttributes(printed.out).contains(u"signingTime"_qs),
                 qPrintable(printed.out.left(3000)));
        // Our own verifier: the agency root as the trust store; without it, not trusted.
        r = cli({u"verify"_qs, pdf, u"--db"_qs, m_docket, u"--trust"_qs, path(u"ca.pem"_qs)});
        QVERIFY2(ok(r) && r.out.contains(u"level: PAdES B-B"_qs) &&
                     r.out.contains(u"valid and trusted"_qs),
                 qPrintable(r.all()));
        QVERIFY(ok(run(u"openssl"_qs,
                       {u"req"_qs, u"-x509"_qs, u"-newkey"_qs, u"ec"_qs, u"-pkeyopt"_qs,
                        u"ec_paramgen_curve:P-256"_qs, u"-nodes"_qs, u"-keyout"_qs,
                        path(u"other.key"_qs), u"-out"_qs, path(u"other.pem"_qs), u"-days"_qs,
                        u"30"_qs, u"-subj"_qs, u"/CN=Another Agency Root CA"_qs})));
        r = cli({u"verify"_qs, pdf, u"--trust"_qs, path(u"other.pem"_qs)});
        QVERIFY2(r.exitCode != 0 && r.all().contains(u"not trusted"_qs, Qt::CaseInsensitive),
                 qPrintable(r.all()));
    }

    // Done when: a token signature with a TSA timestamp that pdfsig and verify both accept.
    void timestampsTheSignatureAtTheAuthority() {
        const QUrl tsa = m_tsa.start();
        QVERIFY(tsa.isValid());
        const QString pdf = path(u"timestamped.pdf"_qs);
        Run r = exportPdf(pdf, {u"--tsa"_qs, tsa.toString(), u"--level"_qs, u"B-T"_qs});
        QVERIFY2(ok(r) && r.out.contains(u"PAdES B-T, timestamp "_qs) &&
                     r.out.contains(u"by Test Time-Stamp Authority"_qs),
                 qPrintable(r.all()));
        QVERIFY(ok(run(u"qpdf"_qs, {u"--check"_qs, pdf})));
        const QString printed = printedSignature(pdf);
        QVERIFY2(printed.contains(u"id-smime-aa-timeStampToken"_qs),
                 qPrintable(printed.left(3000)));
        QVERIFY2(!signedAttributes(printed).contains(u"signingTime"_qs), qPrintable(printed));
        const QString nss = u"sql:"_qs + path(u"nss"_qs);
        const Run judged = run(u"pdfsig"_qs, {u"-nssdir"_qs, nss, pdf});
        QVERIFY2(judged.out.contains(u"Signature is Valid"_qs) &&
                     judged.out.contains(u"Certificate is Trusted"_qs) &&
                     judged.out.contains(u"Signature Type: ETSI.CAdES.detached"_qs),
                 qPrintable(judged.all()));
        // The same record signed with the same card in another docket is not this one's.
        const QString other = path(u"other-docket.sqlite"_qs);
        QVERIFY(
            ok(cli({u"import-jsonl"_qs, u"--db"_qs, other, policyFile(u"example-case.jsonl"_qs)})));
        QVERIFY(ok(cli({u"review"_qs, u"--db"_qs, other, u"--case"_qs, u"A204-555-101"_qs,
                        u"--answers"_qs, policyFile(u"example-answers.json"_qs)})));
        QVERIFY(ok(cli({u"sign"_qs, u"--db"_qs, other, u"--case"_qs, u"A204-555-101"_qs,
                        u"--token"_qs, kUri})));
        r = cli({u"verify"_qs, pdf, u"--db"_qs, other});
        QVERIFY2(r.exitCode == 1 && r.out.contains(u"signed in another docket"_qs),
                 qPrintable(r.all()));
        r = cli({u"verify"_qs, pdf, u"--db"_qs, m_docket, u"--trust"_qs, path(u"ca.pem"_qs)});
        QVERIFY2(ok(r) && r.out.contains(u"level: PAdES B-T"_qs) &&
                     r.out.contains(u"by Test Time-Stamp Authority (a trusted authority)"_qs) &&
                     r.out.contains(u"valid and trusted"_qs),
                 qPrintable(r.all()));
        // Without a trust store nobody vouches for the authority: its time is not relied on.
        r = cli({u"verify"_qs, pdf});
        QVERIFY2(ok(r) && r.out.contains(u"an authority not checked (no trust store)"_qs),
                 qPrintable(r.all()));
        // Two years on, the attorney's one-year certificate has expired: the timestamp
        // shows the signature is older, so it still holds; the untimestamped one does not.
        const QDateTime later = QDateTime::currentDateTimeUtc().addDays(730);
        r = verifyOn(later, {pdf, u"--trust"_qs, path(u"ca.pem"_qs)});
        QVERIFY2(
            r.exitCode == 0 && r.out.contains(u"after the timestamp: the signature still holds"_qs),
            qPrintable(r.all()));
        r = verifyOn(later, {path(u"disposition.pdf"_qs), u"--trust"_qs, path(u"ca.pem"_qs)});
        QVERIFY2(
            r.exitCode == 1 && r.out.contains(u"valid when signed, but the certificate expired"_qs),
            qPrintable(r.all()));
    }

    // A timestamp lives in the signature's unsigned part, outside the byte range: one
    // from an authority the trust store does not hold is reported and its time not relied on.
    void aStrangersTimestampIsNotReliedOn() {
        const QUrl tsa = m_strangerTsa.start();
        QVERIFY(tsa.isValid());
        const QString pdf = path(u"stranger.pdf"_qs);
        QVERIFY(ok(exportPdf(pdf, {u"--tsa"_qs, tsa.toString()})));
        const Run r = cli({u"verify"_qs, pdf, u"--trust"_qs, path(u"ca.pem"_qs)});
        QVERIFY2(ok(r) &&
                     r.out.contains(u"by Stranger Time, but that authority is not trusted"_qs) &&
                     r.out.contains(u"its time is not relied on"_qs),
                 qPrintable(r.all()));
    }

    void refusesABadAuthorityAndKeepsTheEarlierFile() {
        const QString pdf = path(u"disposition.pdf"_qs);
        QFile before(pdf);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray earlier = before.readAll();
        before.close();
        const QList<std::pair<QString, QString>> modes = {
            {u"other-imprint"_qs, u"reply was refused"_qs},
            {u"http-error"_qs, u"answered HTTP 500"_qs},
            {u"not-a-reply"_qs, u"not an RFC 3161 response"_qs}};
        for (const auto &[mode, message] : modes) {
            const QUrl tsa = m_tsa.start(mode);
            const Run r = exportPdf(pdf, {u"--tsa"_qs, tsa.toString()});
            QVERIFY2(r.exitCode != 0 && r.err.contains(message), qPrintable(mode + r.all()));
        }
        const QUrl closed = m_tsa.start();
        m_tsa.stop();  // nobody listens on that port any more
        Run r = exportPdf(pdf, {u"--tsa"_qs, closed.toString()});
        QVERIFY2(r.exitCode != 0 && r.err.contains(u"could not reach the time-stamp authority"_qs),
                 qPrintable(r.all()));
        QFile after(pdf);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QVERIFY2(after.readAll() == earlier, "a failed timestamp leaves the earlier PDF as it was");
        r = exportPdf(path(u"level.pdf"_qs), {u"--level"_qs, u"B-T"_qs});
        QVERIFY2(r.exitCode == 2 && r.err.contains(u"needs a time-stamp authority"_qs),
                 qPrintable(r.all()));
        r = exportPdf(path(u"level.pdf"_qs), {u"--level"_qs, u"B-LTA"_qs});
        QVERIFY2(r.exitCode == 2 && r.err.contains(u"PAdES B-LTA needs a time-stamp authority"_qs),
                 qPrintable(r.all()));
        QVERIFY(!QFile::exists(path(u"level.pdf"_qs)));
    }

    // The agency CA also issues certificates for other purposes: a time-stamp authority's
    // (timeStamping only) cannot sign a disposition, the attorney's (emailProtection) can.
    void onlyADocumentSigningPurposeSigns() {
        const QString der = path(u"tsa.der"_qs);
        QVERIFY(ok(run(u"openssl"_qs, {u"x509"_qs, u"-in"_qs, m_tsa.certificate(), u"-outform"_qs,
                                       u"der"_qs, u"-out"_qs, der})));
        QFile tsa(der), signer(path(u"signer.der"_qs));
        QVERIFY(tsa.open(QIODevice::ReadOnly) && signer.open(QIODevice::ReadOnly));
        // A day into both certificates' validity: the purpose is judged, not the clock.
        const QDateTime now = QDateTime::currentDateTimeUtc().addDays(1);
        QVERIFY2(CmsSignature::certificateProblem(tsa.readAll(), now)
                     .contains(u"not for signing documents"_qs),
                 "a timeStamping-only certificate signs no disposition");
        QCOMPARE(CmsSignature::certificateProblem(signer.readAll(), now), QString());
    }

    // A PIV card's signing key wants the PIN before every signature: a batch takes it once,
    // passes it to the card for each signature, and says so; a key that does not ask again
    // gets no such note.
    void aCardAskingThePinEachTimeIsToldOnceInABatch() {
        const QString docket = path(u"batch.sqlite"_qs);
        QVERIFY(ok(cli({u"generate-docket"_qs, u"--db"_qs, docket, u"--cases"_qs, u"3"_qs,
                        u"--seed"_qs, u"7"_qs, u"--as-of"_qs, u"2026-11-29"_qs})));
        const Run listed = cli({u"list"_qs, u"--db"_qs, docket, u"--limit"_qs, u"3"_qs});
        QVERIFY(ok(listed));
        const QStringList rows = listed.out.trimmed().split(u'\n');
        QCOMPARE(rows.size(), 3);
        // The example's answers, with the reason a generated case may need for its course.
        QFile example(policyFile(u"example-answers.json"_qs));
        QVERIFY(example.open(QIODevice::ReadOnly));
        QJsonObject answers = QJsonDocument::fromJson(example.readAll()).object();
        answers.insert(u"deviation_reason"_qs, u"Counsel asked for this course."_qs);
        QFile answersFile(path(u"batch-answers.json"_qs));
        QVERIFY(answersFile.open(QIODevice::WriteOnly) &&
                answersFile.write(QJsonDocument(answers).toJson()) > 0);
        answersFile.close();
        for (const QString &row : rows)
            QVERIFY(ok(cli({u"review"_qs, u"--db"_qs, docket, u"--case"_qs,
                            row.section(u'\t', 0, 0), u"--answers"_qs, answersFile.fileName()})));
        const QString note = u"the token asks for its PIN before every signature"_qs;
        Run r = cli({u"sign"_qs, u"--db"_qs, docket, u"--all-ready"_qs, u"--token"_qs,
                     SoftToken::kAlwaysPinUri});
        QVERIFY2(ok(r) && r.out.contains(u"signed 3 ready reviews"_qs), qPrintable(r.all()));
        // Each review: its record and its attestation, two signatures by the card.
        QVERIFY2(r.err.contains(note + u"; the PIN given once is passed to it for each of up to "
                                       "6 signatures (two for each review)"_qs),
                 qPrintable(r.all()));
        QVERIFY(!r.all().contains(kPin));
        const QString folder = path(u"batch-pdfs"_qs);
        r = cli({u"export-pdf"_qs, u"--db"_qs, docket, u"--all-signed"_qs, u"--out"_qs, folder,
                 u"--token"_qs, SoftToken::kAlwaysPinUri});
        QVERIFY2(ok(r) && r.out.contains(u"wrote 3 PDFs"_qs) &&
                     r.err.contains(u"for each of up to 3 signatures (one for each PDF)"_qs),
                 qPrintable(r.all()));
        const QStringList pdfs = QDir(folder).entryList({u"*.pdf"_qs});
        QCOMPARE(pdfs.size(), 3);
        for (const QString &pdf : pdfs) {
            const Run checked = cli({u"verify"_qs, folder + u'/' + pdf, u"--db"_qs, docket,
                                     u"--trust"_qs, path(u"ca.pem"_qs)});
            QVERIFY2(ok(checked) && checked.out.contains(u"valid and trusted"_qs),
                     qPrintable(checked.all()));
        }
        // Through SoftHSM's own module rather than p11-kit's proxy: the same.
        r = cli({u"export-pdf"_qs, u"--db"_qs, docket, u"--all-signed"_qs, u"--out"_qs,
                 path(u"batch-module"_qs), u"--token"_qs, SoftToken::kAlwaysPinUri,
                 u"--pkcs11-module"_qs, SoftToken::kSoftHsm});
        QVERIFY2(ok(r) && r.out.contains(u"wrote 3 PDFs"_qs) && r.err.contains(note),
                 qPrintable(r.all()));
        // The same certificate with a key that does not ask again: no note.
        r = cli({u"export-pdf"_qs, u"--db"_qs, docket, u"--all-signed"_qs, u"--out"_qs,
                 path(u"batch-plain"_qs), u"--token"_qs, kUri});
        QVERIFY2(ok(r) && r.out.contains(u"wrote 3 PDFs"_qs) && !r.err.contains(note),
                 qPrintable(r.all()));
    }
};

QTEST_GUILESS_MAIN(TestToken)
#include "tst_token.moc"
