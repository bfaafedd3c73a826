#include "SigningIdentity.h"

#include "SigningKeys.h"

#include "OpenSsl.h"

#include "domain/Clock.h"
#include "domain/RecordText.h"
#include "files/InputFile.h"
#include "files/PrivateFile.h"

#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <algorithm>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("SigningIdentity", text);
}

using OpenSsl::Owned;

QString opensslError() {
    return OpenSsl::lastError();
}

QDateTime fromAsn1(const ASN1_TIME *t) {
    return OpenSsl::toDateTime(t);
}

void addEntry(X509_NAME *name, const char *field, const QString &value) {
    if (value.trimmed().isEmpty())
        return;
    const QByteArray utf8 = value.trimmed().toUtf8();
    X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(utf8.constData()), -1, -1,
                               0);
}

bool addExtension(X509 *cert, int nid, const char *value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    Owned<X509_EXTENSION> ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

const QString kBarPrefix = QStringLiteral("Bar number ");

QString nameEntry(X509 *cert, int nid) {
    X509_NAME *name = X509_get_subject_name(cert);
    const int index = X509_NAME_get_index_by_NID(name, nid, -1);
    if (index < 0)
        return {};
    unsigned char *utf8 = nullptr;
    const int length =
        ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index)));
    QString out =
        length >= 0 ? QString::fromUtf8(reinterpret_cast<char *>(utf8), length) : QString();
    OPENSSL_free(utf8);
    return out;
}

Owned<EVP_PKEY> newKey(SigningIdentity::KeyType type) {
    return Owned<EVP_PKEY>(type == SigningIdentity::KeyType::EcP256
                               ? EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256")
                               : EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(3072)));
}
}  // namespace

SigningIdentity::SigningIdentity(std::unique_ptr<Keys> keys) : m_keys(std::move(keys)) {}
SigningIdentity::SigningIdentity(SigningIdentity &&) noexcept = default;
SigningIdentity &SigningIdentity::operator=(SigningIdentity &&) noexcept = default;
SigningIdentity::~SigningIdentity() = default;

namespace {
constexpr int kLongestProfileText = 200;
}  // namespace

std::optional<SigningIdentity> SigningIdentity::generate(const SignerProfile &profile, KeyType type,
                                                         int validityDays, QString *error) {
    // A name is printed in the audit log, the PDF and every listing: one line of text, and
    // short enough for the signature's room in the PDF (a 1,900-character title made a
    // certificate whose signature no longer fitted, and every export of it failed).
    const std::pair<const char *, QString> parts[] = {
        {QT_TR_NOOP("the name"), profile.fullName},
        {QT_TR_NOOP("the title"), profile.title},
        {QT_TR_NOOP("the office"), profile.office},
        {QT_TR_NOOP("the bar number"), profile.barNumber},
        {QT_TR_NOOP("the bar state"), profile.barState},
        {QT_TR_NOOP("the e-mail"), profile.email}};
    for (const auto &[what, text] : parts) {
        QString problem = RecordText::problem(text, false);
        if (problem.isEmpty() && text.size() > kLongestProfileText)
            problem = tr("it is %1 characters long; at most %2")
                          .arg(text.size())
                          .arg(kLongestProfileText);
        if (!problem.isEmpty()) {
            *error = tr("%1: %2").arg(tr(what), problem);
            return std::nullopt;
        }
    }
    auto keys = std::make_unique<Keys>();
    keys->key = newKey(type);
    keys->cert.reset(X509_new());
    X509 *cert = keys->cert.get();
    Owned<BIGNUM> serial(BN_new());
    time_t now = time_t(Clock::nowUtc().toSecsSinceEpoch());
    bool ok = keys->key && cert && serial &&
              BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) &&
              BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert)) &&
              X509_set_version(cert, X509_VERSION_3) == 1 &&
              X509_time_adj_ex(X509_getm_notBefore(cert), 0, 0, &now) &&
              X509_time_adj_ex(X509_getm_notAfter(cert), validityDays, 0, &now) &&
              X509_set_pubkey(cert, keys->key.get()) == 1;
    if (ok) {
        X509_NAME *name = X509_get_subject_name(cert);
        addEntry(name, "CN", profile.fullName);
        addEntry(name, "title", profile.title);
        addEntry(name, "O", profile.office);
        addEntry(name, "ST", profile.barState);
        addEntry(name, "emailAddress", profile.email);
        addEntry(name, "description",
                 profile.barNumber.isEmpty() ? QString() : kBarPrefix + profile.barNumber);
        ok = X509_set_issuer_name(cert, name) == 1 &&
             addExtension(cert, NID_basic_constraints, "critical,CA:FALSE") &&
             addExtension(cert, NID_key_usage, "critical,digitalSignature,nonRepudiation") &&
             addExtension(cert, NID_subject_key_identifier, "hash") &&
             X509_sign(cert, keys->key.get(), EVP_sha256()) > 0;
    }
    if (!ok) {
        *error = tr("could not make a signing key: %1").arg(opensslError());
        return std::nullopt;
    }
    return SigningIdentity(std::move(keys));
}

