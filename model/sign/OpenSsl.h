#pragma once

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <QDateTime>
#include <QString>
#include <memory>

// Ownership of OpenSSL objects and the two conversions every user of OpenSSL here needs.
namespace OpenSsl {
struct Free {
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(PKCS12 *p) const { PKCS12_free(p); }
    void operator()(BIO *p) const { BIO_free(p); }
    void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); }
    void operator()(STACK_OF(X509) * p) const { sk_X509_pop_free(p, X509_free); }
    void operator()(BIGNUM *p) const { BN_free(p); }
    void operator()(X509_EXTENSION *p) const { X509_EXTENSION_free(p); }
    void operator()(CMS_ContentInfo *p) const { CMS_ContentInfo_free(p); }
    void operator()(X509_STORE *p) const { X509_STORE_free(p); }
    void operator()(ASN1_TIME *p) const { ASN1_TIME_free(p); }
    void operator()(X509_STORE_CTX *p) const { X509_STORE_CTX_free(p); }
};
template <typename T>
using Owned = std::unique_ptr<T, Free>;

// The oldest queued OpenSSL error as text, and the queue cleared.
QString lastError();
// UTC; invalid for a missing or malformed time.
QDateTime toDateTime(const ASN1_TIME *time);
// A certificate from DER, or null.
Owned<X509> certificate(const QByteArray &der);
QByteArray der(X509 *certificate);
// The certificate's common name, else its whole subject on one line.
QString nameOf(X509 *certificate);
// The SHA-256 digest of data (raw bytes); empty if OpenSSL fails.
QByteArray sha256(const QByteArray &data);
}  // namespace OpenSsl
