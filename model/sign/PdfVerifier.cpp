#include "PdfVerifier.h"

#include "CmsSignature.h"
#include "PdfLaterRevisions.h"
#include "PdfScan.h"
#include "SignedRecords.h"
#include "domain/ANumber.h"
#include "domain/CaseSnapshot.h"
#include "files/InputFile.h"
#include "store/CaseStore.h"
#include "store/ReviewStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <algorithm>

namespace PdfVerifier {
namespace {
QString sha256Hex(const QByteArray &bytes) {
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString tr(const char *text) {
    return QCoreApplication::translate("PdfVerifier", text);
}

QString number(qint64 n) {
    return QLocale(QLocale::English).toString(n);
}

// "D:20261202000532+00'00'" (PDF 32000-1, 7.9.4); an invalid QDateTime when it is not one.
QDateTime pdfDate(const QString &text) {
    static const QRegularExpression form(QStringLiteral(
        R"(^D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?:(Z)|([+-])(\d\d)'?(\d\d)'?)?)"));
    const QRegularExpressionMatch m = form.match(text);
    if (!m.hasMatch())
        return {};
    QDateTime local(  // not const: returned, so moved
        QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()),
        QTime(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt()), Qt::UTC);
    if (!local.isValid() || m.captured(8).isEmpty())
        return local;
    const int offset = (m.captured(9).toInt() * 60 + m.captured(10).toInt()) * 60;
    return local.addSecs(m.captured(8) == u"+" ? -offset : offset);
}

int revisionsIn(const QByteArray &bytes) {
    return int(bytes.count("%%EOF"));
}

// The gap must hold exactly "<hex>" and be this signature's own /Contents, where qpdf
// found it: anything else lets unsigned bytes sit inside what looks signed.
QString gapProblem(const QByteArray &bytes, const PdfScan::Signature &s, qint64 b, qint64 c) {
    if (s.contentsOffset != b)
        return tr("its unsigned gap starts at byte %1, but its own signature value is at byte %2: "
                  "the gap holds something else")
            .arg(number(b), number(s.contentsOffset));
    const QByteArray gap = bytes.mid(b, c - b);
    const bool hexOnly = gap.size() >= 2 && gap.front() == '<' && gap.back() == '>' &&
                         std::all_of(gap.begin() + 1, gap.end() - 1,
                                     [](char ch) { return std::isxdigit(uchar(ch)) != 0; });
    if (!hexOnly || gap.size() - 2 != s.contents.size() * 2)
        return tr("its unsigned gap (bytes %1 to %2) is not exactly its own signature value")
            .arg(number(b), number(c));
    return {};
}

// The signed revision on its own must be a whole PDF that holds this same dictionary.
QString revisionProblem(const QByteArray &bytes, const PdfScan::Signature &s, qint64 end) {
    const PdfScan::Document signedPart = PdfScan::read(bytes.left(end));
    if (!signedPart.readable)
        return tr("the bytes it signs are not a whole PDF revision: %1").arg(signedPart.problem);
    const bool same = std::any_of(signedPart.signatures.begin(), signedPart.signatures.end(),
                                  [&](const PdfScan::Signature &t) {
                                      return t.object == s.object && t.byteRange == s.byteRange &&
                                             t.contentsOffset == s.contentsOffset &&
                                             t.contents == s.contents;
                                  });
    return same ? QString()
                : tr("the revision it signs does not hold this signature dictionary: the "
                     "dictionary was rewritten after signing");
}

QString rangeProblem(const QList<qint64> &range, qint64 size) {
    if (range.size() != 4)
        return tr("its /ByteRange is not four whole numbers");
    const qint64 a = range[0], b = range[1], c = range[2], d = range[3];
    if (a != 0 || b <= 0 || c <= b || d < 0 || c > size || d > size - c)
        return tr("its /ByteRange [%1 %2 %3 %4] does not fit a file of %5 bytes")
            .arg(a)
            .arg(b)
            .arg(c)
            .arg(d)
            .arg(number(size));
    return {};
}

// A document timestamp: the token over the bytes its range covers, nothing else.
SignatureResult documentTimestamp(SignatureResult r, const QByteArray &token,
                                  const QByteArray &covered) {
    r.documentTimestamp = true;
    if (r.subFilter != u"ETSI.RFC3161") {
        r.problem = tr("a document timestamp must be ETSI.RFC3161, not %1").arg(r.subFilter);
        return r;
    }
    r.timestamp = SignatureTimestamp::checkDocument(token, covered);
    r.signer = r.timestamp.authority;
    r.signerCertificate = r.timestamp.authorityCertificate;
    r.claimedTime = r.signingTime = r.timestamp.time;
    r.problem = r.timestamp.problem;
    r.valid = r.timestamp.valid;
    return r;
}

SignatureResult checkOne(const QByteArray &bytes, const PdfScan::Signature &s) {
    SignatureResult r;
    r.field = s.field;
    if (s.object.isEmpty()) {
        r.problem = tr("its value is not an object of its own, as signatures are written");
        return r;
    }
    r.problem = rangeProblem(s.byteRange, bytes.size());
    if (!r.problem.isEmpty())
        return r;
    const qint64 b = s.byteRange[1], c = s.byteRange[2], d = s.byteRange[3];
    r.coveredBytes = c + d;
    r.revision = revisionsIn(bytes.left(c + d));
    r.problem = gapProblem(bytes, s, b, c);
    if (r.problem.isEmpty())
        r.problem = revisionProblem(bytes, s, c + d);
    if (!r.problem.isEmpty())
        return r;
    r.subFilter = s.subFilter.mid(s.subFilter.startsWith(u'/') ? 1 : 0);
    if (s.type == u"/DocTimeStamp")
        return documentTimestamp(r, s.contents, bytes.left(b) + bytes.mid(c, d));
    const CmsCheck cms = CmsSignature::verifyDetached(s.contents, bytes.left(b) + bytes.mid(c, d));
    r.signer = cms.signerName;
    r.signerCertificate = cms.signerCertificate;
    r.certificateBound = cms.certificateBound;
    r.docMdpPermission = s.docMdpPermission;
    r.claimedTime = cms.signingTime.isValid() ? cms.signingTime : pdfDate(s.time);
    // The timestamp sits in the unsigned part of the signature value, which the byte range
    // does not cover: anyone could add one, so it counts only once checked.
    r.timestamp = SignatureTimestamp::check(s.contents);
    // Shown as the claim it is; whether a timestamp's time is relied on depends on the
    // trust store (SignatureTrust). Validity is judged at the timestamp's time when it is
    // sound, so a certificate that expired after a genuine timestamp still verifies here.
    r.signingTime = r.claimedTime;
    const QDateTime judgedAt = r.timestamp.valid ? r.timestamp.time : r.claimedTime;
    r.problem = !cms.matches ? cms.problem
                : r.subFilter == u"ETSI.CAdES.detached" && !cms.certificateBound
                    ? tr("it says it is CAdES (ETSI.CAdES.detached) but binds no certificate "
                         "(no ESS signing-certificate attribute), so another certificate with "
                         "the same key could stand in")
                : r.timestamp.present && !r.timestamp.valid
                    ? r.timestamp.problem
                    : CmsSignature::certificateProblem(cms.signerCertificate, judgedAt);
    r.valid = r.problem.isEmpty();
    return r;
}

QStringList changesAfter(const PdfScan::Document &doc, const QList<SignatureResult> &signatures,
                         qint64 signedEnd, qint64 size) {
    QStringList out;
    for (const PdfScan::Object &o : doc.objects)
        if (o.offset >= signedEnd)
            out << tr("%1 (object %2) added or replaced").arg(o.description, o.object);
    for (const SignatureResult &s : signatures)
        if (s.coveredBytes > signedEnd)
            out << tr("revision %1 signed by %2")
                       .arg(s.revision)
                       .arg(s.signer.isEmpty() ? tr("an unknown signer") : s.signer);
    out.prepend(tr("%1 bytes after the signed revision (bytes %2 to %3)")
                    .arg(number(size - signedEnd), number(signedEnd), number(size)));
    return out;
}

// Up to a self-signed root within the certificates given.
bool chainIn(const QByteArray &certificate, const QList<QByteArray> &certificates) {
    QByteArray at = certificate;
    for (int depth = 0; depth < 8 && !at.isEmpty(); ++depth) {
        if (Revocation::selfIssued(at))
            return true;
        at = Revocation::issuerOf(at, certificates);
    }
    return false;
}

// A CRL speaks for the signing time only if it was still current then; one issued before
// it cannot show a revocation in between, which the text says (a later CRL, added by
// `discretion extend`, can).
void currentAt(Revocation::Status &status, const QDateTime &at) {
    if (status.state != Revocation::Status::State::Good || !at.isValid())
        return;
    if (status.crlNextUpdate.isValid() && status.crlNextUpdate < at) {
        status.state = Revocation::Status::State::Unknown;
        status.problem =
            tr("the newest CRL in the PDF (issued %1) had expired before the "
               "signature (%2)")
                .arg(status.crlThisUpdate.toString(Qt::ISODate), at.toString(Qt::ISODate));
    } else if (status.crlThisUpdate < at) {
        status.caveat =
            tr("issued before the signature: a revocation between %1 and %2 would "
               "show only in a later CRL")
                .arg(status.crlThisUpdate.toString(Qt::ISODate), at.toString(Qt::ISODate));
    }
}

// The DSS facts of each signer's signature: revocation, B-LT, B-LTA.
void longTermFacts(const QByteArray &bytes, const PdfScan::Document &doc,
                   QList<SignatureResult> &signatures) {
    for (SignatureResult &r : signatures) {
        if (r.documentTimestamp || !r.valid)
            continue;
        r.revocation = Revocation::of(r.signerCertificate, doc.dssCertificates, doc.dssCrls);
        if (doc.dssCertificates.isEmpty() && doc.dssCrls.isEmpty())
            r.revocation.problem = tr("the PDF holds no revocation data (PAdES B-LT adds it)");
        currentAt(r.revocation, r.timestamp.valid ? r.timestamp.time : r.claimedTime);
        r.longTermData = r.timestamp.valid &&
                         r.revocation.state != Revocation::Status::State::Unknown &&
                         chainIn(r.signerCertificate, doc.dssCertificates);
        for (const SignatureResult &t : signatures) {
            if (!r.longTermData || r.archived || !t.documentTimestamp || !t.valid ||
                t.coveredBytes <= r.coveredBytes)
                continue;
            const PdfScan::Document covered = PdfScan::read(bytes.left(t.coveredBytes));
            r.archived =
                Revocation::of(r.signerCertificate, covered.dssCertificates, covered.dssCrls)
                    .state != Revocation::Status::State::Unknown;
            if (r.archived)
                r.archiveTimestamp = t.timestamp;
        }
    }
}

// After the disposition's revision only a DSS and document timestamps keep it valid; what
// else the later revisions do is named (object by object when they can be compared).
bool onlyValidationAfter(const QByteArray &bytes, const PdfScan::Document &doc,
                         PdfVerification &out) {
    QHash<QString, QString> names;
    for (const PdfScan::Object &o : doc.objects)
        names.insert(o.object, o.description);
    const PdfLaterRevisions::Findings later =
        PdfLaterRevisions::examine(bytes, out.disposition.coveredBytes, names);
    QStringList changes = later.readable
                              ? later.changes
                              : changesAfter(doc, {}, out.disposition.coveredBytes, bytes.size());
    // Bytes after the last revision's end belong to no revision: nothing reads them, but
    // nothing signed them either.
    const qsizetype end = bytes.lastIndexOf("%%EOF") + 5;
    if (later.readable && !bytes.mid(end).trimmed().isEmpty())
        changes << tr("%1 bytes after the end of the last revision (%%EOF)")
                       .arg(number(bytes.size() - end));
    for (const SignatureResult &s : out.signatures)
        if (s.number > 1 && !s.documentTimestamp)
            changes << tr("revision %1 signed by %2")
                           .arg(s.revision)
                           .arg(s.signer.isEmpty() ? tr("an unknown signer") : s.signer);
    if (changes.isEmpty()) {
        out.validationAdded = later.validation;
        return true;
    }
    if (later.readable)
        changes.prepend(tr("%1 bytes after the signed revision (bytes %2 to %3)")
                            .arg(number(bytes.size() - out.disposition.coveredBytes),
                                 number(out.disposition.coveredBytes), number(bytes.size())));
    out.changesAfterSigning = changes;
    return false;
}

void judge(const QByteArray &bytes, const PdfScan::Document &doc, PdfVerification &out) {
    for (const PdfScan::Signature &s : doc.signatures)
        out.signatures << checkOne(bytes, s);
    std::stable_sort(out.signatures.begin(), out.signatures.end(),
                     [](const SignatureResult &x, const SignatureResult &y) {
                         return x.coveredBytes < y.coveredBytes;
                     });
    for (qsizetype i = 0; i < out.signatures.size(); ++i)
        out.signatures[i].number = int(i + 1);
    longTermFacts(bytes, doc, out.signatures);
    const SignatureResult &first = out.signatures.first();
    out.signer = first.signer;
    out.signerCertificate = first.signerCertificate;
    out.signingTime = first.signingTime;
    out.disposition = first;
    const auto invalid = std::find_if(out.signatures.begin(), out.signatures.end(),
                                      [](const SignatureResult &s) { return !s.valid; });
    if (invalid != out.signatures.end()) {
        out.problem =
            tr("signature %1 is not valid: %2").arg(invalid->number).arg(invalid->problem);
        return;
    }
    if (first.documentTimestamp) {
        out.problem = tr("its first signature is a document timestamp, not a signer's");
        return;
    }
    const PdfScan::Document signedRevision = PdfScan::read(bytes.left(first.coveredBytes));
    out.recordSha256 = signedRevision.recordSha256;
    out.auditHead = signedRevision.auditHead;
    if (first.coveredBytes < bytes.size() && !onlyValidationAfter(bytes, doc, out)) {
        out.verdict = PdfVerification::Verdict::ChangedAfterSigning;
        out.problem = tr("the file was changed after it was signed: %1")
                          .arg(out.changesAfterSigning.join(QStringLiteral("; ")));
        return;
    }
    out.verdict = PdfVerification::Verdict::Valid;
}
}  // namespace

PdfVerification verifyBytes(const QByteArray &bytes) {
    PdfVerification out;
    out.fileSize = bytes.size();
    if (bytes.isEmpty() || bytes.size() > kMaxBytes) {
        out.problem = bytes.isEmpty() ? tr("the file is empty")
                                      : tr("it is %1 MB; a disposition is far smaller, and files "
                                           "over %2 MB are not read")
                                            .arg(bytes.size() / (1024 * 1024))
                                            .arg(kMaxBytes / (1024 * 1024));
        return out;
    }
    out.revisions = revisionsIn(bytes);
    const PdfScan::Document doc = PdfScan::read(bytes);
    if (!doc.readable) {
        out.problem = doc.problem;
        return out;
    }
    if (doc.signatures.isEmpty()) {
        out.problem = bytes.contains("/ByteRange")
                          ? tr("its latest revision has no digital signature, though an earlier "
                               "one had: a later update removed it")
                          : tr("it has no digital signature");
        return out;
    }
    judge(bytes, doc, out);
    return out;
}

PdfVerification verify(const QString &path) {
    QFile file(path);
    PdfVerification out;
    if (QString why; !InputFile::openToRead(file, &why)) {
        out.problem = tr("cannot read %1: %2").arg(path, why);
        return out;
    }
    if (file.size() > kMaxBytes) {
        out.fileSize = file.size();
        out.problem = tr("%1 is %2 MB; a disposition is far smaller, and files over %3 MB are "
                         "not read")
                          .arg(path)
                          .arg(file.size() / (1024 * 1024))
                          .arg(kMaxBytes / (1024 * 1024));
        return out;
    }
    return verifyBytes(file.readAll());
}

DocketMatch matchInDocket(const PdfVerification &verification, CaseStore &store) {
    const auto match = ReviewStore(store).signatureByRecord(verification.recordSha256);
    if (!match)
        return {
            false,
            {},
            tr("no signed review in %1 has the record hash %2")
                .arg(store.path(), verification.recordSha256.isEmpty() ? tr("(none in the PDF)")
                                                                       : verification.recordSha256),
            {}};
    if (match->signature.certificate != verification.signerCertificate)
        return {false,
                match->filedUnder,
                tr("the PDF was signed with another certificate than the review in the docket"),
                {}};
    // The same record signed with the same certificate in another copy of the docket
    // (an identical review signed there at another time) is not this docket's signature:
    // the PDF carries the audit head its signature attested.
    if (!verification.auditHead.isEmpty() && !match->signature.auditHead.isEmpty() &&
        verification.auditHead != match->signature.auditHead)
        return {false,
                match->filedUnder,
                tr("the PDF was signed in another docket, or another copy of it: its signature "
                   "attests the docket history %1, this docket's signature of the same record "
                   "attests %2 (signed %3)")
                    .arg(verification.auditHead.left(16), match->signature.auditHead.left(16),
                         match->signature.signedAt),
                {}};
    if (sha256Hex(match->record) != verification.recordSha256)
        return {false,
                match->filedUnder,
                tr("the docket's copy of the signed record was changed after signing"),
                {}};
    const Review record = Review::fromJson(QJsonDocument::fromJson(match->record).object());
    if (record.aNumber != match->filedUnder)
        return {false,
                record.aNumber,
                tr("the signed record is the review of %1, but the docket files it under %2")
                    .arg(ANumber::displayDigits(record.aNumber),
                         ANumber::displayDigits(match->filedUnder)),
                {}};
    if (const QString problem = SignedRecords(store).problemOf(match->signature.reviewId);
        !problem.isEmpty())
        return {false, record.aNumber, tr("the docket's signed review: %1").arg(problem), {}};
    DocketMatch out{true, record.aNumber, {}, {}};
    const std::optional<Case> live = store.loadCase(store.findCaseId(record.aNumber));
    if (record.hasCaseFacts() && live)
        out.liveCaseDiffers = CaseSnapshot::differences(record.caseOnRecord(), *live);
    return out;
}
}  // namespace PdfVerifier

