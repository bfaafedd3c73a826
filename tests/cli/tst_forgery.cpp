// Signed dispositions attacked the way someone with a copy of the PDF would attack them
// (tests/cli/forge.py, openssl, PoDoFo through our own signer), then judged by the real
// `discretion verify` and, as a second opinion, by poppler's pdfsig.
#include "ExampleReview.h"
#include "Programs.h"
#include "TestDocket.h"
#include "report/DispositionDocument.h"
#include "sign/PdfSigner.h"
#include "sign/PdfVerifier.h"

namespace {
const QByteArray kPassphrase = "forgery-test-passphrase";

QString forge() {
    return QStringLiteral(DISCRETION_SOURCE "/tests/cli/forge.py");
}

QProcessEnvironment withPassphrase() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DISCRETION_PASSPHRASE"_qs, QString::fromUtf8(kPassphrase));
    return env;
}
}  // namespace

class TestForgery : public QObject {
    Q_OBJECT
    TestDocket m_dir;
    QString m_db, m_pdf, m_identity;

    Run verify(const QString &pdf) { return discretionRun({u"verify"_qs, pdf, u"--db"_qs, m_db}); }

    Run forged(const QString &mode, const QString &name, const QStringList &extra = {}) {
        const QString out = m_dir.path(name);
        const Run r = runProgram(u"python3"_qs, QStringList{forge(), mode, m_pdf, out} + extra);
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.all()));
        return r;
    }

    // A disposition signed with `identity` at the program's clock, through the signer the
    // program uses, from the example case in the docket.
    bool signWith(const SigningIdentity &identity, const QString &path) {
        QString error;
        auto store = CaseStore::open(m_db, CaseStore::OpenMode::OpenExisting, &error);
        const qint64 id = store ? store->findCaseId(u"204555101"_qs) : 0;
        const auto input = id ? DispositionDocument::forCase(*store, id) : std::nullopt;
        const bool ok =
            input && DispositionDocument::write(*input, {}, path, &error) &&
            PdfSigner::sign(path, path, identity, {u"test"_qs, u"test"_qs, u"x"_qs}, &error);
        if (!ok)
            qWarning("%s", qPrintable(error));
        return ok;
    }

  private Q_SLOTS:
    void initTestCase() {
        m_db = m_dir.path(u"d.sqlite"_qs);
        m_pdf = m_dir.path(u"signed.pdf"_qs);
        m_identity = m_dir.path(u"id.p12"_qs);
        const QString policies = QStringLiteral(DISCRETION_SOURCE "/resources/policies/");
        const QList<QStringList> steps{
            {u"import-jsonl"_qs, u"--db"_qs, m_db, policies + u"example-case.jsonl"_qs},
            {u"review"_qs, u"--db"_qs, m_db, u"--case"_qs, u"A204-555-101"_qs, u"--answers"_qs,
             policies + u"example-answers.json"_qs},
            {u"identity"_qs, u"--name"_qs, u"Ana Attorney"_qs, u"--bar-number"_qs, u"123456"_qs,
             u"--out"_qs, m_identity},
            {u"sign"_qs, u"--db"_qs, m_db, u"--case"_qs, u"A204-555-101"_qs, u"--identity"_qs,
             m_identity},
            {u"export-pdf"_qs, u"--db"_qs, m_db, u"--case"_qs, u"A204-555-101"_qs, u"--out"_qs,
             m_pdf, u"--identity"_qs, m_identity}};
        for (const QStringList &step : steps) {
            const Run r = discretionRun(step, withPassphrase());
            QVERIFY2(r.exitCode == 0, qPrintable(step.first() + u": "_qs + r.all()));
        }
    }

    void theGenuineDispositionIsValid() {
        const Run r = verify(m_pdf);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(u"VALID: "_qs), qPrintable(r.out));
        QVERIFY(r.out.contains(u"signature 1 \"Disposition signature\": revision 2"_qs));
        const Run second = runProgram(u"pdfsig"_qs, {m_pdf});
        QVERIFY(second.out.contains(u"Signature is Valid"_qs));
        QVERIFY(second.out.contains(u"Total document signed"_qs));
    }

    // The genuine signature value kept, new visible content hidden in a widened unsigned
    // gap, the signature dictionary redefined to point there. The landed verifier said
    // VALID and "matches the signed review".
    void newContentSmuggledIntoTheGapIsInvalid() {
        QCOMPARE(forged(u"smuggle"_qs, u"smuggle.pdf"_qs).exitCode, 0);
        const QString file = m_dir.path(u"smuggle.pdf"_qs);
        // The forgery really shows the new words to a reader.
        QVERIFY(runProgram(u"pdftotext"_qs, {file, u"-"_qs})
                    .out.contains(u"Oppose dismissal; seek an order of removal."_qs));
        const Run r = verify(file);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"INVALID: signature 1 is not valid: its unsigned gap starts at "
                                u"byte"_qs),
                 qPrintable(r.out));
        QVERIFY(!r.out.contains(u"VALID: the signature covers"_qs));
        QVERIFY(!runProgram(u"pdfsig"_qs, {file}).out.contains(u"Total document signed"_qs));
    }

    // Re-signed with the key, over a range whose gap swallows 40 KB of the page; then a byte
    // inside the gap changed. The CMS signature matches: only the gap rule catches it.
    void aGapWiderThanTheSignatureValueIsInvalid() {
        const QString pem = m_dir.path(u"key.pem"_qs);
        QCOMPARE(runProgram(u"openssl"_qs,
                            {u"pkcs12"_qs, u"-in"_qs, m_identity, u"-nodes"_qs, u"-passin"_qs,
                             u"env:DISCRETION_PASSPHRASE"_qs, u"-out"_qs, pem},
                            withPassphrase())
                     .exitCode,
                 0);
        QCOMPARE(forged(u"wide-gap"_qs, u"wide.pdf"_qs, {pem}).exitCode, 0);
        const QString file = m_dir.path(u"wide.pdf"_qs);
        const PdfVerification v = PdfVerifier::verify(file);
        QCOMPARE(v.verdict, PdfVerification::Verdict::Invalid);
        QVERIFY2(v.problem.contains(u"the gap holds something else"_qs), qPrintable(v.problem));
        const Run r = verify(file);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains(u"INVALID"_qs));
        QVERIFY(runProgram(u"pdfsig"_qs, {file}).out.contains(u"Not total document signed"_qs));
    }

    // An update after signing that adds visible text: named, never VALID.
    void anUpdateAfterSigningIsChangedAfterSigning() {
        QCOMPARE(forged(u"append-text"_qs, u"appended.pdf"_qs).exitCode, 0);
        const Run r = verify(m_dir.path(u"appended.pdf"_qs));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"CHANGED AFTER SIGNING: "_qs), qPrintable(r.out));
        QVERIFY(r.out.contains(u"page 1 content (object"_qs));
        QVERIFY(r.out.contains(u"page 1 (object"_qs));
        QVERIFY(runProgram(u"pdfsig"_qs, {m_dir.path(u"appended.pdf"_qs)})
                    .out.contains(u"Not total document signed"_qs));
    }

    // A second signature, by the same key, over a revision that moves the record hash to
    // another case: every signature is checked, and the disposition's covers only revision 2.
    void aLaterSignatureDoesNotCoverChangesToTheFirst() {
        QString error;
        // The program made the identity on its own clock (near the pin, later on a busy
        // machine): sign again a minute after the certificate's start.
        // An hour after the pin to open it, then a minute after its start to sign.
        Clock::setFixed(PinnedClock::now().addSecs(3600));
        auto identity = SigningIdentity::load(m_identity, kPassphrase, &error);
        QVERIFY2(identity, qPrintable(error));
        Clock::setFixed(identity->notBefore().addSecs(60));
        const QString twice = m_dir.path(u"twice.pdf"_qs);
        const bool signedAgain = identity && QFile::copy(m_pdf, twice) &&
                                 PdfSigner::sign(twice, twice, *identity,
                                                 {u"again"_qs, u"x"_qs, QString(64, u'0')}, &error);
        PinnedClock::restore();
        QVERIFY2(signedAgain, qPrintable(error));
        const PdfVerification v = PdfVerifier::verify(twice);
        QCOMPARE(v.signatures.size(), 2);
        QVERIFY(v.signatures[0].valid && v.signatures[1].valid);
        QCOMPARE(v.signatures[0].revision, 2);
        QCOMPARE(v.signatures[1].revision, 3);
        QCOMPARE(v.verdict, PdfVerification::Verdict::ChangedAfterSigning);
        QVERIFY(v.recordSha256 != QString(64, u'0'));  // the hash the disposition signed
        const Run r = verify(twice);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"revision 3 signed by Ana Attorney"_qs), qPrintable(r.out));
        QVERIFY(r.out.contains(u"document information (object"_qs));
    }

    // Made a year before and valid 30 days, used today; not valid until next week; a key
    // usage that does not allow signing. Each signature matches its bytes.
    void certificatesMustAllowSigningAtTheSigningTime() {
        QString error;
        Clock::setFixed(PinnedClock::now().addDays(-400));
        const auto expired = SigningIdentity::generate(
            {u"Old"_qs, {}, {}, {}, {}, {}}, SigningIdentity::KeyType::EcP256, 30, &error);
        Clock::setFixed(PinnedClock::now().addDays(7));
        const auto early = SigningIdentity::generate({u"Early"_qs, {}, {}, {}, {}, {}},
                                                     SigningIdentity::KeyType::EcP256, 30, &error);
        PinnedClock::restore();
        QVERIFY(expired && early);
        QVERIFY(signWith(*expired, m_dir.path(u"expired.pdf"_qs)));
        QVERIFY(signWith(*early, m_dir.path(u"early.pdf"_qs)));
        Run r = discretionRun({u"verify"_qs, m_dir.path(u"expired.pdf"_qs)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"had expired when it signed"_qs), qPrintable(r.out));
        QVERIFY(runProgram(u"pdfsig"_qs, {m_dir.path(u"expired.pdf"_qs)})
                    .out.contains(u"Certificate has Expired"_qs));
        r = discretionRun({u"verify"_qs, m_dir.path(u"early.pdf"_qs)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"was not yet valid when it signed"_qs), qPrintable(r.out));

        // openssl dates its certificate from its clock, which starts at the pin.
        const QString dir = m_dir.dir();
        QCOMPARE(runProgram(u"openssl"_qs,
                            {u"req"_qs, u"-x509"_qs, u"-newkey"_qs, u"ec"_qs, u"-pkeyopt"_qs,
                             u"ec_paramgen_curve:P-256"_qs, u"-nodes"_qs, u"-keyout"_qs,
                             dir + u"/ku.key"_qs, u"-out"_qs, dir + u"/ku.crt"_qs, u"-days"_qs,
                             u"30"_qs, u"-subj"_qs, u"/CN=Encipherment Only"_qs, u"-addext"_qs,
                             u"keyUsage=critical,keyEncipherment"_qs})
                     .exitCode,
                 0);
        QCOMPARE(runProgram(u"openssl"_qs,
                            {u"pkcs12"_qs, u"-export"_qs, u"-inkey"_qs, dir + u"/ku.key"_qs,
                             u"-in"_qs, dir + u"/ku.crt"_qs, u"-out"_qs, dir + u"/ku.p12"_qs,
                             u"-passout"_qs, u"pass:ku-pass"_qs})
                     .exitCode,
                 0);
        Clock::setFixed(PinnedClock::now().addSecs(3600));
        const auto ku = SigningIdentity::load(dir + u"/ku.p12"_qs, "ku-pass", &error);
        QVERIFY2(ku, qPrintable(error));
        QVERIFY(signWith(*ku, m_dir.path(u"ku.pdf"_qs)));
        PinnedClock::restore();
        r = discretionRun({u"verify"_qs, m_dir.path(u"ku.pdf"_qs)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"does not allow signing documents"_qs), qPrintable(r.out));
    }

    // Files made to crash a parser: answered with exit 1 and a reason, never a signal.
    void hostileFilesAreRefusedWithAReason() {
        QCOMPARE(forged(u"nested"_qs, u"nested.pdf"_qs).exitCode, 0);
        QVERIFY(m_dir.writeFile(u"zeros.pdf"_qs, QByteArray(64 * 1024 * 1024, '\0')));
        QVERIFY(m_dir.writeFile(u"small.pdf"_qs, QByteArray(4096, '\0')));
        QVERIFY(m_dir.writeFile(u"empty.pdf"_qs, {}));
        QVERIFY(m_dir.writeFile(u"text.pdf"_qs, "%PDF-1.7\nnot really\n%%EOF\n"));
        for (const QString &name : {u"nested.pdf"_qs, u"zeros.pdf"_qs, u"small.pdf"_qs,
                                    u"empty.pdf"_qs, u"text.pdf"_qs}) {
            const Run r = discretionRun({u"verify"_qs, m_dir.path(name)});
            QVERIFY2(r.exitCode == 1, qPrintable(name + u": "_qs + r.all()));
            const QString verdict = r.out.section(u"INVALID: "_qs, 1).trimmed();
            QVERIFY2(verdict.size() > 10 && !verdict.endsWith(u": "_qs),
                     qPrintable(name + u": "_qs + r.out));
        }
        QVERIFY(discretionRun({u"verify"_qs, m_dir.path(u"zeros.pdf"_qs)})
                    .out.contains(u"are not read"_qs));
        QVERIFY(
            discretionRun({u"verify"_qs, m_dir.path(u"nested.pdf"_qs)}).out.contains(u"nested"_qs));
    }
};

QTEST_MAIN(TestForgery)
#include "tst_forgery.moc"
