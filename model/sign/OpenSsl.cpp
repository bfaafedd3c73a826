#include "OpenSsl.h"

#include <openssl/err.h>
#include <QCoreApplication>

namespace OpenSsl {
QString lastError() {
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return QCoreApplication::translate("OpenSsl", "unknown OpenSSL error");
    // The reason in words ("bad decrypt"), never OpenSSL's "error:1C800064:…" line.
    const char *reason = ERR_reason_error_string(code);
    return reason ? QCoreApplication::translate("OpenSsl", "OpenSSL says: %1")
                        .arg(QString::fromLatin1(reason))
                  : QCoreApplication::translate("OpenSsl", "OpenSSL error %1").arg(code);
}

QDateTime toDateTime(const ASN1_TIME *time) {
    struct tm parts {};
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1)
        return {};
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
                     QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), Qt::UTC);
}

Owned<X509> certificate(const QByteArray &der) {
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    Owned<X509> cert(d2i_X509(nullptr, &p, long(der.size())));
    ERR_clear_error();
    return cert;
}

QByteArray der(X509 *certificate) {
    unsigned char *bytes = nullptr;
    const int length = certificate ? i2d_X509(certificate, &bytes) : -1;
    QByteArray out(reinterpret_cast<const char *>(bytes), qMax(length, 0));
    OPENSSL_free(bytes);
    return out;
}
QString nameOf(X509 *cert) {
    X509_NAME *name = X509_get_subject_name(cert);
    const int at = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    ASN1_STRING *value =
        at >= 0 ? X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, at)) : nullptr;
    unsigned char *utf8 = nullptr;
    const int length = value ? ASN1_STRING_to_UTF8(&utf8, value) : -1;
    QString out = QString::fromUtf8(reinterpret_cast<const char *>(utf8), qMax(length, 0));
    OPENSSL_free(utf8);
    if (out.isEmpty()) {
        char line[256];
        out = QString::fromUtf8(X509_NAME_oneline(name, line, sizeof line));
    }
    return out;
}

QByteArray sha256(const QByteArray &data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(data.constData(), size_t(data.size()), digest, &length, EVP_sha256(), nullptr) !=
        1)
        return {};
    return QByteArray(reinterpret_cast<const char *>(digest), int(length));
}
}  // namespace OpenSsl