bool SigningIdentity::save(const QString &path, const QByteArray &passphrase,
                           QString *error) const {
    if (passphrase.size() < 8) {
        *error = tr("the passphrase must have at least 8 characters");
        return false;
    }
    // nid 0: OpenSSL 3's defaults, AES-256-CBC with PBKDF2 for the key and certificate.
    const QByteArray name = commonName().toUtf8();
    Owned<PKCS12> p12(PKCS12_create(passphrase.constData(), name.constData(), m_keys->key.get(),
                                    m_keys->cert.get(), nullptr, 0, 0, 0, 0, 0));
    unsigned char *der = nullptr;
    const int length = p12 ? i2d_PKCS12(p12.get(), &der) : -1;
    if (length <= 0) {
        *error = tr("could not encrypt the signing key: %1").arg(opensslError());
        return false;
    }
    const QByteArray bytes(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    // A signing identity is never replaced: an old key may still be needed to read what
    // it signed, and one typo in a name must not destroy it.
    return PrivateFile::create(path, bytes, error);
}

std::optional<SigningIdentity> SigningIdentity::load(const QString &path,
                                                     const QByteArray &passphrase, QString *error) {
    QFile file(path);
    if (QString why; !InputFile::openToRead(file, &why)) {
        *error = tr("cannot read %1: %2").arg(path, why);
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    Owned<PKCS12> p12(d2i_PKCS12(nullptr, &p, long(bytes.size())));
    if (!p12) {
        *error = tr("%1 is not a PKCS#12 signing identity").arg(path);
        return std::nullopt;
    }
    if (PKCS12_verify_mac(p12.get(), passphrase.constData(), int(passphrase.size())) != 1) {
        ERR_clear_error();
        *error = tr("wrong passphrase for %1").arg(path);
        return std::nullopt;
    }
    auto keys = std::make_unique<Keys>();
    EVP_PKEY *key = nullptr;
    X509 *cert = nullptr;
    STACK_OF(X509) *chain = nullptr;
    const int parsed = PKCS12_parse(p12.get(), passphrase.constData(), &key, &cert, &chain);
    keys->key.reset(key);
    keys->cert.reset(cert);
    Owned<STACK_OF(X509)> ownedChain(chain);
    if (parsed != 1 || !keys->key || !keys->cert ||
        X509_check_private_key(keys->cert.get(), keys->key.get()) != 1) {
        ERR_clear_error();
        *error = tr("%1 holds no private key that matches its certificate").arg(path);
        return std::nullopt;
    }
    SigningIdentity identity(std::move(keys));
    if (!identity.isValidNow(path, error))
        return std::nullopt;
    return identity;
}

bool SigningIdentity::isValidNow(const QString &where, QString *error) const {
    const QDateTime now = Clock::nowUtc();
    if (now > notAfter()) {
        *error =
            tr("the certificate in %1 expired on %2").arg(where, notAfter().toString(Qt::ISODate));
        return false;
    }
    if (now < notBefore()) {
        *error = tr("the certificate in %1 is not valid before %2")
                     .arg(where, notBefore().toString(Qt::ISODate));
        return false;
    }
    return true;
}

QString SigningIdentity::subject() const {
    Owned<BIO> bio(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(bio.get(), X509_get_subject_name(m_keys->cert.get()), 0,
                       XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, qsizetype(length));
}

QString SigningIdentity::commonName() const {
    return nameEntry(m_keys->cert.get(), NID_commonName);
}

SignerProfile SigningIdentity::profile() const {
    X509 *cert = m_keys->cert.get();
    QString bar = nameEntry(cert, NID_description);
    bar = bar.startsWith(kBarPrefix) ? bar.mid(kBarPrefix.size()) : QString();
    return {nameEntry(cert, NID_commonName),          nameEntry(cert, NID_title),
            nameEntry(cert, NID_organizationName),    bar,
            nameEntry(cert, NID_stateOrProvinceName), nameEntry(cert, NID_pkcs9_emailAddress)};
}

SignerProfile SigningIdentity::profileOf(const QByteArray &certificateDer) {
    const auto *p = reinterpret_cast<const unsigned char *>(certificateDer.constData());
    auto keys = std::make_unique<Keys>();
    keys->cert.reset(d2i_X509(nullptr, &p, long(certificateDer.size())));
    if (!keys->cert)
        return {};
    return SigningIdentity(std::move(keys)).profile();
}

QDateTime SigningIdentity::notBefore() const {
    return fromAsn1(X509_get0_notBefore(m_keys->cert.get()));
}
QDateTime SigningIdentity::notAfter() const {
    return fromAsn1(X509_get0_notAfter(m_keys->cert.get()));
}

QByteArray SigningIdentity::certificatePem() const {
    OpenSsl::Owned<BIO> out(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(out.get(), m_keys->cert.get());
    char *data = nullptr;
    const long length = BIO_get_mem_data(out.get(), &data);
    return QByteArray(data, int(length));
}

QByteArray SigningIdentity::certificateDer() const {
    unsigned char *der = nullptr;
    const int length = i2d_X509(m_keys->cert.get(), &der);
    QByteArray out(reinterpret_cast<const char *>(der), qMax(length, 0));
    OPENSSL_free(der);
    return out;
}

QString SigningIdentity::fingerprintSha256() const {
    return QString::fromLatin1(
        QCryptographicHash::hash(certificateDer(), QCryptographicHash::Sha256).toHex());
}

QByteArray SigningIdentity::sign(const QByteArray &data, QString *error) const {
    Owned<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
    size_t length = 0;
    if (!ctx ||
        EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_keys->key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &length,
                       reinterpret_cast<const unsigned char *>(data.constData()),
                       size_t(data.size())) != 1) {
        *error = tr("could not sign: %1").arg(opensslError());
        return {};
    }
    QByteArray signature(qsizetype(length), '\0');
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       reinterpret_cast<const unsigned char *>(data.constData()),
                       size_t(data.size())) != 1) {
        *error = tr("could not sign: %1").arg(opensslError());
        return {};
    }
    signature.resize(qsizetype(length));
    return signature;
}

bool SigningIdentity::verify(const QByteArray &certificateDer, const QByteArray &data,
                             const QByteArray &signature) {
    const auto *p = reinterpret_cast<const unsigned char *>(certificateDer.constData());
    Owned<X509> cert(d2i_X509(nullptr, &p, long(certificateDer.size())));
    EVP_PKEY *key = cert ? X509_get0_pubkey(cert.get()) : nullptr;
    Owned<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
    const bool ok =
        key && ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) == 1 &&
        EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
                         size_t(signature.size()),
                         reinterpret_cast<const unsigned char *>(data.constData()),
                         size_t(data.size())) == 1;
    ERR_clear_error();
    return ok;
}
