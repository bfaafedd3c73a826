#pragma once

#include <QByteArray>
#include <QString>

// What `discretion verify` finds in a signed disposition PDF.
struct PdfVerification {
    bool signatureValid = false;   // the CMS signature matches the signed bytes
    bool coversWholeFile = false;  // the byte range spans the file, but for the signature itself
    QString signer;
    QByteArray signerCertificate;  // DER
    QString signingTime;           // the signature dictionary's /M, as written
    QString recordSha256;          // from the document information
    QString problem;               // why it is not valid, when it is not

    bool ok() const { return signatureValid && coversWholeFile; }
};

class CaseStore;

// Whether a verified PDF is the disposition of a signed review in a docket.
struct DocketMatch {
    bool matches = false;
    QString aNumber;  // the case whose signed review it is, when it matches
    QString problem;  // why not, when it does not
};

// Reads the last signature of a PDF (PoDoFo) and checks it with OpenSSL.
namespace PdfVerifier {
PdfVerification verify(const QString &path);
// The embedded record hash names a signed review of the docket, signed with the same
// certificate as the PDF.
DocketMatch matchInDocket(const PdfVerification &verification, CaseStore &store);
}  // namespace PdfVerifier
