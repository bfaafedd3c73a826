#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// What PAdES B-LT puts in a PDF's Document Security Store so the signature can be checked
// offline for as long as the case lasts: every certificate from the signer's (and the
// time-stamp authority's) up to a self-signed root, and a CRL for each certificate below
// the root, showing it was not revoked when it signed.
struct ValidationSources {
    QList<QByteArray> chain;  // CA certificates (DER) to build the chains from: --chain
    QList<QByteArray> crls;   // CRLs (DER) given: --crl, for offline signing
    // Fetch the CRL of a certificate no given CRL covers from its distribution points.
    bool fetchCrls = true;
    int timeoutMs = 30000;
    // Signing refuses a revoked certificate; extending a signed PDF records the CRL that
    // says so (the signature may still hold if a timestamp predates the revocation).
    bool refuseRevoked = true;

    bool isEmpty() const { return chain.isEmpty() && crls.isEmpty(); }

    // The certificates (PEM or DER) of chainFiles and the CRLs (DER or PEM) of crlFiles;
    // nullopt with *error naming a file that cannot be read or holds none.
    static std::optional<ValidationSources> read(const QStringList &chainFiles,
                                                 const QStringList &crlFiles, QString *error);
};

struct ValidationData {
    QList<QByteArray> certificates;  // DER, leaves first
    QList<QByteArray> crls;          // DER

    // The chains of leaves (DER) up to self-signed roots and a CRL from each certificate's
    // issuer, checked as of now: a missing issuer or CRL names the certificate and says
    // which option supplies it; a revoked certificate is refused (it must not sign).
    static std::optional<ValidationData> gather(const QList<QByteArray> &leaves,
                                                const ValidationSources &sources,
                                                const QDateTime &now, QString *error);
};

namespace CrlFetch {
// One HTTP GET of a CRL distribution point; the CRL as DER, or empty with *error.
QByteArray get(const QString &url, int timeoutMs, QString *error);
}  // namespace CrlFetch
