#pragma once

#include "Programs.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QUrl>
#include <memory>

// An RFC 3161 time-stamp authority on 127.0.0.1 for a test: its key and certificate made
// with openssl (issued by the test's CA, or self-signed for an authority nobody trusts),
// its replies made by `openssl ts -reply` behind tests/support/tsa.py.
class TimestampAuthority {
  public:
    // folder: where its key, certificate, serial file and configuration go.
    explicit TimestampAuthority(const QString &folder) : m_dir(folder) { QDir().mkpath(folder); }
    ~TimestampAuthority() { stop(); }
    TimestampAuthority(const TimestampAuthority &) = delete;
    TimestampAuthority &operator=(const TimestampAuthority &) = delete;

    // A certificate for timestamping named cn, issued by caPem/caKey, or self-signed when
    // they are empty; then the openssl ts configuration. Empty on success, else what failed.
    QString create(const QString &cn, const QString &caPem = {}, const QString &caKey = {}) {
        if (!write(u"tsa.ext"_qs,
                   "extendedKeyUsage=critical,timeStamping\n"
                   "keyUsage=critical,digitalSignature\n"))
            return u"cannot write tsa.ext"_qs;
        const QStringList request = {u"req"_qs,
                                     u"-new"_qs,
                                     u"-newkey"_qs,
                                     u"ec"_qs,
                                     u"-pkeyopt"_qs,
                                     u"ec_paramgen_curve:P-256"_qs,
                                     u"-nodes"_qs,
                                     u"-keyout"_qs,
                                     path(u"tsa.key"_qs),
                                     u"-subj"_qs,
                                     u"/CN="_qs + cn + u"/O=Test Time"_qs};
        Run r =
            caPem.isEmpty()
                ? runProgram(u"openssl"_qs, request + QStringList{u"-x509"_qs, u"-days"_qs,
                                                                  u"3650"_qs, u"-addext"_qs,
                                                                  u"extendedKeyUsage=critical,"
                                                                  u"timeStamping"_qs,
                                                                  u"-out"_qs, path(u"tsa.pem"_qs)})
                : runProgram(u"openssl"_qs, request + QStringList{u"-out"_qs, path(u"tsa.csr"_qs)});
        if (r.exitCode == 0 && !caPem.isEmpty())
            r = runProgram(
                u"openssl"_qs,
                {u"x509"_qs, u"-req"_qs, u"-in"_qs, path(u"tsa.csr"_qs), u"-CA"_qs, caPem,
                 u"-CAkey"_qs, caKey, u"-CAcreateserial"_qs, u"-out"_qs, path(u"tsa.pem"_qs),
                 u"-days"_qs, u"3650"_qs, u"-extfile"_qs, path(u"tsa.ext"_qs)});
        if (r.exitCode != 0)
            return r.all();
        const QByteArray dir = m_dir.toUtf8();
        return write(u"serial"_qs, "01\n") && write(u"ts.cnf"_qs,
                                                    "[tsa]\ndefault_tsa = test\n[test]\n"
                                                    "serial = " +
                                                        dir +
                                                        "/serial\n"
                                                        "crypto_device = builtin\n"
                                                        "signer_cert = " +
                                                        dir +
                                                        "/tsa.pem\n"
                                                        "signer_key = " +
                                                        dir +
                                                        "/tsa.key\n"
                                                        "signer_digest = sha256\n"
                                                        "default_policy = 1.3.6.1.4.1.4146.2.3\n"
                                                        "digests = sha256, sha384, sha512\n"
                                                        "accuracy = secs:1\n"
                                                        "ordering = yes\ntsa_name = yes\n"
                                                        "ess_cert_id_chain = no\n"
                                                        "ess_cert_id_alg = sha256\n")
                   ? QString()
                   : u"cannot write ts.cnf"_qs;
    }

    // Starts answering in mode (good, other-imprint, http-error, not-a-reply, see tsa.py);
    // the URL, or an empty one when it did not start.
    QUrl start(const QString &mode = u"good"_qs) {
        stop();
        m_process = std::make_unique<QProcess>();
        m_process->start(u"python3"_qs, {QStringLiteral(DISCRETION_SOURCE "/tests/support/tsa.py"),
                                         path(u"ts.cnf"_qs), mode});
        if (!m_process->waitForReadyRead(20000))
            return {};
        const int port = m_process->readLine().trimmed().toInt();
        return port > 0 ? QUrl(u"http://127.0.0.1:%1/tsa"_qs.arg(port)) : QUrl();
    }
    void stop() {
        if (m_process) {
            m_process->kill();
            m_process->waitForFinished(5000);
            m_process.reset();
        }
    }
    QString certificate() const { return path(u"tsa.pem"_qs); }

  private:
    QString path(const QString &name) const { return m_dir + u'/' + name; }
    bool write(const QString &name, const QByteArray &bytes) {
        QFile file(path(name));
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }
    QString m_dir;
    std::unique_ptr<QProcess> m_process;
};
