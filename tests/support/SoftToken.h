#pragma once

#include "Programs.h"

#include <QDir>
#include <QFile>

// A PKCS#11 token standing in for a PIV card: a SoftHSM2 token "PIV Test" in a folder of its
// own (SOFTHSM2_CONF), holding an EC P-256 key imported with softhsm2-util and, beside it,
// the attorney's certificate issued by a test agency CA (openssl), written with OpenSC's
// pkcs11-tool; "Card Signature", the same key again, marked as a PIV card marks its
// signing key: the PIN before every use (CKA_ALWAYS_AUTHENTICATE), with the certificate
// beside it; and "Swapped", another key with that same certificate beside it. p11-kit's
// proxy finds it as it would find a card through OpenSC.
class SoftToken {
  public:
    static inline const QString kPin = QStringLiteral("123456");
    static inline const QString kUri =
        QStringLiteral("pkcs11:token=PIV%20Test;object=Digital%20Signature");
    static inline const QString kAlwaysPinUri =
        QStringLiteral("pkcs11:token=PIV%20Test;object=Card%20Signature");
    static inline const QString kSoftHsm = QStringLiteral("/usr/lib/softhsm/libsofthsm2.so");

    explicit SoftToken(const QString &folder) : m_folder(folder) {}

    // Makes the CA, the certificate and the token; empty on success, else what failed.
    QString create() { return makeCertificates() && makeToken() ? QString() : m_failure; }
    // The environment that finds the token (SOFTHSM2_CONF).
    const QProcessEnvironment &env() const { return m_env; }
    QString path(const QString &name) const { return m_folder + u'/' + name; }

  private:
    Run run(const QString &program, const QStringList &args) {
        return runProgram(program, args, m_env);
    }
    bool ok(const Run &r) {
        if (r.exitCode != 0)
            m_failure += r.all();
        return r.exitCode == 0;
    }

    // The agency's root and the attorney's certificate under it (EC P-256, one year).
    bool makeCertificates() {
        QFile ext(path(u"signer.ext"_qs));
        if (!ext.open(QIODevice::WriteOnly) ||
            ext.write("keyUsage=critical,digitalSignature,nonRepudiation\n"
                      "extendedKeyUsage=emailProtection\n") <= 0)
            return false;
        ext.close();
        return ok(run(u"openssl"_qs,
                      {u"req"_qs, u"-x509"_qs, u"-newkey"_qs, u"ec"_qs, u"-pkeyopt"_qs,
                       u"ec_paramgen_curve:P-256"_qs, u"-nodes"_qs, u"-keyout"_qs,
                       path(u"ca.key"_qs), u"-out"_qs, path(u"ca.pem"_qs), u"-days"_qs, u"3650"_qs,
                       u"-subj"_qs, u"/CN=Test Agency Root CA/O=Test Agency"_qs, u"-addext"_qs,
                       u"basicConstraints=critical,CA:TRUE"_qs, u"-addext"_qs,
                       u"keyUsage=critical,keyCertSign,cRLSign"_qs})) &&
               ok(run(u"openssl"_qs,
                      {u"req"_qs, u"-new"_qs, u"-newkey"_qs, u"ec"_qs, u"-pkeyopt"_qs,
                       u"ec_paramgen_curve:P-256"_qs, u"-nodes"_qs, u"-keyout"_qs,
                       path(u"signer.key"_qs), u"-out"_qs, path(u"signer.csr"_qs), u"-subj"_qs,
                       u"/CN=Ana Beltrán/title=Assistant Chief Counsel/O=OPLA Los Angeles"_qs,
                       u"-utf8"_qs})) &&
               ok(run(u"openssl"_qs,
                      {u"x509"_qs, u"-req"_qs, u"-in"_qs, path(u"signer.csr"_qs), u"-CA"_qs,
                       path(u"ca.pem"_qs), u"-CAkey"_qs, path(u"ca.key"_qs), u"-CAcreateserial"_qs,
                       u"-out"_qs, path(u"signer.pem"_qs), u"-days"_qs, u"365"_qs, u"-extfile"_qs,
                       path(u"signer.ext"_qs)})) &&
               ok(run(u"openssl"_qs,
                      {u"pkcs8"_qs, u"-topk8"_qs, u"-nocrypt"_qs, u"-in"_qs, path(u"signer.key"_qs),
                       u"-out"_qs, path(u"signer.p8"_qs)})) &&
               ok(run(u"openssl"_qs, {u"x509"_qs, u"-in"_qs, path(u"signer.pem"_qs), u"-outform"_qs,
                                      u"der"_qs, u"-out"_qs, path(u"signer.der"_qs)}));
    }

