#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

// What a detached CMS (PKCS#7) signature says once checked against the bytes it signs.
struct CmsCheck {
    bool matches = false;          // the digest and the signature verify over the data
    QByteArray signerCertificate;  // DER
    QString signerName;            // the certificate's common name
    QDateTime signingTime;         // the signed signing-time attribute, when there is one
    // The signed ESS signing-certificate(-v2) attribute binds the certificate by its hash
    // (CAdES; checked by OpenSSL when present).
    bool certificateBound = false;
    QString problem;  // why not, when it does not match
};

// OpenSSL does the cryptography; this only asks it the questions a verifier needs.
namespace CmsSignature {
CmsCheck verifyDetached(const QByteArray &cms, const QByteArray &data);
// Empty when the certificate was valid at `when` and its key usage allows signing
// documents (digitalSignature or nonRepudiation, or no key-usage extension at all, which
// RFC 5280 reads as any use); otherwise the reason, in words.
QString certificateProblem(const QByteArray &certificateDer, const QDateTime &when);
}  // namespace CmsSignature