namespace {
QString verifierText(const char *text) {
    return QCoreApplication::translate("PdfVerifier", text);
}
QString verifierNumber(qint64 n) {
    return QLocale(QLocale::English).toString(n);
}
}  // namespace

QString SignatureResult::level() const {
    if (documentTimestamp)
        return verifierText("document timestamp");
    if (subFilter != u"ETSI.CAdES.detached" || !certificateBound)
        return verifierText("PKCS#7, not PAdES");
    return archived          ? QStringLiteral("PAdES B-LTA")
           : longTermData    ? QStringLiteral("PAdES B-LT")
           : timestamp.valid ? QStringLiteral("PAdES B-T")
                             : QStringLiteral("PAdES B-B");
}

QString PdfVerification::verdictWord() const {
    switch (verdict) {
        case Verdict::Valid:
            return QStringLiteral("VALID");
        case Verdict::ChangedAfterSigning:
            return QStringLiteral("CHANGED AFTER SIGNING");
        case Verdict::Invalid:
            break;
    }
    return QStringLiteral("INVALID");
}

QStringList PdfVerification::details() const {
    QStringList lines;
    lines << verifierText("file: %1 bytes, %2, %3")
                 .arg(verifierNumber(fileSize),
                      QCoreApplication::translate("PdfVerifier", "%n revision(s)", nullptr,
                                                  revisions),
                      QCoreApplication::translate("PdfVerifier", "%n signature(s)", nullptr,
                                                  int(signatures.size())));
    for (const SignatureResult &s : signatures) {
        lines << verifierText("signature %1%2: revision %3 (bytes 0 to %4), %5")
                     .arg(s.number)
                     .arg(s.field.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(s.field))
                     .arg(s.revision)
                     .arg(verifierNumber(s.coveredBytes))
                     .arg(s.valid
                              ? verifierText("valid, %1, by %2 at %3")
                                    .arg(s.level(), s.signer, s.signingTime.toString(Qt::ISODate))
                              : verifierText("not valid: %1").arg(s.problem));
        if (s.docMdpPermission == 1)
            lines << verifierText("  certification signature: no changes permitted (DocMDP)");
        if (s.valid && !s.documentTimestamp)
            lines << verifierText("  revocation: %1").arg(s.revocation.text());
        if (s.timestamp.valid && !s.documentTimestamp)
            lines << verifierText("  timestamp: %1 by %2 (the signer's clock said %3)")
                         .arg(s.timestamp.time.toString(Qt::ISODate), s.timestamp.authority,
                              s.claimedTime.isValid() ? s.claimedTime.toString(Qt::ISODate)
                                                      : verifierText("nothing"));
    }
    for (const QString &added : validationAdded)
        lines << verifierText("added after signing, as PAdES allows: %1").arg(added);
    for (const QString &change : changesAfterSigning)
        lines << verifierText("changed after signing: %1").arg(change);
    return lines;
}
