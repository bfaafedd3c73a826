#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// Whether a certificate was revoked, read offline from CRLs (RFC 5280) the caller holds:
// the ones embedded in a PDF's DSS when verifying, the ones given or fetched when signing.
// A CRL counts only when its issuer's certificate (found among the certificates given)
// issued the certificate in question and signed the CRL; OpenSSL checks both.
namespace Revocation {
struct Status {
    enum class State { Unknown, Good, Revoked };
    State state = State::Unknown;
    QDateTime revokedAt;      // when revoked
    QString reason;           // "keyCompromise", ... when the CRL gives one
    QString crlIssuer;        // who said so
    QDateTime crlThisUpdate;  // as of when
    QDateTime crlNextUpdate;  // when its issuer promised the next one
    QString problem;          // why unknown: no CRL from its issuer, no issuer, a bad CRL
    QString caveat;           // what a good status cannot show (a CRL older than the signature)

    // "not revoked (CRL of Test Agency Root CA, 2026-11-29T12:00:00Z)", "revoked on ..."
    QString text() const;
};

// The standing of certificateDer in the first CRL among crls from its issuer.
Status of(const QByteArray &certificateDer, const QList<QByteArray> &certificates,
          const QList<QByteArray> &crls);

// The certificate among candidates that issued certificateDer (subject, key identifier and
// signature checked), or empty. A self-issued certificate is its own issuer.
QByteArray issuerOf(const QByteArray &certificateDer, const QList<QByteArray> &candidates);
bool selfIssued(const QByteArray &certificateDer);
// The http:// addresses of the certificate's CRL distribution points.
QStringList distributionPoints(const QByteArray &certificateDer);
// A CRL as DER, from DER or PEM; empty when it is neither.
QByteArray crlDer(const QByteArray &derOrPem);
// Every certificate of a PEM bundle (or one DER certificate), as DER.
QList<QByteArray> certificatesIn(const QByteArray &pemOrDer);
// The certificate's common name, else its subject line.
QString nameOf(const QByteArray &certificateDer);
}  // namespace Revocation
