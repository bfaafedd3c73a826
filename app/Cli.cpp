#include "Cli.h"

#include "Console.h"
#include "PadesCli.h"
#include "check/DocketCheck.h"
#include "check/Witness.h"
#include "sign/SignedRecords.h"
#include "sign/TrustStore.h"

#include "AuditCli.h"
#include "PolicyCli.h"
#include "ReviewCli.h"
#include "SignCli.h"
#include "audit/AuditLog.h"
#include "domain/ANumber.h"
#include "domain/Clock.h"
#include "domain/FieldText.h"
#include "io/CaseExporter.h"
#include "io/CsvImporter.h"
#include "io/DocketGenerator.h"
#include "io/JsonLinesImporter.h"
#include "store/CasePager.h"
#include "store/CaseStore.h"
#include "store/DocketBackup.h"
#include "store/ReviewStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <algorithm>
#include <functional>
#include <optional>

namespace Cli {
namespace {
enum Exit { Ok = 0, Partial = 1, Fatal = 2 };

using Console::err;
using Console::out;

struct Command {
    QString name;
    QString synopsis;
    QString summary;
    std::function<int(QCommandLineParser &)> run;
    QList<QCommandLineOption> options;
    QStringList positional;
};

QCommandLineOption dbOption() {
    return {QStringLiteral("db"), QStringLiteral("The docket file."), QStringLiteral("FILE")};
}

bool duplicatePolicy(const QCommandLineParser &p, DuplicatePolicy *policy) {
    const QString v = p.value(QStringLiteral("on-duplicate"));
    if (v.isEmpty() || v == u"skip")
        *policy = DuplicatePolicy::Skip;
    else if (v == u"update")
        *policy = DuplicatePolicy::Update;
    else {
        err() << "error: --on-duplicate takes skip or update, not '" << v << "'\n";
        return false;
    }
    return true;
}

int printReport(const QString &path, const ImportReport &r) {
    const QString file = QFileInfo(path).fileName();
    for (const QString &c : r.unknownColumns)
        err() << "warning: " << file << ": unknown column '" << c << "' ignored\n";
    for (const RejectedRow &row : r.rejected)
        err() << "rejected: " << file << ", " << r.rejectedText(row) << '\n';
    if (!r.fatal.isEmpty()) {
        err() << "error: " << r.fatal << '\n';
        return Fatal;
    }
    out() << "imported " << r.imported << ", updated " << r.updated << ", skipped " << r.skipped
          << ", rejected " << r.rejected.size() << '\n';
    return r.rejected.isEmpty() ? Ok : Partial;
}

int generateDocket(QCommandLineParser &p) {
    bool ok = false;
    const qint64 cases = p.value(QStringLiteral("cases")).toLongLong(&ok);
    if (!ok || cases < 0) {
        err() << "error: --cases N needs a whole number\n";
        return Fatal;
    }
    const quint32 seed =
        p.isSet(QStringLiteral("seed")) ? p.value(QStringLiteral("seed")).toUInt() : 1;
    QString error;
    QDate asOf = Clock::today();
    if (p.isSet(QStringLiteral("as-of"))) {
        asOf = FieldText::parseDate(p.value(QStringLiteral("as-of")), &error);
        if (!asOf.isValid()) {
            err() << "error: --as-of DATE needs a date such as 2026-11-29"
                  << (error.isEmpty() ? QString() : QStringLiteral(": ") + error) << '\n';
            return Fatal;
        }
    }
    auto store = Console::openDocket(p, CaseStore::OpenMode::CreateIfMissing);
    if (!store || !DocketGenerator::fill(*store, cases, seed, asOf, &error)) {
        if (store)
            err() << "error: " << error << '\n';
        return Fatal;
    }
    out() << "generated " << cases << (cases == 1 ? " synthetic case" : " synthetic cases")
          << " as of " << FieldText::isoDate(asOf) << " in " << store->path() << '\n';
    return Ok;
}

template <typename Importer>
int importFile(QCommandLineParser &p) {
    DuplicatePolicy policy;
    if (p.positionalArguments().size() != 1 || !duplicatePolicy(p, &policy)) {
        err() << "error: name exactly one file to import\n";
        return Fatal;
    }
    auto store = Console::openDocket(p, CaseStore::OpenMode::CreateIfMissing);
    if (!store)
        return Fatal;
    const QString path = p.positionalArguments().first();
    return printReport(path, Importer(*store, policy).importFile(path));
}

// An unknown court would match nothing: an export would replace its file with no cases,
// so it is refused with the codes the docket knows.
std::optional<CaseFilter> filterFrom(const QCommandLineParser &p, const CaseStore &store) {
    CaseFilter f;
    f.search = p.value(QStringLiteral("search"));
    const QString given = p.value(QStringLiteral("court"));
    // Upper case for ASCII only: Qt's toUpper() turns a dotless ı or a long ſ into I and S,
    // so "chı" chose CHI. An empty --court "$UNSET" is refused rather than read as "all".
    const bool ascii =
        std::all_of(given.cbegin(), given.cend(), [](QChar ch) { return ch.unicode() < 0x80; });
    f.court = ascii ? given.toUpper() : given;
    if (!p.isSet(QStringLiteral("court")) || store.courtCodes().contains(f.court))
        return f;
    QStringList known = store.courtCodes().values();
    known.sort();
    err() << "error: --court \"" << Console::field(given)
          << "\": no such court in this docket (its courts: " << known.join(QStringLiteral(", "))
          << ")\n";
    return std::nullopt;
}

template <auto ExportFunction>
int exportFile(QCommandLineParser &p) {
    if (p.positionalArguments().size() != 1) {
        err() << "error: name exactly one output file\n";
        return Fatal;
    }
    auto store = Console::openDocket(p, CaseStore::OpenMode::OpenExisting);
    if (!store)
        return Fatal;
    const std::optional<CaseFilter> filter = filterFrom(p, *store);
    if (!filter)
        return Fatal;
    qint64 written = 0;
    QString error;
    const auto privacy = p.isSet(QStringLiteral("mask")) ? CaseExporter::Privacy::Masked
                                                         : CaseExporter::Privacy::Full;
    if (!ExportFunction(*store, *filter, CaseSort{}, p.positionalArguments().first(), &written,
                        &error, privacy, {})) {
        err() << "error: " << error << '\n';
        return Fatal;
    }
    out() << "exported " << written << (written == 1 ? " case" : " cases") << " to "
          << p.positionalArguments().first()
          << (p.isSet(QStringLiteral("mask")) ? " (masked: no names or A-numbers)" : "") << '\n';
    return Ok;
}

int list(QCommandLineParser &p) {
    auto store = Console::openDocket(p, CaseStore::OpenMode::OpenExisting);
    if (!store)
        return Fatal;
    const int limit =
        p.isSet(QStringLiteral("limit")) ? p.value(QStringLiteral("limit")).toInt() : 100;
    const std::optional<CaseFilter> filter = filterFrom(p, *store);
    if (!filter)
        return Fatal;
    const CasePager pager(store->database(), *filter, CaseSort{});
    const CasePager::Page page = pager.first(limit);
    if (!page.error.isEmpty()) {  // never an empty list that reads as "no such case"
        err() << "error: the cases could not be read: " << page.error << '\n';
        return Fatal;
    }
    for (const CaseListRow &r : page.rows)
        out() << ANumber::displayDigits(r.aNumber) << '\t' << Console::field(r.familyName) << '\t'
              << Console::field(r.givenNames) << '\t' << Console::field(r.nationality) << '\t'
              << Console::field(r.court) << '\t' << r.nextHearingDate << '\t' << r.nextHearingType
              << '\t' << r.custody << '\t'
              << (r.counselName.isEmpty() ? QStringLiteral("unrepresented")
                                          : Console::field(r.counselName))
              << '\t' << r.reviewStatus << '\n';
    return Ok;
}

QString witnessSigner(const Witness &witness, const TrustStore *trust) {
    if (witness.signer.isEmpty())
        return {};
    return trust
               ? QStringLiteral(", signed by %1, trusted").arg(witness.signer)
               : QStringLiteral(", signed by %1 (not checked: no trust store)").arg(witness.signer);
}

// Each witness (a backup, a signed PDF) must still find its audit head in the docket.
int checkWitnesses(const QStringList &paths, CaseStore &store, const TrustStore *trust) {
    int result = Ok;
    for (const QString &path : paths) {
        QString error;
        const std::optional<Witness> witness = Witness::read(path, &error, trust);
        if (!witness) {
            err() << "error: " << error << '\n';
            return Fatal;
        }
        if (!witness->untrusted.isEmpty()) {
            out() << "WITNESS NOT TRUSTED: " << path << " proves nothing: its signer "
                  << witness->signer << " is " << witness->untrusted << '\n';
            result = Partial;
            continue;
        }
        const QString problem = witness->problemIn(store);
        const qint64 entry =
            witness->seq ? witness->seq : AuditLog(store.handle()).seqOf(witness->hash);
        if (problem.isEmpty()) {
            out() << "witness " << path << ": the history it saw is still there (entry " << entry
                  << ", head " << QString::fromLatin1(witness->hash.toHex().left(16)) << "…)"
                  << witnessSigner(*witness, trust) << '\n';
        } else {
            out() << "WITNESS BROKEN: " << problem << '\n';
            result = Partial;
        }
    }
    return result;
}

int check(QCommandLineParser &p) {
    std::optional<TrustStore> trust;
    if (!Console::trustStore(p, trust))
        return Fatal;
    auto store = Console::openDocket(p, CaseStore::OpenMode::OpenExisting);
    if (!store)
        return Fatal;
    out() << "docket: " << store->path() << '\n'
          << "schema version: " << store->schemaVersion() << " (latest "
          << CaseStore::latestSchemaVersion()
          << (store->upgradedFrom() > 0
                  ? QStringLiteral("; upgraded from %1 as it was opened, recorded in the audit log")
                        .arg(store->upgradedFrom())
                  : QString())
          << ")\n"
          << "synthetic: " << (store->isSynthetic() ? "yes" : "no") << '\n';
    for (const auto &[table, count] : store->tableCounts())
        out() << table << ": " << count << '\n';
    if (const qsizetype n = SignedRecords(*store).attestationStart().unattested.size())
        out() << "signatures from before schema 5 (their signer, time and audit head are not "
                 "signed): "
              << n << '\n';
    const DocketCheck c = DocketCheck::run(*store, trust ? &*trust : nullptr);
    out() << "integrity: "
          << (c.integrity.isEmpty() ? QStringLiteral("ok") : c.integrity.join(u'\n')) << '\n';
    out() << "audit log: "
          << (c.audit.ok ? QStringLiteral("ok, %1 %2")
                               .arg(c.audit.checked)
                               .arg(c.audit.checked == 1 ? "entry" : "entries")
                         : QStringLiteral("BROKEN: ") + c.audit.problem)
          << '\n';
    out() << "signed records and policy texts: "
          << (c.records.isEmpty() ? QStringLiteral("ok")
                                  : QStringLiteral("BROKEN\n  ") + c.records.join(u"\n  "_qs))
          << '\n';
    out() << "schema: "
          << (c.schema.isEmpty() ? QStringLiteral("as Discretion makes it")
                                 : QStringLiteral("CHANGED\n  ") + c.schema.join(u"\n  "_qs))
          << '\n';
    out() << "signers: "
          << (!c.signers.isEmpty() ? QStringLiteral("UNTRUSTED\n  ") + c.signers.join(u"\n  "_qs)
              : trust              ? QStringLiteral("every signature by a trusted certificate (%1)")
                            .arg(trust->source())
                      : QStringLiteral("each signer keeps one certificate; not checked against "
                                       "a trust store (--trust FILE|DIR or DISCRETION_TRUST)"))
          << '\n';
    if (!c.sinceExpired.isEmpty())
        out() << "certificates expired since signing (valid when signed; the PDFs' trusted "
                 "timestamps prove when):\n  "
              << c.sinceExpired.join(u"\n  "_qs) << '\n';
    const int witnesses =
        checkWitnesses(p.values(QStringLiteral("witness")), *store, trust ? &*trust : nullptr);
    if (witnesses == Fatal)
        return Fatal;
    return c.ok() && witnesses == Ok ? Ok : Partial;
}

int backup(QCommandLineParser &p) {
    if (p.positionalArguments().size() != 1) {
        err() << "usage: discretion backup --db FILE OUT\n";
        return Fatal;
    }
    auto store = Console::openDocket(p, CaseStore::OpenMode::OpenExisting);
    if (!store)
        return Fatal;
    const QString target = p.positionalArguments().first();
    const BackupResult r = DocketBackup::backup(*store, target);
    if (!r.ok) {
        err() << "error: " << r.problem << '\n';
        return Fatal;
    }
    out() << "backed up " << store->path() << " to " << target << ": integrity ok, audit chain of "
          << r.auditEntries << " entries verified, head " << r.auditHead << '\n';
    if (store->isReadOnly())
        out() << "note: the docket is read-only here, so its audit log does not record this "
                 "backup\n";
    return Ok;
}

int restore(QCommandLineParser &p) {
    if (p.positionalArguments().size() != 1 || p.value(QStringLiteral("db")).isEmpty()) {
        err() << "usage: discretion restore BACKUP --db FILE [--force]\n";
        return Fatal;
    }
    const QString docket = p.value(QStringLiteral("db"));
    const BackupResult r = DocketBackup::restore(p.positionalArguments().first(), docket,
                                                 p.isSet(QStringLiteral("force")));
    if (!r.ok) {
        err() << "error: " << r.problem << '\n';
        return Fatal;
    }
    out() << "restored " << docket << " from " << p.positionalArguments().first() << " ("
          << r.auditEntries << " audit entries verified)";
    if (!r.keptAside.isEmpty())
        out() << "; the replaced docket is kept as " << r.keptAside;
    out() << '\n';
    return Ok;
}

QList<Command> commands() {
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed."),
                                  QStringLiteral("S"));
    const QCommandLineOption cases(QStringLiteral("cases"), QStringLiteral("How many cases."),
                                   QStringLiteral("N"));
    const QCommandLineOption asOf(
        QStringLiteral("as-of"),
        QStringLiteral("The date the docket is made as of (default: today)."),
        QStringLiteral("DATE"));
    const QCommandLineOption duplicate(
        QStringLiteral("on-duplicate"),
        QStringLiteral("skip (default) or update existing A-numbers."), QStringLiteral("MODE"));
    const QCommandLineOption search(QStringLiteral("search"),
                                    QStringLiteral("A-number or name prefix."),
                                    QStringLiteral("TEXT"));
    const QCommandLineOption court(QStringLiteral("court"), QStringLiteral("Court code."),
                                   QStringLiteral("CODE"));
    const QCommandLineOption limit(QStringLiteral("limit"),
                                   QStringLiteral("At most N cases (default 100)."),
                                   QStringLiteral("N"));
    const QCommandLineOption caseOption(
        QStringLiteral("case"), QStringLiteral("The case's A-number."), QStringLiteral("A-NUMBER"));
    const QCommandLineOption answers(
        QStringLiteral("answers"), QStringLiteral("Answers file (JSON)."), QStringLiteral("FILE"));
    const QCommandLineOption identity(QStringLiteral("identity"),
                                      QStringLiteral("Signing identity (PKCS#12)."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption token(
        QStringLiteral("token"),
        QStringLiteral("Sign with the key on a PKCS#11 token (a PIV card): an RFC 7512 URI such "
                       "as pkcs11:token=PIV;object=Digital%20Signature. PIN: DISCRETION_PIN or "
                       "stdin."),
        QStringLiteral("URI"));
    const QCommandLineOption pkcs11Module(
        QStringLiteral("pkcs11-module"),
        QStringLiteral("PKCS#11 module for --token (default: p11-kit's proxy, every registered "
                       "module)."),
        QStringLiteral("FILE.so"));
    const QCommandLineOption tokens(QStringLiteral("tokens"),
                                    QStringLiteral("List the tokens present and their "
                                                   "certificates, then stop."));
    const QCommandLineOption reason(QStringLiteral("reason"),
                                    QStringLiteral("Why the signed review is amended."),
                                    QStringLiteral("TEXT"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Output file."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption pageSize(QStringLiteral("page-size"),
                                      QStringLiteral("letter (default) or a4."),
                                      QStringLiteral("SIZE"));
    const QCommandLineOption mask(
        QStringLiteral("mask"),
        QStringLiteral("Pseudonymous A-numbers, no names or identifying details."));
    const QCommandLineOption plainPdf(QStringLiteral("plain-pdf"),
                                      QStringLiteral("PDF 1.6 instead of PDF/A-1b."));
    const QCommandLineOption trust(
        QStringLiteral("trust"),
        QStringLiteral("Trusted signers: a PEM file or a folder of them (else DISCRETION_TRUST)."),
        QStringLiteral("FILE|DIR"));
    const QCommandLineOption allSigned(QStringLiteral("all-signed"),
                                       QStringLiteral("Every case whose latest review is signed."));
    QList<QCommandLineOption> identityOptions{outOption};
    for (const char *name :
         {"name", "title", "office", "bar-number", "bar-state", "email", "key", "days"})
        identityOptions << QCommandLineOption(QLatin1String(name), QLatin1String(name),
                                              QStringLiteral("VALUE"));
    return {
        {"generate-docket",
         "--db FILE --cases N [--seed S] [--as-of DATE]",
         "Fill a docket with synthetic cases dated relative to DATE (default: today).",
         generateDocket,
         {dbOption(), cases, seed, asOf},
         {}},
        {"import-csv",
         "--db FILE CSV [--on-duplicate skip|update]",
         "Import cases from CSV.",
         importFile<CsvImporter>,
         {dbOption(), duplicate},
         {"CSV"}},
        {"export-csv",
         "--db FILE OUT [--search TEXT] [--court CODE] [--mask]",
         "Export cases to CSV; --mask removes names and identifying details (for statistics).",
         exportFile<CaseExporter::exportCsv>,
         {dbOption(), search, court, mask},
         {"OUT"}},
        {"import-jsonl",
         "--db FILE JSONL [--on-duplicate skip|update]",
         "Import whole case records from JSON Lines.",
         importFile<JsonLinesImporter>,
         {dbOption(), duplicate},
         {"JSONL"}},
        {"export-jsonl",
         "--db FILE OUT [--search TEXT] [--court CODE] [--mask]",
         "Export whole case records to JSON Lines; --mask as for export-csv.",
         exportFile<CaseExporter::exportJsonLines>,
         {dbOption(), search, court, mask},
         {"OUT"}},
        {"list",
         "--db FILE [--search TEXT] [--court CODE] [--limit N]",
         "Print cases, one a line, tab-separated, by next hearing.",
         list,
         {dbOption(), search, court, limit},
         {}},
        {"review",
         "--db FILE --case A-NUMBER --answers FILE | show --db FILE --case A-NUMBER "
         "[--trust FILE|DIR]",
         "Record a review from an answers file (checked like the wizard), or print the latest.",
         ReviewCli::run,
         {dbOption(), caseOption, answers, trust},
         {"show"}},
        {"sign",
         "--db FILE (--case A-NUMBER | --all-ready) (--identity FILE.p12 | --token URI "
         "[--pkcs11-module FILE.so]) | --tokens",
         "Sign the case's ready review, or every ready review, each in its own transaction "
         "(passphrase: DISCRETION_PASSPHRASE or stdin; a token's PIN: DISCRETION_PIN or stdin). "
         "--tokens lists the PKCS#11 tokens present and their certificates.",
         SignCli::sign,
         {dbOption(), caseOption, identity, token, pkcs11Module, tokens,
          QCommandLineOption(QStringLiteral("all-ready"), QStringLiteral("Every ready review."))},
         {}},
        {"export-pdf",
         "--db FILE (--case A-NUMBER --out FILE.pdf | --all-signed --out DIR) "
         "[--page-size letter|a4] [--plain-pdf] [--identity FILE.p12 | --token URI "
         "[--pkcs11-module FILE.so]] [--tsa URL [--chain FILE] [--crl FILE] [--offline]] "
         "[--level B-B|B-T|B-LT|B-LTA]",
         "Write dispositions as PDF/A (--plain-pdf: PDF 1.6); with --identity or --token, "
         "digitally signed (PAdES B-B), with --tsa also timestamped (B-T), with --chain or --crl "
         "also the chains and CRLs (B-LT) under a document timestamp (B-LTA). --all-signed uses "
         "every core.",
         SignCli::exportPdf,
         QList<QCommandLineOption>{dbOption(), caseOption, outOption, pageSize, plainPdf, identity,
                                   token, pkcs11Module, allSigned} +
             PadesCli::options(),
         {}},
        {"extend",
         "FILE.pdf --tsa URL [--chain FILE] [--crl FILE] [--offline] [--out FILE]",
         "Add validation data and a new document timestamp (PAdES B-LTA) to a signed "
         "disposition, before its last timestamp's authority certificate expires.",
         PadesCli::extend,
         QList<QCommandLineOption>{outOption} + PadesCli::extendOptions(),
         {"FILE.pdf"}},
        {"identity",
         "--name NAME --out FILE.p12 [--title T] [--office O] [--bar-number N] [--bar-state S] "
         "[--email E] [--key ec|rsa] [--days N]",
         "Make a signing identity (key and self-signed certificate), encrypted with a passphrase.",
         SignCli::newIdentity,
         identityOptions,
         {}},
        {"verify",
         "FILE.pdf [--db FILE] [--trust FILE|DIR]",
         "Check a disposition PDF's digital signature, with --db that it matches a signed "
         "review, with --trust (or DISCRETION_TRUST) that its signer is trusted.",
         SignCli::verify,
         {dbOption(), trust},
         {"FILE.pdf"}},
        {"amend",
         "--db FILE --case A-NUMBER --reason TEXT",
         "Start a new version of a signed review.",
         SignCli::amend,
         {dbOption(), caseOption, reason},
         {}},
        {"policy",
         "list | show ID | validate FILE",
         "List the built-in policy packs, show one, or check a pack file.",
         [](QCommandLineParser &p) { return PolicyCli::run(p.positionalArguments()); },
         {},
         {"ARGS"}},
        {"check",
         "--db FILE [--trust FILE|DIR] [--witness FILE]...",
         "Schema version, integrity check, audit chain, signed records, schema and counts; with "
         "--trust (or DISCRETION_TRUST), every signer against the trust store; with --witness "
         "(a backup or a signed PDF, repeatable), that the history they saw is still there.",
         check,
         {dbOption(), trust,
          QCommandLineOption(QStringLiteral("witness"),
                             QStringLiteral("A backup or signed disposition PDF (repeatable)."),
                             QStringLiteral("FILE"))},
         {}},
        {"backup",
         "--db FILE OUT",
         "Copy the docket (SQLite online backup, consistent while in use), then verify the copy.",
         backup,
         {dbOption()},
         {"OUT"}},
        {"restore",
         "BACKUP --db FILE [--force]",
         "Replace a docket with a verified backup; --force keeps the replaced file aside.",
         restore,
         {dbOption(), QCommandLineOption(QStringLiteral("force"),
                                         QStringLiteral("Replace an existing docket."))},
         {"BACKUP"}},
        {"audit",
         "verify --db FILE | show --db FILE [--case A-NUMBER] [--limit N]",
         "Walk the audit log's hash chain (exit 1 at the first broken entry), or print entries.",
         AuditCli::run,
         {dbOption(), caseOption, limit},
         {"verify|show"}},
    };
}

void printHelp() {
    out() << "Discretion " << DISCRETION_VERSION
          << ": prosecutorial-discretion case review.\n\n"
             "Usage:\n"
             "  discretion [[--db] DOCKET-FILE]  start the workstation (on the demo docket when no "
             "file is named)\n";
    for (const Command &c : commands())
        out() << "  discretion " << c.name << ' ' << c.synopsis << "\n      " << c.summary << '\n';
    out() << "\nExit codes: 0 success, 1 some rows rejected or problems found, 2 fatal error "
             "(nothing changed).\n";
}
}  // namespace

bool isCommand(const QString &first) {
    if (first == u"--help" || first == u"-h" || first == u"help" || first == u"--version")
        return true;
    for (const Command &c : commands())
        if (c.name == first)
            return true;
    return false;
}

bool windowDocket(const QStringList &arguments, QString *path, QString *error) {
    QStringList words = arguments.mid(1);
    if (words.value(0) == u"--db")
        words.removeFirst();
    if (words.size() > 1 || words.value(0).startsWith(u'-')) {
        *error = QStringLiteral(
                     "unexpected %1; usage: discretion [DOCKET-FILE] or discretion "
                     "COMMAND (see discretion --help)")
                     .arg(words.value(words.size() > 1 ? 1 : 0));
        return false;
    }
    *path = words.value(0);
    // A bare word that names no file is a mistyped command, not a docket to create.
    if (!path->isEmpty() && !QFileInfo::exists(*path) && !path->contains(u'/') &&
        !path->contains(u'.')) {
        *error = QStringLiteral("unknown command %1 (see discretion --help)").arg(*path);
        return false;
    }
    return true;
}

bool needsFonts(const QString &command) {
    return command == u"export-pdf";
}

namespace {
int dispatch(const QStringList &arguments) {
    const QString name = arguments.value(1);
    if (name == u"--version") {
        out() << "discretion " << DISCRETION_VERSION << '\n';
        return Ok;
    }
    for (const Command &c : commands()) {
        if (c.name != name)
            continue;
        QCommandLineParser parser;
        parser.addOptions(c.options);
        parser.addHelpOption();
        for (const QString &arg : c.positional)
            parser.addPositionalArgument(arg, arg);
        QStringList args = arguments;
        args.removeAt(1);
        if (!parser.parse(args)) {
            err() << "error: " << parser.errorText() << "\nusage: discretion " << c.name << ' '
                  << c.synopsis << '\n';
            return Fatal;
        }
        if (parser.isSet(QStringLiteral("help"))) {
            out() << "usage: discretion " << c.name << ' ' << c.synopsis << '\n'
                  << c.summary << '\n';
            return Ok;
        }
        return c.run(parser);
    }
    printHelp();
    return Ok;
}
}  // namespace

int run(const QStringList &arguments) {
    const int code = dispatch(arguments);
    Console::flush();
    return code;
}
}  // namespace Cli
