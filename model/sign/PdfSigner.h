#pragma once

#include "ValidationData.h"

#include <QString>
#include <QUrl>
#include <optional>

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
    // When set (and timestamped), the chains and CRLs go into a Document Security Store
    // in an update after the signature (PAdES B-LT); nothing is written if they cannot all
    // be gathered.
    std::optional<ValidationSources> validation = {};
    // With validation: a document timestamp from the same authority over the whole file,
    // the DSS included, in a last update (PAdES B-LTA).
    bool archiveTimestamp = false;
};

// Adds a real PDF digital signature to a PDF: PoDoFo writes an incremental update with
// a signature field (SubFilter ETSI.CAdES.detached) whose byte range covers the whole
// file, and OpenSSL makes the detached CAdES signature (SHA-256, PAdES B-B) with the
// attorney's key, timestamped when an authority is given (B-T), with validation data
// (B-LT) and a document timestamp over it (B-LTA) when asked. Readers (pdfsig, Acrobat,
// Okular) validate it; a changed byte breaks it.
namespace PdfSigner {
// The signed document, or empty with the reason in *error.
QByteArray sign(const QByteArray &pdf, const SigningIdentity &identity,
                const PdfSignatureDetails &details, QString *error);
// Reads input, signs it and writes output through QSaveFile, mode 0600 (may be the same path).
bool sign(const QString &input, const QString &output, const SigningIdentity &identity,
          const PdfSignatureDetails &details, QString *error);
// A signed PDF with validation data for the certificates given (their chains and CRLs, in
// the DSS beside any already there) and a new document timestamp over it all (PAdES
// B-LTA): how an archived disposition is kept verifiable before the last timestamp's
// authority certificate expires. Empty with *error when the data or timestamp cannot be had.
QByteArray extend(const QByteArray &pdf, const QList<QByteArray> &certificates,
                  const ValidationSources &sources, const QUrl &timestampAuthority, QString *error);
// Writes through QSaveFile, mode 0600: never a half-written PDF.
bool writeFile(const QString &path, const QByteArray &bytes, QString *error);
}  // namespace PdfSigner
