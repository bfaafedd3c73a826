#include "Revocation.h"

#include "OpenSsl.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <QCoreApplication>

namespace Revocation {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("Revocation", text);
}

struct Free {
    void operator()(X509_CRL *p) const { X509_CRL_free(p); }
    void operator()(ASN1_ENUMERATED *p) const { ASN1_ENUMERATED_free(p); }
    void operator()(STACK_OF(DIST_POINT) * p) const { sk_DIST_POINT_pop_free(p, DIST_POINT_free); }
};
template <typename T>
using Owned = std::unique_ptr<T, Free>;

Owned<X509_CRL> crl(const QByteArray &der) {
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    Owned<X509_CRL> out(d2i_X509_CRL(nullptr, &p, long(der.size())));
    ERR_clear_error();
    return out;
}

// RFC 5280 5.3.1 reason codes, by their names there.
QString reasonName(long code) {
    static const char *const names[] = {
        "unspecified",   "keyCompromise",        "cACompromise",    "affiliationChanged",
        "superseded",    "cessationOfOperation", "certificateHold", "",
        "removeFromCRL", "privilegeWithdrawn",   "aACompromise"};
    return code >= 0 && code < long(std::size(names)) ? QString::fromLatin1(names[code])
                                                      : QString::number(code);
}

QString reasonOf(X509_REVOKED *revoked) {
    Owned<ASN1_ENUMERATED> reason(static_cast<ASN1_ENUMERATED *>(
        X509_REVOKED_get_ext_d2i(revoked, NID_crl_reason, nullptr, nullptr)));
    return reason ? reasonName(ASN1_ENUMERATED_get(reason.get())) : QString();
}

bool maySignCrls(X509 *issuer) {
    return (X509_get_extension_flags(issuer) & EXFLAG_KUSAGE) == 0 ||
           (X509_get_key_usage(issuer) & KU_CRL_SIGN) != 0;
}

// What one CRL says of the certificate; Unknown with a problem when it does not count.
Status judged(X509 *cert, X509 *issuer, X509_CRL *list) {
    Status out;
    out.crlIssuer = nameOf(OpenSsl::der(issuer));
    if (!maySignCrls(issuer) || X509_CRL_verify(list, X509_get0_pubkey(issuer)) != 1) {
        ERR_clear_error();
        out.problem = tr("a CRL names %1 as its issuer but is not signed by it").arg(out.crlIssuer);
        return out;
    }
    out.crlThisUpdate = OpenSsl::toDateTime(X509_CRL_get0_lastUpdate(list));
    out.crlNextUpdate = OpenSsl::toDateTime(X509_CRL_get0_nextUpdate(list));
    X509_REVOKED *revoked = nullptr;
    if (X509_CRL_get0_by_cert(list, &revoked, cert) == 1 && revoked) {
        out.state = Status::State::Revoked;
        out.revokedAt = OpenSsl::toDateTime(X509_REVOKED_get0_revocationDate(revoked));
        out.reason = reasonOf(revoked);
        return out;
    }
    out.state = Status::State::Good;
    return out;
}
}  // namespace

QString Status::text() const {
    switch (state) {
        case State::Good:
            return tr("not revoked (CRL of %1, issued %2%3)")
                .arg(crlIssuer, crlThisUpdate.toString(Qt::ISODate),
                     caveat.isEmpty() ? QString() : QStringLiteral("; ") + caveat);
        case State::Revoked:
            return tr("revoked on %1%2 (CRL of %3)")
                .arg(revokedAt.toString(Qt::ISODate),
                     reason.isEmpty() ? QString() : QStringLiteral(", ") + reason, crlIssuer);
        case State::Unknown:
            break;
    }
    return tr("not known: %1").arg(problem);
}

Status of(const QByteArray &certificateDer, const QList<QByteArray> &certificates,
          const QList<QByteArray> &crls) {
    Status out;
    const OpenSsl::Owned<X509> cert = OpenSsl::certificate(certificateDer);
    const QByteArray issuerDer = issuerOf(certificateDer, certificates);
    const OpenSsl::Owned<X509> issuer = OpenSsl::certificate(issuerDer);
    if (!cert || !issuer) {
        out.problem = tr("the certificate of its issuer is not in the validation data");
        return out;
    }
    out.problem = tr("no CRL from its issuer %1 in the validation data").arg(nameOf(issuerDer));
    for (const QByteArray &der : crls) {
        const Owned<X509_CRL> list = crl(der);
        if (!list ||
            X509_NAME_cmp(X509_CRL_get_issuer(list.get()), X509_get_issuer_name(cert.get())) != 0)
            continue;
        Status one = judged(cert.get(), issuer.get(), list.get());
        if (one.state == Status::State::Revoked)
            return one;
        if (one.state == Status::State::Good &&
            (out.state != Status::State::Good || one.crlThisUpdate > out.crlThisUpdate))
            out = one;
        else if (out.state == Status::State::Unknown)
            out.problem = one.problem;
    }
    return out;
}

