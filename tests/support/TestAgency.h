#pragma once

#include "Programs.h"
#include "TimestampAuthority.h"
#include "domain/Clock.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

// A test agency for long-term validation (PAdES B-LT, B-LTA): a root CA with an
// `openssl ca` database, a time-stamp authority it issues (tests/support/tsa.py on
// 127.0.0.1, which also serves the CA's CRL as its distribution point), and the attorney's
// PKCS#12 identity naming that distribution point. It can revoke the attorney later.
class TestAgency {
  public:
    static inline const QString kPassphrase = QStringLiteral("long term");

    explicit TestAgency(const QString &folder) : m_dir(folder), m_tsa(folder + u"/tsa"_qs) {
        QDir().mkpath(folder);
    }

    // Makes everything and starts the authority; empty on success, else what failed.
    QString create() {
        if (!makeRoot())
            return m_failure;
        const QString problem =
            m_tsa.create(u"Test Time-Stamp Authority"_qs, path(u"ca.pem"_qs), path(u"ca.key"_qs));
        if (!problem.isEmpty())
            return problem;
        m_url = m_tsa.start();
        if (!m_url.isValid())
            return u"the time-stamp authority did not start"_qs;
        return makeSigner() && publishCrl() ? QString() : m_failure;
    }
    QUrl timestampAuthority() const { return m_url; }
    QString path(const QString &name) const { return m_dir + u'/' + name; }
    QString rootCertificate() const { return path(u"ca.pem"_qs); }
    QString identity() const { return path(u"signer.p12"_qs); }
    // The CRL the distribution point serves, from the CA's database as it now stands.
    bool publishCrl(const QString &name = u"tsa/ca.crl"_qs) {
        return ok(runProgram(u"openssl"_qs, {u"ca"_qs, u"-config"_qs, path(u"ca.cnf"_qs),
                                             u"-gencrl"_qs, u"-out"_qs, path(name)}));
    }
    // Revoked (keyCompromise) as of a day after the pinned clock, later than anything a
    // test signs whatever second each program started in; the CRL goes to name.
    bool revokeSigner(const QString &name) {
        const Run expiry = runProgram(u"openssl"_qs, {u"x509"_qs, u"-in"_qs, path(u"signer.pem"_qs),
                                                      u"-noout"_qs, u"-enddate"_qs});
        const QDateTime end =
            QDateTime::fromString(expiry.out.section(u'=', 1).trimmed().replace(u"  "_qs, u" "_qs),
                                  u"MMM d hh:mm:ss yyyy 'GMT'"_qs);
        const QString revoked = Clock::nowUtc().addDays(1).toString(u"yyMMddhhmmss'Z'"_qs);
        return end.isValid() &&
               write(u"ca/index.txt"_qs,
                     u"R\t%1\t%2,keyCompromise\t1092\tunknown\t/CN=Ana Beltran/O=OPLA Los "
                     "Angeles\n"_qs.arg(end.toString(u"yyMMddhhmmss'Z'"_qs), revoked)
                         .toUtf8()) &&
               publishCrl(name);
    }

  private:
    bool ok(const Run &r) {
        if (r.exitCode != 0)
            m_failure += r.all();
        return r.exitCode == 0;
    }
    bool write(const QString &name, const QByteArray &bytes) {
        QFile file(path(name));
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }
    bool makeRoot() {
        const QByteArray dir = path(u"ca"_qs).toUtf8();
        return QDir().mkpath(path(u"ca"_qs)) && write(u"ca/index.txt"_qs, "") &&
               write(u"ca/crlnumber"_qs, "1000\n") &&
               write(u"ca.cnf"_qs, "[ca]\ndefault_ca = test\n[test]\ndatabase = " + dir +
                                       "/index.txt\ncrlnumber = " + dir +
                                       "/crlnumber\ndefault_md = sha256\ndefault_crl_days = 30\n"
                                       "certificate = " +
                                       path(u"ca.pem"_qs).toUtf8() +
                                       "\nprivate_key = " + path(u"ca.key"_qs).toUtf8() + "\n") &&
               ok(runProgram(u"openssl"_qs,
                             {u"req"_qs, u"-x509"_qs, u"-newkey"_qs, u"ec"_qs, u"-pkeyopt"_qs,
                              u"ec_paramgen_curve:P-256"_qs, u"-nodes"_qs, u"-keyout"_qs,
                              path(u"ca.key"_qs), u"-out"_qs, path(u"ca.pem"_qs), u"-days"_qs,
                              u"3650"_qs, u"-subj"_qs, u"/CN=Test Agency Root CA/O=Test Agency"_qs,
                              u"-addext"_qs, u"basicConstraints=critical,CA:TRUE"_qs, u"-addext"_qs,
                              u"keyUsage=critical,keyCertSign,cRLSign"_qs}));
    }
    // The attorney's certificate (serial 4242 = 0x1092, as revokeSigner names it), naming
    // the CRL the authority's server hands out.
    bool makeSigner() {
        const QByteArray distribution =
            "crlDistributionPoints=URI:" + m_url.resolved(QUrl(u"/ca.crl"_qs)).toString().toUtf8() +
            '\n';
        return write(u"signer.ext"_qs,
                     "keyUsage=critical,digitalSignature,nonRepudiation\n"
                     "extendedKeyUsage=emailProtection\n" +
                         distribution) &&
               ok(runProgram(u"openssl"_qs,
                             {u"req"_qs, u"-new"_qs, u"-newkey"_qs, u"ec"_qs, u"-pkeyopt"_qs,
                              u"ec_paramgen_curve:P-256"_qs, u"-nodes"_qs, u"-keyout"_qs,
                              path(u"signer.key"_qs), u"-out"_qs, path(u"signer.csr"_qs),
                              u"-subj"_qs, u"/CN=Ana Beltran/O=OPLA Los Angeles"_qs})) &&
               ok(runProgram(u"openssl"_qs,
                             {u"x509"_qs, u"-req"_qs, u"-in"_qs, path(u"signer.csr"_qs), u"-CA"_qs,
                              path(u"ca.pem"_qs), u"-CAkey"_qs, path(u"ca.key"_qs),
                              u"-set_serial"_qs, u"4242"_qs, u"-out"_qs, path(u"signer.pem"_qs),
                              u"-days"_qs, u"365"_qs, u"-extfile"_qs, path(u"signer.ext"_qs)})) &&
               ok(runProgram(u"openssl"_qs,
                             {u"pkcs12"_qs, u"-export"_qs, u"-inkey"_qs, path(u"signer.key"_qs),
                              u"-in"_qs, path(u"signer.pem"_qs), u"-out"_qs, identity(),
                              u"-passout"_qs, u"pass:"_qs + kPassphrase}));
    }

    QString m_dir;
    TimestampAuthority m_tsa;
    QUrl m_url;
    QString m_failure;
};
