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

// Reads the last signature of a PDF (PoDoFo) and checks it with OpenSSL.
namespace PdfVerifier {
PdfVerification verify(const QString &path);
}