QByteArray issuerOf(const QByteArray &certificateDer, const QList<QByteArray> &candidates) {
    const OpenSsl::Owned<X509> cert = OpenSsl::certificate(certificateDer);
    if (!cert)
        return {};
    if (selfIssued(certificateDer))
        return certificateDer;
    for (const QByteArray &der : candidates) {
        const OpenSsl::Owned<X509> candidate = OpenSsl::certificate(der);
        if (candidate && X509_check_issued(candidate.get(), cert.get()) == X509_V_OK &&
            X509_verify(cert.get(), X509_get0_pubkey(candidate.get())) == 1)
            return der;
        ERR_clear_error();
    }
    return {};
}

bool selfIssued(const QByteArray &certificateDer) {
    const OpenSsl::Owned<X509> cert = OpenSsl::certificate(certificateDer);
    const bool self = cert && X509_check_issued(cert.get(), cert.get()) == X509_V_OK &&
                      X509_verify(cert.get(), X509_get0_pubkey(cert.get())) == 1;
    ERR_clear_error();
    return self;
}

QStringList distributionPoints(const QByteArray &certificateDer) {
    QStringList out;
    const OpenSsl::Owned<X509> cert = OpenSsl::certificate(certificateDer);
    const Owned<STACK_OF(DIST_POINT)> points(
        cert ? static_cast<STACK_OF(DIST_POINT) *>(
                   X509_get_ext_d2i(cert.get(), NID_crl_distribution_points, nullptr, nullptr))
             : nullptr);
    for (int i = 0; points && i < sk_DIST_POINT_num(points.get()); ++i) {
        const DIST_POINT *point = sk_DIST_POINT_value(points.get(), i);
        if (!point->distpoint || point->distpoint->type != 0)
            continue;
        const GENERAL_NAMES *names = point->distpoint->name.fullname;
        for (int j = 0; j < sk_GENERAL_NAME_num(names); ++j) {
            const GENERAL_NAME *name = sk_GENERAL_NAME_value(names, j);
            if (name->type != GEN_URI)
                continue;
            const QString uri =
                QString::fromLatin1(reinterpret_cast<const char *>(
                                        ASN1_STRING_get0_data(name->d.uniformResourceIdentifier)),
                                    ASN1_STRING_length(name->d.uniformResourceIdentifier));
            if (uri.startsWith(u"http://") || uri.startsWith(u"https://"))
                out << uri;
        }
    }
    return out;
}

QByteArray crlDer(const QByteArray &derOrPem) {
    Owned<X509_CRL> list = crl(derOrPem);
    if (!list) {
        const OpenSsl::Owned<BIO> in(BIO_new_mem_buf(derOrPem.constData(), int(derOrPem.size())));
        list.reset(in ? PEM_read_bio_X509_CRL(in.get(), nullptr, nullptr, nullptr) : nullptr);
        ERR_clear_error();
    }
    unsigned char *der = nullptr;
    const int length = list ? i2d_X509_CRL(list.get(), &der) : -1;
    QByteArray out(reinterpret_cast<const char *>(der), qMax(length, 0));
    OPENSSL_free(der);
    return out;
}

QList<QByteArray> certificatesIn(const QByteArray &pemOrDer) {
    if (const OpenSsl::Owned<X509> one = OpenSsl::certificate(pemOrDer))
        return {OpenSsl::der(one.get())};
    QList<QByteArray> out;
    const OpenSsl::Owned<BIO> in(BIO_new_mem_buf(pemOrDer.constData(), int(pemOrDer.size())));
    while (in) {
        const OpenSsl::Owned<X509> cert(PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr));
        if (!cert)
            break;
        out << OpenSsl::der(cert.get());
    }
    ERR_clear_error();
    return out;
}

QString nameOf(const QByteArray &certificateDer) {
    const OpenSsl::Owned<X509> cert = OpenSsl::certificate(certificateDer);
    return cert ? OpenSsl::nameOf(cert.get()) : tr("(an unreadable certificate)");
}
}  // namespace Revocation
