#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

// Signing keys on PKCS#11 tokens: a PIV card through OpenSC, SoftHSM in the tests. libp11
// talks to the module (by default p11-kit's proxy, which loads every module registered on
// the system); p11-kit parses RFC 7512 "pkcs11:" URIs. The key never leaves the token:
// OpenSSL asks the token for each signature. SigningIdentity::fromToken opens one.
namespace Pkcs11Token {
// A certificate on a token: with its private key beside it, what can sign.
struct Certificate {
    QString uri;  // pkcs11:token=…;object=… naming it
    QString tokenLabel;
    QString objectLabel;
    QString subject;
    QString issuer;
    QDateTime notAfter;
};

// p11-kit's proxy module: every module registered with p11-kit, OpenSC's among them.
QString defaultModule();
// Every token present and the certificates on it (public: no PIN needed); error set (and
// an empty list) when the module cannot be loaded.
QList<Certificate> certificates(const QString &module, QString *error);
}  // namespace Pkcs11Token
