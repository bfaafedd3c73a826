#pragma once

#include "Revocation.h"
#include "SignatureTimestamp.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// One digital signature of a PDF, checked on its own.
struct SignatureResult {
    int number = 0;           // 1, 2, ... in the order of the bytes they cover
    QString field;            // the signature field's name
    int revision = 0;         // the revision it signs (1 = the document as first written)
    qint64 coveredBytes = 0;  // it signs bytes 0 to coveredBytes, but for its own value
    bool valid = false;       // the gap, the bytes, the timestamp, the certificate then
    QString signer;
    QByteArray signerCertificate;   // DER
    QString subFilter;              // "ETSI.CAdES.detached", "adbe.pkcs7.detached", ...
    bool certificateBound = false;  // an ESS signing-certificate attribute names it
    QDateTime claimedTime;  // what the signer's clock said: the signing-time attribute, else /M
    SignatureTimestamp::Check timestamp;  // an RFC 3161 signature timestamp, when there is one
    // The signer's claim (as claimedTime); a timestamp's time is relied on only as
    // SignatureTrustCheck decides.
    QDateTime signingTime;
    QString problem;           // why not valid
    int docMdpPermission = 0;  // a certification signature's P (1: no changes), else 0
    // A document timestamp (/DocTimeStamp, ETSI.RFC3161): the authority is the signer.
    bool documentTimestamp = false;
    Revocation::Status revocation;  // the signer's certificate, from the PDF's DSS
    bool longTermData = false;      // timestamped, and the DSS holds its chain and a CRL (B-LT)
    bool archived = false;          // and a valid document timestamp covers them (B-LTA)
    SignatureTimestamp::Check archiveTimestamp;  // that document timestamp

    // "PAdES B-LTA", "PAdES B-LT", "PAdES B-T" (CAdES with a valid timestamp), "PAdES B-B"
    // (CAdES, the certificate bound), "document timestamp", else "PKCS#7, not PAdES".
    QString level() const;
};

// What `discretion verify` and File > Verify PDF find in a signed disposition.
struct PdfVerification {
    enum class Verdict { Valid, ChangedAfterSigning, Invalid };
    Verdict verdict = Verdict::Invalid;
    QString problem;  // why it is not valid, in words
    qint64 fileSize = 0;
    int revisions = 0;
    QList<SignatureResult> signatures;
    QStringList changesAfterSigning;  // what the bytes after the signed revision add or change
    // What they add that PAdES allows after a certification signature: validation data and
    // document timestamps (PdfLaterRevisions); the verdict stays valid.
    QStringList validationAdded;
    QString recordSha256;  // the record hash as the signed revision holds it
    QString auditHead;     // the audit head at signing, as the signed revision has it
    // The disposition's own signature (the first): who and when.
    QString signer;
    QByteArray signerCertificate;
    QDateTime signingTime;
    SignatureResult disposition;  // the first signature, whole

    bool ok() const { return verdict == Verdict::Valid; }
    QString verdictWord() const;  // VALID, CHANGED AFTER SIGNING, INVALID
    QStringList details() const;  // one line a fact: each signature, each change
};

class CaseStore;

// Whether a verified PDF is the disposition of a signed review in a docket.
struct DocketMatch {
    bool matches = false;
    QString aNumber;  // the case whose signed review it is (from the record), when it matches
    QString problem;  // why not, when it does not
    // When it matches: what the live case now says differently from the signed record
    // (the record, and the PDF, keep what was signed).
    QStringList liveCaseDiffers;
};

// Checks every signature of a PDF the way a careful reader does, and more strictly: a
// disposition is signed once and never changed after.
// - Each /ByteRange is [0 b c d] inside the file, and its gap b..c is exactly the hex
//   string of that same signature's /Contents (found by parsing the dictionary, not by
//   trusting the numbers); the signed revision (bytes 0..c+d) parses on its own and holds
//   that same dictionary.
// - The CMS signature matches the bytes; the certificate was valid at the signing time
//   and allows signing documents.
// - After the revision the disposition's signature covers, only validation data (a DSS)
//   and document timestamps may follow (PdfLaterRevisions); any other byte makes the
//   verdict "changed after signing", naming what was added or changed, even when signed.
// - The signer's certificate's revocation status comes from the DSS, offline.
// Hostile files are refused with a reason: larger than kMaxBytes, damaged, or deeper
// than qpdf's nesting limit; nothing here can crash on them (fuzzed: tests/fuzz).
namespace PdfVerifier {
constexpr qint64 kMaxBytes = 16 * 1024 * 1024;  // a disposition is about 60 KB
PdfVerification verify(const QString &path);
PdfVerification verifyBytes(const QByteArray &bytes);
// The embedded record hash names a signed review of the docket, signed with the same
// certificate as the PDF; the docket's copy of that record still hashes to it, and the
// case is the one the record names (its A-number inside the signed bytes), not whatever
// the docket's tables now file the review under.
DocketMatch matchInDocket(const PdfVerification &verification, CaseStore &store);
}  // namespace PdfVerifier