    // A SoftHSM2 token "PIV Test" holding the key and, beside it, its certificate.
    bool makeToken() {
        QDir().mkpath(path(u"tokens"_qs));
        QFile conf(path(u"softhsm2.conf"_qs));
        if (!conf.open(QIODevice::WriteOnly) ||
            conf.write("directories.tokendir = " + path(u"tokens"_qs).toUtf8() +
                       "\nobjectstore.backend = file\nlog.level = ERROR\n") <= 0)
            return false;
        conf.close();
        m_env.insert(u"SOFTHSM2_CONF"_qs, conf.fileName());
        return ok(run(u"softhsm2-util"_qs,
                      {u"--init-token"_qs, u"--free"_qs, u"--label"_qs, u"PIV Test"_qs, u"--pin"_qs,
                       kPin, u"--so-pin"_qs, u"12345678"_qs})) &&
               ok(run(u"softhsm2-util"_qs, {u"--import"_qs, path(u"signer.p8"_qs), u"--token"_qs,
                                            u"PIV Test"_qs, u"--label"_qs, u"Digital Signature"_qs,
                                            u"--id"_qs, u"01"_qs, u"--pin"_qs, kPin})) &&
               writeCertificate(u"01"_qs, u"Digital Signature"_qs) &&
               ok(run(u"pkcs11-tool"_qs,
                      {u"--module"_qs, kSoftHsm, u"--token-label"_qs, u"PIV Test"_qs, u"--login"_qs,
                       u"--pin"_qs, kPin, u"--write-object"_qs, path(u"signer.p8"_qs), u"--type"_qs,
                       u"privkey"_qs, u"--id"_qs, u"03"_qs, u"--label"_qs, u"Card Signature"_qs,
                       u"--always-auth"_qs})) &&
               writeCertificate(u"03"_qs, u"Card Signature"_qs) &&
               // "Swapped": another key, with the attorney's certificate beside it.
               ok(run(u"openssl"_qs,
                      {u"genpkey"_qs, u"-algorithm"_qs, u"EC"_qs, u"-pkeyopt"_qs,
                       u"ec_paramgen_curve:P-256"_qs, u"-out"_qs, path(u"other.p8"_qs)})) &&
               ok(run(u"softhsm2-util"_qs,
                      {u"--import"_qs, path(u"other.p8"_qs), u"--token"_qs, u"PIV Test"_qs,
                       u"--label"_qs, u"Swapped"_qs, u"--id"_qs, u"02"_qs, u"--pin"_qs, kPin})) &&
               writeCertificate(u"02"_qs, u"Swapped"_qs);
    }
    bool writeCertificate(const QString &id, const QString &label) {
        return ok(run(u"pkcs11-tool"_qs,
                      {u"--module"_qs, kSoftHsm, u"--token-label"_qs, u"PIV Test"_qs, u"--login"_qs,
                       u"--pin"_qs, kPin, u"--write-object"_qs, path(u"signer.der"_qs),
                       u"--type"_qs, u"cert"_qs, u"--id"_qs, id, u"--label"_qs, label}));
    }

    QString m_folder;
    QString m_failure;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
};
