#include "Pkcs11Token.h"

#include "OpenSsl.h"
#include "Pkcs11Session.h"

#include <openssl/crypto.h>
#include <openssl/ui.h>

#include <QCoreApplication>
#include <QUrl>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("Pkcs11Token", text);
}

QString nameText(X509_NAME *name) {
    OpenSsl::Owned<BIO> bio(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, qsizetype(length));
}

// RFC 7512 percent-encodes everything but unreserved characters in a path attribute.
QString uriPart(const QString &value) {
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}
}  // namespace

std::shared_ptr<Pkcs11Session> Pkcs11Session::open(const QString &module, QString *error) {
    std::shared_ptr<Pkcs11Session> session(new Pkcs11Session);
    session->m_ctx = PKCS11_CTX_new();
    const QByteArray path = module.toLocal8Bit();
    if (!session->m_ctx || PKCS11_CTX_load(session->m_ctx, path.constData()) != 0) {
        ERR_clear_error();
        *error = tr("cannot load the PKCS#11 module %1").arg(module);
        return nullptr;
    }
    session->m_loaded = true;
    if (PKCS11_enumerate_slots(session->m_ctx, &session->m_slots, &session->m_count) != 0) {
        ERR_clear_error();
        *error = tr("no card reader or token is present (is the card in the reader? the "
                    "PKCS#11 module %1 lists none)")
                     .arg(module);
        return nullptr;
    }
    return session;
}

Pkcs11Session::~Pkcs11Session() {
    if (m_slots)
        PKCS11_release_all_slots(m_ctx, m_slots, m_count);
    if (m_loaded)
        PKCS11_CTX_unload(m_ctx);
    if (m_ctx)
        PKCS11_CTX_free(m_ctx);
    if (m_pinPrompt)
        UI_destroy_method(m_pinPrompt);
    if (m_pin)
        OPENSSL_cleanse(m_pin->data(), size_t(m_pin->size()));
}

QString pkcs11Text(const char *text) {
    return text ? QString::fromUtf8(text).trimmed() : QString();
}

namespace Pkcs11Token {
QString defaultModule() {
    return QStringLiteral(DISCRETION_P11_PROXY);
}

QList<Certificate> certificates(const QString &module, QString *error) {
    QList<Certificate> out;
    const std::shared_ptr<Pkcs11Session> session = Pkcs11Session::open(module, error);
    if (!session)
        return out;
    for (unsigned int i = 0; i < session->slotCount(); ++i) {
        PKCS11_TOKEN *token = session->slot(i)->token;
        // A signing token asks for a PIN; p11-kit's list of the system's CAs does not.
        if (!token || !token->initialized || !token->loginRequired)
            continue;
        PKCS11_CERT *certs = nullptr;
        unsigned int count = 0;
        if (PKCS11_enumerate_certs(token, &certs, &count) != 0) {
            ERR_clear_error();
            continue;
        }
        for (unsigned int c = 0; c < count; ++c) {
            // A card shows its private keys only after the PIN: whether this certificate
            // has one is known when it signs (SigningIdentity::fromToken says if not).
            if (!certs[c].x509)
                continue;
            const QString tokenLabel = pkcs11Text(token->label);
            const QString label = pkcs11Text(certs[c].label);
            out.append({QStringLiteral("pkcs11:token=%1;object=%2")
                            .arg(uriPart(tokenLabel), uriPart(label)),
                        tokenLabel, label, nameText(X509_get_subject_name(certs[c].x509)),
                        nameText(X509_get_issuer_name(certs[c].x509)),
                        OpenSsl::toDateTime(X509_get0_notAfter(certs[c].x509))});
        }
    }
    return out;
}
}  // namespace Pkcs11Token
