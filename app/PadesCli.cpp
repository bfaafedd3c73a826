#include "PadesCli.h"

#include "Console.h"
#include "report/DispositionDocument.h"
#include "sign/PdfVerifier.h"
#include "sign/Revocation.h"

#include <QCommandLineParser>
#include <QFile>

namespace PadesCli {
namespace {
using Console::err;

bool timestampAuthority(const QCommandLineParser &p, bool signsDigitally, PdfFormat &format) {
    const bool explicitTsa = p.isSet(QStringLiteral("tsa"));
    const QString tsa =
        explicitTsa ? p.value(QStringLiteral("tsa")) : qEnvironmentVariable("DISCRETION_TSA");
    if (explicitTsa && !signsDigitally) {
        err() << "error: --tsa timestamps a digital signature: give --identity or --token too\n";
        return false;
    }
    if (tsa.isEmpty() || !signsDigitally)
        return true;
    const QUrl url(tsa, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")) {
        err() << "error: the time-stamp authority must be an http:// or https:// address, not \""
              << tsa << "\"\n";
        return false;
    }
    format.timestampAuthority = url;
    return true;
}

bool validationSources(const QCommandLineParser &p, ValidationSources &sources) {
    QString error;
    const std::optional<ValidationSources> read = ValidationSources::read(
        p.values(QStringLiteral("chain")), p.values(QStringLiteral("crl")), &error);
    if (!read) {
        err() << "error: " << error << '\n';
        return false;
    }
    sources = *read;
    sources.fetchCrls = !p.isSet(QStringLiteral("offline"));
    return true;
}

// What the level needs that the options do not give; empty when it is reachable.
QString missingFor(const QString &level, bool signsDigitally, const PdfFormat &format) {
    if (!signsDigitally)
        return QStringLiteral("a digital signature: --identity or --token");
    if (level != u"B-B" && format.timestampAuthority.isEmpty())
        return QStringLiteral("a time-stamp authority: --tsa URL or DISCRETION_TSA");
    return {};
}
}  // namespace

QList<QCommandLineOption> extendOptions() {
    QList<QCommandLineOption> out = options();
    out.removeIf([](const QCommandLineOption &o) { return o.names().contains(u"level"); });
    return out;
}

QList<QCommandLineOption> options() {
    return {
        {QStringLiteral("tsa"),
         QStringLiteral("Timestamp each PDF signature at this RFC 3161 time-stamp authority "
                        "(PAdES B-T; else DISCRETION_TSA)."),
         QStringLiteral("URL")},
        {QStringLiteral("level"),
         QStringLiteral("The PAdES level the PDFs must reach (B-B, B-T, B-LT, B-LTA): an error if "
                        "the other options cannot."),
         QStringLiteral("LEVEL")},
        {QStringLiteral("chain"),
         QStringLiteral("CA certificates (PEM) from the signer's and the time-stamp authority's "
                        "certificates to their roots, for B-LT (repeatable)."),
         QStringLiteral("FILE")},
        {QStringLiteral("crl"),
         QStringLiteral("A CRL (DER or PEM) to embed for B-LT, instead of fetching it from the "
                        "certificate's distribution point (repeatable)."),
         QStringLiteral("FILE")},
        {QStringLiteral("offline"), QStringLiteral("Fetch no CRL: only those given with --crl.")},
    };
}

bool configure(const QCommandLineParser &p, bool signsDigitally, PdfFormat &format) {
    if (!timestampAuthority(p, signsDigitally, format))
        return false;
    const QString level = p.value(QStringLiteral("level")).toUpper();
    const QStringList levels{QStringLiteral("B-B"), QStringLiteral("B-T"), QStringLiteral("B-LT"),
                             QStringLiteral("B-LTA")};
    if (!level.isEmpty() && !levels.contains(level)) {
        err() << "error: --level takes B-B, B-T, B-LT or B-LTA\n";
        return false;
    }
    const bool sourcesGiven = p.isSet(QStringLiteral("chain")) || p.isSet(QStringLiteral("crl"));
    if (sourcesGiven &&
        (format.timestampAuthority.isEmpty() || level == u"B-B" || level == u"B-T")) {
        err() << "error: --chain and --crl add long-term validation data (PAdES B-LT, B-LTA) to "
                 "a timestamped signature: give --tsa and no lower --level\n";
        return false;
    }
    if (!level.isEmpty()) {
        if (const QString missing = missingFor(level, signsDigitally, format); !missing.isEmpty()) {
            err() << "error: PAdES " << level << " needs " << missing << '\n';
            return false;
        }
    }
    // Long-term data when asked for, or by default when its sources are given.
    const bool longTerm = level.startsWith(u"B-LT") ||
                          (level.isEmpty() && sourcesGiven && !format.timestampAuthority.isEmpty());
    if (!longTerm)
        return true;
    ValidationSources sources;
    if (!validationSources(p, sources))
        return false;
    format.validation = sources;
    format.archiveTimestamp = level != u"B-LT";
    return true;
}

int extend(QCommandLineParser &p) {
    if (p.positionalArguments().size() != 1) {
        err() << "usage: discretion extend FILE.pdf --tsa URL [--chain FILE] [--crl FILE] "
                 "[--offline] [--out FILE]\n";
        return 2;
    }
    const QString path = p.positionalArguments().first();
    const QString output = p.isSet(QStringLiteral("out")) ? p.value(QStringLiteral("out")) : path;
    PdfFormat format;
    ValidationSources sources;
    if (!timestampAuthority(p, true, format) || !validationSources(p, sources))
        return 2;
    if (format.timestampAuthority.isEmpty()) {
        err() << "error: extend adds a document timestamp: give --tsa URL or DISCRETION_TSA\n";
        return 2;
    }
    const PdfVerification v = PdfVerifier::verify(path);
    if (!v.ok()) {
        err() << "error: only a signed disposition that verifies can be extended, and " << path
              << " does not: " << v.problem << '\n';
        return 2;
    }
    QList<QByteArray> certificates;
    for (const SignatureResult &s : v.signatures)
        for (const QByteArray &cert : {s.signerCertificate, s.timestamp.authorityCertificate})
            if (!cert.isEmpty() && !certificates.contains(cert))
                certificates << cert;
    sources.refuseRevoked = false;
    QFile in(path);
    QString error;
    const QByteArray extended = in.open(QIODevice::ReadOnly)
                                    ? PdfSigner::extend(in.readAll(), certificates, sources,
                                                        format.timestampAuthority, &error)
                                    : QByteArray();
    // Never replace a file that verifies with one that does not.
    if (const PdfVerification after = PdfVerifier::verifyBytes(extended);
        !extended.isEmpty() && !after.ok())
        error = QStringLiteral("the extended PDF does not verify (%1); nothing was written")
                    .arg(after.problem);
    if (extended.isEmpty() || !error.isEmpty() || !PdfSigner::writeFile(output, extended, &error)) {
        err() << "error: " << (error.isEmpty() ? in.errorString() : error) << '\n';
        return 2;
    }
    Console::out() << "wrote " << output << ": " << levelWritten(output) << '\n';
    return 0;
}

QString levelWritten(const QString &path) {
    const PdfVerification v = PdfVerifier::verify(path);
    const SignatureResult &s = v.disposition;
    QString out = s.timestamp.valid ? QStringLiteral("%1, timestamp %2 by %3")
                                          .arg(s.level(), s.timestamp.time.toString(Qt::ISODate),
                                               s.timestamp.authority)
                                    : s.level();
    if (!v.signatures.isEmpty() && v.signatures.last().documentTimestamp)
        out += QStringLiteral(", document timestamp %1 by %2")
                   .arg(v.signatures.last().timestamp.time.toString(Qt::ISODate),
                        v.signatures.last().timestamp.authority);
    return out;
}
}  // namespace PadesCli
