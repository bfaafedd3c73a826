#pragma once

#include <QByteArray>
#include <QString>

// What signs a review: a private key and its certificate. The store asks it only to sign
// bytes, so it does not care where the key lives (a PKCS#12 file, a PIV card).
class RecordSigner {
  public:
    virtual ~RecordSigner() = default;

    // A signature (ECDSA or RSA, SHA-256) over data; empty with the reason on failure.
    virtual QByteArray sign(const QByteArray &data, QString *error) const = 0;
    virtual QByteArray certificateDer() const = 0;
    virtual QString commonName() const = 0;
    virtual QString fingerprintSha256() const = 0;  // hex SHA-256 of the certificate's DER
    // Whether a signature over data verifies with this signer's certificate: the store checks
    // each signature before it keeps it, since a signed review can never be changed again
    // (a token may hold a certificate that is not its key's).
    virtual bool verifies(const QByteArray &data, const QByteArray &signature) const = 0;

  protected:
    RecordSigner() = default;
    RecordSigner(const RecordSigner &) = default;
    RecordSigner &operator=(const RecordSigner &) = default;
};
