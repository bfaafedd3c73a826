#include "TrustStore.h"

#include "OpenSsl.h"
#include "files/InputFile.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("TrustStore", text);
}

// Each certificate of a PEM file, as PEM again (one per entry).
QList<QByteArray> certificatesIn(const QByteArray &pem) {
    QList<QByteArray> out;
    OpenSsl::Owned<BIO> in(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    while (X509 *raw = PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr)) {
        OpenSsl::Owned<X509> cert(raw);
        out << OpenSsl::der(cert.get());
    }
    ERR_clear_error();  // the end of the file reads as an error
    return out;
}
}  // namespace

std::optional<TrustStore> TrustStore::load(const QString &fileOrFolder, QString *error) {
    QStringList files{fileOrFolder};
    if (QFileInfo(fileOrFolder).isDir()) {
        files.clear();
        const QDir dir(fileOrFolder);
        for (const QString &name : dir.entryList(
                 {QStringLiteral("*.pem"), QStringLiteral("*.crt"), QStringLiteral("*.cer")},
                 QDir::Files, QDir::Name))
            files << dir.filePath(name);
    }
    TrustStore store;
    store.m_source = fileOrFolder;
    for (const QString &path : files) {
        QFile file(path);
        if (QString why; !InputFile::openToRead(file, &why)) {
            *error = tr("cannot read the trust store %1: %2").arg(path, why);
            return std::nullopt;
        }
        store.m_pem += certificatesIn(file.readAll());
    }
    if (store.m_pem.isEmpty()) {
        *error = tr("the trust store %1 holds no PEM certificate").arg(fileOrFolder);
        return std::nullopt;
    }
    return store;
}

std::optional<TrustStore> TrustStore::fromChoice(const QString &option, const QString &setting,
                                                 QString *error) {
    QString chosen = option;
    if (chosen.isEmpty())
        chosen = qEnvironmentVariable("DISCRETION_TRUST");
    if (chosen.isEmpty())
        chosen = setting;
    if (chosen.isEmpty())
        return std::nullopt;
    return load(chosen, error);
}

QString TrustStore::problem(const QByteArray &certificateDer, const QDateTime &at) const {
    const OpenSsl::Owned<X509> leaf = OpenSsl::certificate(certificateDer);
    if (!leaf)
        return tr("the certificate cannot be read");
    OpenSsl::Owned<X509_STORE> trusted(X509_STORE_new());
    for (const QByteArray &der : m_pem)
        if (const OpenSsl::Owned<X509> cert = OpenSsl::certificate(der))
            X509_STORE_add_cert(trusted.get(), cert.get());
    OpenSsl::Owned<X509_STORE_CTX> context(X509_STORE_CTX_new());
    X509_STORE_CTX_init(context.get(), trusted.get(), leaf.get(), nullptr);
    // A trusted certificate may be the signer's own (no CA above it); the chain must have
    // held when it signed, not today.
    X509_STORE_CTX_set_flags(context.get(), X509_V_FLAG_PARTIAL_CHAIN);
    X509_STORE_CTX_set_time(context.get(), 0, at.toSecsSinceEpoch());
    if (X509_verify_cert(context.get()) == 1)
        return {};
    const int code = X509_STORE_CTX_get_error(context.get());
    ERR_clear_error();
    return tr("not trusted by %1 (%2)")
        .arg(m_source, QString::fromUtf8(X509_verify_cert_error_string(code)));
}
