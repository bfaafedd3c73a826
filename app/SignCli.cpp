#include "SignCli.h"

#include "PadesCli.h"

#include "Console.h"
#include "audit/AuditLog.h"
#include "domain/ANumber.h"
#include "domain/CaseSnapshot.h"
#include "domain/Clock.h"
#include "files/PrivateFile.h"
#include "policy/PolicyLibrary.h"
#include "report/BatchExport.h"
#include "report/DispositionDocument.h"
#include "sign/PdfSigner.h"
#include "sign/PdfVerifier.h"
#include "sign/Pkcs11Token.h"
#include "sign/SignatureTrust.h"
#include "sign/SigningIdentity.h"
#include "sign/TrustStore.h"
#include "store/CaseStore.h"
#include "store/ReviewStore.h"

#include <termios.h>
#include <unistd.h>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QUrl>

namespace SignCli {
namespace {
using Console::err;
using Console::out;

// A secret from the environment variable, else the first line of standard input. On a
// terminal it asks for it by name and does not echo what is typed.
QByteArray secret(const char *variable, const char *what) {
    if (qEnvironmentVariableIsSet(variable))
        return qgetenv(variable);
    termios saved{};
    const bool terminal = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        err() << what << ": " << Qt::flush;
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    QFile in;
    QByteArray line = in.open(stdin, QIODevice::ReadOnly) ? in.readLine() : QByteArray();
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        err() << '\n' << Qt::flush;
    }
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

// Opens the docket and finds the case; prints why not and returns 0 when it cannot.
qint64 findCase(const QCommandLineParser &p, std::unique_ptr<CaseStore> &store) {
    QString error;
    const ANumber aNumber = ANumber::parse(p.value(QStringLiteral("case")), &error);
    if (!aNumber.isValid()) {
        err() << "error: --case: " << error << '\n';
        return 0;
    }
    store =
        CaseStore::open(p.value(QStringLiteral("db")), CaseStore::OpenMode::OpenExisting, &error);
    if (!store) {
        err() << "error: " << error << '\n';
        return 0;
    }
    const qint64 id = store->findCaseId(aNumber.digits());
    if (id == 0)
        err() << "error: no case " << aNumber.display() << " in " << store->path() << '\n';
    return id;
}

QByteArray passphrase() {
    return secret("DISCRETION_PASSPHRASE", "Passphrase");
}

bool signsDigitally(const QCommandLineParser &p) {
    return p.isSet(QStringLiteral("identity")) || p.isSet(QStringLiteral("token"));
}

// The identity named by --identity (unlocked with the passphrase) or --token (with the
// token's PIN, never kept or printed); says why not otherwise.
std::optional<SigningIdentity> loadIdentity(const QCommandLineParser &p) {
    QString error;
    const bool onToken = p.isSet(QStringLiteral("token"));
    if (onToken == p.isSet(QStringLiteral("identity"))) {
        err() << "error: give --identity FILE.p12 or --token URI, not both\n";
        return std::nullopt;
    }
    std::optional<SigningIdentity> identity =
        onToken ? SigningIdentity::fromToken(p.value(QStringLiteral("token")),
                                             secret("DISCRETION_PIN", "PIN"),
                                             p.value(QStringLiteral("pkcs11-module")), &error)
                : SigningIdentity::load(p.value(QStringLiteral("identity")), passphrase(), &error);
    if (!identity)
        err() << "error: " << error << '\n';
    else
        AuditLog::setProfileName(identity->commonName());  // the audit log names who acted
    return identity;
}
// A PIV card's signing key asks for the PIN before every signature: a batch gives it the
// PIN typed once, and says so before it starts, since the card's owner may expect to be
// asked each time (a card may count its signatures). `perItem`: signatures per item.
void notePinEverySignature(const SigningIdentity &identity, qsizetype items, int perItem,
                           const char *what) {
    if (!identity.asksPinEverySignature() || items * perItem < 2)
        return;
    err() << "note: the token asks for its PIN before every signature; the PIN given once is "
             "passed to it for each of up to "
          << items * perItem << " signatures (" << what << ") and is not kept after this command\n";
    err().flush();
}

// A signed record keeps the case facts it was signed on; when the live case has changed
// since, the person exporting or verifying is told what differs (the PDF prints the record).
void printLiveCaseDiffers(const QStringList &differences) {
    if (differences.isEmpty())
        return;
    out() << "note: the case in the docket now differs from the signed record (the PDF shows "
             "the record):\n";
    for (const QString &line : differences)
        out() << "  " << line << '\n';
}

// Every PDF export goes into the audit log. A read-only docket cannot record it (said, not
// an error: reading and exporting are what read-only is for). When a busy docket cannot
// record it, the whole PDFs stay and the command exits 1 saying so.
bool recordExport(CaseStore &store, const QList<BatchExport::Item> &items,
                  const QStringList &written, bool digitallySigned) {
    QString error;
    if (store.isReadOnly()) {
        out() << "note: the docket is read-only here, so its audit log does not record this "
                 "export\n";
        return true;
    }
    if (BatchExport::recordInAudit(store, items, written, digitallySigned, &error))
        return true;
    err() << "error: the PDFs were written, but the export is not in the docket's audit log: "
          << error << '\n';
    return false;
}

}  // namespace

// Every ready review, each signed in its own transaction: an interruption leaves every
// review either signed whole or still ready.
int signAllReady(QCommandLineParser &p) {
    auto store = Console::openDocket(p);
    if (!store)
        return 2;
    QString error;
    const std::optional<SigningIdentity> identity = loadIdentity(p);
    if (!identity)
        return 2;
    ReviewStore reviews(*store);
    const QList<qint64> ready = reviews.readyReviews();
    // A review's record and its attestation are signed apart (ReviewSignature).
    notePinEverySignature(*identity, ready.size(), 2, "two for each review");
    int signedCount = 0;
    for (qint64 reviewId : ready) {
        if (!reviews.sign(reviewId, *identity, nullptr, &error)) {
            err() << "error: review " << reviewId << ": " << error << '\n';
            return Console::refusalCode(error);
        }
        if (++signedCount % 100 == 0)
            err() << "progress: " << signedCount << " of " << ready.size() << '\n';
    }
    out() << "signed " << signedCount << " ready reviews as " << identity->commonName() << '\n';
    return 0;
}

// The tokens present and the certificates on them, each with the URI that names it.
int listTokens(const QCommandLineParser &p) {
    QString error;
    const QString module = p.isSet(QStringLiteral("pkcs11-module"))
                               ? p.value(QStringLiteral("pkcs11-module"))
                               : Pkcs11Token::defaultModule();
    const QList<Pkcs11Token::Certificate> found = Pkcs11Token::certificates(module, &error);
    if (!error.isEmpty()) {
        err() << "error: " << error << '\n';
        return 2;
    }
    if (found.isEmpty())
        out() << "no certificate on any token (through " << module << ")\n";
    for (const Pkcs11Token::Certificate &c : found)
        out() << c.uri << "\n  subject: " << c.subject << "\n  issuer: " << c.issuer
              << "\n  valid until: " << c.notAfter.toString(Qt::ISODate) << '\n';
    return 0;
}

int sign(QCommandLineParser &p) {
    if (p.isSet(QStringLiteral("tokens")))
        return listTokens(p);
    if (p.isSet(QStringLiteral("all-ready")))
        return signAllReady(p);
    std::unique_ptr<CaseStore> store;
    const qint64 caseId = findCase(p, store);
    if (caseId == 0)
        return 2;
    const std::optional<SigningIdentity> identity = loadIdentity(p);
    if (!identity)
        return 2;
    QString error;
    ReviewStore reviews(*store);
    const std::optional<Review> review = reviews.latest(caseId);
    ReviewSignature signature;
    if (!review) {
        err() << "error: the case has no review to sign\n";
        return 1;
    }
    // The record signs the facts as reviewed; the attorney is told when the case has moved on.
    if (review->hasCaseFacts())
        printLiveCaseDiffers(
            CaseSnapshot::differences(review->caseOnRecord(), *store->loadCase(caseId)));
    if (!reviews.sign(review->id, *identity, &signature, &error)) {
        err() << "error: " << error << '\n';
        return Console::refusalCode(error);
    }
    out() << "signed review version " << review->version << " of "
          << ANumber::displayDigits(review->aNumber) << " as " << signature.signer << " at "
          << signature.signedAt << ", record sha256 " << signature.recordSha256 << '\n';
    return 0;
}

QString levelName(const PdfFormat &format) {
    return format.timestampAuthority.isEmpty() ? QStringLiteral("PAdES B-B")
           : !format.validation                ? QStringLiteral("PAdES B-T, timestamped")
           : format.archiveTimestamp           ? QStringLiteral("PAdES B-LTA")
                                               : QStringLiteral("PAdES B-LT");
}

// Every case whose latest review is signed, as PDFs in a folder, on all cores.
int exportAllSigned(const QCommandLineParser &p, CaseStore &store, const PdfFormat &format) {
    const QString folder = p.value(QStringLiteral("out"));
    QString error;
    if (!PrivateFile::makeFolders(folder, &error)) {
        err() << "error: " << error << '\n';
        return 2;
    }
    std::optional<SigningIdentity> identity;
    if (signsDigitally(p) && !(identity = loadIdentity(p)))
        return 2;
    const BatchExport::Plan plan = BatchExport::plan(
        store, ReviewStore(store).casesWithSignedReview(), folder, identity ? &*identity : nullptr);
    if (identity)
        notePinEverySignature(*identity, plan.items.size(), 1, "one for each PDF");
    int lastShown = -1;
    const BatchExport::Result result = BatchExport::run(
        plan.items, format, identity ? &*identity : nullptr, [&lastShown](int done, int total) {
            if (done * 10 / qMax(total, 1) != lastShown) {
                lastShown = done * 10 / qMax(total, 1);
                err() << "progress: " << done << " of " << total << '\n';
                err().flush();
            }
            return true;
        });
    for (const QString &failure : result.failures)
        err() << "failed: " << failure << '\n';
    const bool recorded =
        recordExport(store, plan.items, result.writtenPaths, identity.has_value());
    out() << "wrote " << result.written << " PDFs to " << folder
          << (identity ? ", digitally signed (" + levelName(format) + ")" : QString())
          << "; skipped " << plan.otherIdentity << " signed by another identity\n";
    for (const QString &broken : plan.broken)
        err() << "error: left out, the signed record no longer holds: " << broken << '\n';
    if (!plan.changedSinceSigning.isEmpty())
        out() << "note: the docket's case now differs from the signed record for "
              << BatchExport::changedSinceSigningText(plan)
              << " (the PDFs show the records as signed)\n";
    return recorded && result.failures.isEmpty() && plan.broken.isEmpty() ? 0 : 1;
}

int exportPdf(QCommandLineParser &p) {
    const QString size = p.value(QStringLiteral("page-size")).toLower();
    if (!size.isEmpty() && size != u"letter" && size != u"a4") {
        err() << "error: --page-size takes letter or a4\n";
        return 2;
    }
    // PDF/A unless --plain-pdf: the archival form is the default everywhere.
    PdfFormat format{QPageSize(size == u"a4" ? QPageSize::A4 : QPageSize::Letter),
                     !p.isSet(QStringLiteral("plain-pdf"))};
    if (!PadesCli::configure(p, signsDigitally(p), format))
        return 2;
    if (p.isSet(QStringLiteral("all-signed"))) {
        auto store = Console::openDocket(p);
        if (!store)
            return 2;
        return exportAllSigned(p, *store, format);
    }
    std::unique_ptr<CaseStore> store;
    const qint64 caseId = findCase(p, store);
    if (caseId == 0)
        return 2;
    const std::optional<DispositionDocument::Input> input =
        DispositionDocument::forCase(*store, caseId);
    if (!input) {
        err() << "error: the case has no review\n";
        return 1;
    }
    if (!input->recordProblem.isEmpty()) {
        err() << "error: the signed review of " << ANumber::displayDigits(input->theCase.aNumber)
              << " no longer holds: " << input->recordProblem
              << "; nothing was written (see discretion check)\n";
        return 1;
    }
    printLiveCaseDiffers(input->liveCaseDiffers);
    const QString path = p.value(QStringLiteral("out"));
    const bool digitallySigned = signsDigitally(p);
    std::optional<SigningIdentity> identity;
    if (digitallySigned && !input->signature) {
        err() << "error: the review is not signed; sign it first (discretion sign)\n";
        return 1;
    }
    if (digitallySigned && !(identity = loadIdentity(p)))
        return 2;
    if (const QString problem =
            BatchExport::exportOne({*input, path}, format, identity ? &*identity : nullptr);
        !problem.isEmpty()) {
        err() << "error: " << problem << '\n';
        return 2;
    }
    out() << "wrote " << path
          << (identity
                  ? ", signed by " + identity->commonName() + ", " + PadesCli::levelWritten(path)
              : input->signature ? QString()
                                 : QStringLiteral(" (the review is not signed)"))
          << '\n';
    return recordExport(*store, {{*input, path}}, {path}, digitallySigned) ? 0 : 1;
}

int verify(QCommandLineParser &p) {
    if (p.positionalArguments().size() != 1) {
        err() << "usage: discretion verify FILE.pdf [--db FILE]\n";
        return 2;
    }
    std::optional<TrustStore> trust;
    if (!Console::trustStore(p, trust))
        return 2;
    const PdfVerification v = PdfVerifier::verify(p.positionalArguments().first());
    out() << "signer: " << (v.signer.isEmpty() ? QStringLiteral("-") : v.signer) << "\nsigned: "
          << (v.signingTime.isValid() ? v.signingTime.toString(Qt::ISODate) : QStringLiteral("-"))
          << "\nrecord sha256: "
          << (v.recordSha256.isEmpty() ? QStringLiteral("-") : v.recordSha256) << '\n';
    for (const QString &line : v.details())
        out() << line << '\n';
    if (!v.ok()) {
        out() << v.verdictWord() << ": " << v.problem << '\n';
        return 1;
    }
    const SignatureTrust judged =
        SignatureTrustCheck::judge(v.disposition, trust ? &*trust : nullptr, Clock::nowUtc());
    out() << "level: " << judged.level << '\n';
    for (const QString &note : judged.notes)
        out() << (note.startsWith(u"revocation: ") || note.startsWith(u"level: ") ? "" : "time: ")
              << note << '\n';
    if (!judged.acceptable()) {
        const bool invalid = judged.verdict == SignatureTrust::Verdict::Invalid;
        // The summary of an invalid signature starts "invalid: ", which the verdict says.
        out() << (invalid ? "INVALID: " : "NOT ACCEPTED: ")
              << (invalid ? judged.summary.section(u": "_qs, 1) : judged.summary) << '\n';
        return 1;
    }
    QString docketNote;
    if (!p.value(QStringLiteral("db")).isEmpty()) {
        auto store = Console::openDocket(p);
        if (!store)
            return 2;
        const DocketMatch match = PdfVerifier::matchInDocket(v, *store);
        if (!match.matches) {
            out() << "INVALID: " << match.problem << '\n';
            return 1;
        }
        docketNote = QStringLiteral("; it matches the signed review of %1 in the docket")
                         .arg(ANumber::displayDigits(match.aNumber));
        printLiveCaseDiffers(match.liveCaseDiffers);
    }
    out() << "VALID: "
          << (v.validationAdded.isEmpty()
                  ? "the signature covers the whole file and matches it; "
                  : "the signature matches the revision it signs, and what follows adds only "
                    "validation data and document timestamps; ")
          << judged.summary << docketNote << '\n';
    return 0;
}

int newIdentity(QCommandLineParser &p) {
    const SignerProfile profile{
        p.value(QStringLiteral("name")),      p.value(QStringLiteral("title")),
        p.value(QStringLiteral("office")),    p.value(QStringLiteral("bar-number")),
        p.value(QStringLiteral("bar-state")), p.value(QStringLiteral("email"))};
    const QString key = p.value(QStringLiteral("key")).toLower();
    bool daysOk = true;
    const int days =
        p.isSet(QStringLiteral("days")) ? p.value(QStringLiteral("days")).toInt(&daysOk) : 730;
    if (profile.fullName.trimmed().isEmpty() || p.value(QStringLiteral("out")).isEmpty() ||
        !daysOk || days < 1 || (!key.isEmpty() && key != u"ec" && key != u"rsa")) {
        err() << "usage: discretion identity --name NAME --out FILE.p12 [--title T] [--office O] "
                 "[--bar-number N] [--bar-state S] [--email E] [--key ec|rsa] [--days N]\n";
        return 2;
    }
    QString error;
    const auto type =
        key == u"rsa" ? SigningIdentity::KeyType::Rsa3072 : SigningIdentity::KeyType::EcP256;
    const std::optional<SigningIdentity> identity =
        SigningIdentity::generate(profile, type, days, &error);
    if (!identity || !identity->save(p.value(QStringLiteral("out")), passphrase(), &error)) {
        err() << "error: " << error << '\n';
        return 2;
    }
    out() << "wrote " << p.value(QStringLiteral("out")) << ": " << identity->subject()
          << ", valid until " << identity->notAfter().toString(Qt::ISODate) << ", sha256 "
          << identity->fingerprintSha256() << '\n';
    return 0;
}

int amend(QCommandLineParser &p) {
    std::unique_ptr<CaseStore> store;
    const qint64 caseId = findCase(p, store);
    if (caseId == 0)
        return 2;
    QString error;
    const std::optional<Review> amendment =
        ReviewStore(*store).amend(caseId, p.value(QStringLiteral("reason")), &error);
    if (!amendment) {
        err() << "error: " << error << '\n';
        return Console::refusalCode(error);
    }
    out() << "started version " << amendment->version << " (a draft) superseding review "
          << amendment->supersedes << '\n';
    return 0;
}
}  // namespace SignCli
