#pragma once

#include "review/RecordSigner.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <memory>
#include <optional>

// Who signs: the attorney's profile, shown in the signature block and put in the
// certificate's subject.
struct SignerProfile {
    QString fullName;
    QString title;
    QString office;
    QString barNumber;
    QString barState;
    QString email;
};

// A signing key with its X.509 certificate, kept on disk only as PKCS#12 encrypted with
// the attorney's passphrase (mode 0600). OpenSSL does all the cryptography; nothing here
// is hand-written. The passphrase is never stored.
class SigningIdentity final : public RecordSigner {
  public:
    enum class KeyType { EcP256, Rsa3072 };

    // A new key and a self-signed certificate valid from now for validityDays.
    static std::optional<SigningIdentity> generate(const SignerProfile &profile, KeyType type,
                                                   int validityDays, QString *error);
    // Reads a PKCS#12 file (ours, or one an agency issued). Wrong passphrase, a file
    // without a usable key, and an expired or not-yet-valid certificate are each refused
    // with a message saying which.
    static std::optional<SigningIdentity> load(const QString &path, const QByteArray &passphrase,
                                               QString *error);

    // The certificate and private key named by an RFC 7512 URI ("pkcs11:token=…;object=…")
    // on a PKCS#11 token (a PIV card), unlocked with its PIN, through `module` (empty: p11-kit's
    // proxy, see Pkcs11Token). The key stays on the token; the PIN is not kept. No token, a
    // wrong PIN (with the tries left when the token says), a locked token and a certificate
    // without its key are each refused with a message saying which.
    static std::optional<SigningIdentity> fromToken(const QString &uri, const QByteArray &pin,
                                                    const QString &module, QString *error);

    // True for a token key that demands the PIN before every signature (a PIV card's
    // Digital Signature key): a batch still asks the attorney once, and says so.
    bool asksPinEverySignature() const;

    SigningIdentity(SigningIdentity &&) noexcept;
    SigningIdentity &operator=(SigningIdentity &&) noexcept;
    ~SigningIdentity() override;

    bool save(const QString &path, const QByteArray &passphrase, QString *error) const;

    QString subject() const;  // e.g. "CN=Ana Beltrán,O=OPLA Los Angeles,..."
    QString commonName() const override;
    // The profile written into the certificate's subject when the identity was made, so a
    // signature block can be filled from the certificate that signed.
    SignerProfile profile() const;
    static SignerProfile profileOf(const QByteArray &certificateDer);
    QDateTime notBefore() const;
    QDateTime notAfter() const;
    QByteArray certificateDer() const override;
    // The certificate alone, as PEM: what a colleague puts in a trust store (TrustStore).
    QByteArray certificatePem() const;
    QString fingerprintSha256() const override;  // hex of the certificate's DER

    // A signature (ECDSA or RSA, SHA-256) over data with the private key.
    QByteArray sign(const QByteArray &data, QString *error) const override;
    // A detached CAdES signature over data, PAdES baseline B-B (ETSI EN 319 142-1): SHA-256,
    // the certificate included and bound by the ESS signing-certificate-v2 attribute, and no
    // signing-time attribute (the claimed time is the PDF's /M; a trusted time comes from a
    // timestamp, see SignatureTimestamp). What a PDF signature of SubFilter
    // ETSI.CAdES.detached holds. SigningIdentityCades.cpp.
    QByteArray cadesDetached(const QByteArray &data, QString *error) const;
    bool verifies(const QByteArray &data, const QByteArray &signature) const override {
        return verify(certificateDer(), data, signature);
    }
    // Checks a signature against a certificate (DER); false on any failure.
    static bool verify(const QByteArray &certificateDer, const QByteArray &data,
                       const QByteArray &signature);

  private:
    struct Keys;  // SigningKeys.h
    bool isValidNow(const QString &where, QString *error) const;
    explicit SigningIdentity(std::unique_ptr<Keys> keys);
    std::unique_ptr<Keys> m_keys;
};
