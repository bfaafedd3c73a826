#pragma once

#include <QString>
#include <QUrl>

class SigningIdentity;

// What the PDF signature field says besides the signature itself.
struct PdfSignatureDetails {
    QString reason;        // "Disposition in the matter of A012-345-678"
    QString location;      // the office
    QString recordSha256;  // also written into the document information
    // The audit head when the record was signed, also in the document information: the PDF
    // is then an outside witness of the docket's history (check --witness).
    QString auditHead = {};
    // When set, the signature gets an RFC 3161 timestamp from this authority (PAdES B-T);
    // a signature that cannot be timestamped is not written.
    QUrl timestampAuthority = {};
    int timestampTimeoutMs = 30000;
};

// Adds a real PDF digital signature to a PDF: PoDoFo writes an incremental update with
// a signature field (SubFilter ETSI.CAdES.detached) whose byte range covers the whole
// file, and OpenSSL makes the detached CAdES signature (SHA-256, PAdES B-B) with the
// attorney's key, timestamped when an authority is given (B-T). Readers (pdfsig, Acrobat,
// Okular) validate it; a changed byte breaks it.
namespace PdfSigner {
// The signed document, or empty with the reason in *error.
QByteArray sign(const QByteArray &pdf, const SigningIdentity &identity,
                const PdfSignatureDetails &details, QString *error);
// Reads input, signs it and writes output through QSaveFile, mode 0600 (may be the same path).
bool sign(const QString &input, const QString &output, const SigningIdentity &identity,
          const PdfSignatureDetails &details, QString *error);
// Writes through QSaveFile, mode 0600: never a half-written PDF.
bool writeFile(const QString &path, const QByteArray &bytes, QString *error);
}  // namespace PdfSigner
