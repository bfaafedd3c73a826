#include "CmsSignature.h"

#include "OpenSsl.h"
#include "SigningIdentity.h"

#include <openssl/err.h>
#include <QCoreApplication>

namespace CmsSignature {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("CmsSignature", text);
}

// The signed signing-time attribute of the first signer, when it has one.
QDateTime signedTime(CMS_ContentInfo *info) {
    STACK_OF(CMS_SignerInfo) *signers = CMS_get0_SignerInfos(info);
    CMS_SignerInfo *si = signers && sk_CMS_SignerInfo_num(signers) > 0
                             ? sk_CMS_SignerInfo_value(signers, 0)
                             : nullptr;
    const int at = si ? CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1) : -1;
    X509_ATTRIBUTE *attribute = at >= 0 ? CMS_signed_get_attr(si, at) : nullptr;
    ASN1_TYPE *value = attribute ? X509_ATTRIBUTE_get0_type(attribute, 0) : nullptr;
    if (!value || (value->type != V_ASN1_UTCTIME && value->type != V_ASN1_GENERALIZEDTIME))
        return {};
    return OpenSsl::toDateTime(value->value.asn1_string);
}
}  // namespace

CmsCheck verifyDetached(const QByteArray &cms, const QByteArray &data) {
    CmsCheck out;
    const auto *p = reinterpret_cast<const unsigned char *>(cms.constData());
    OpenSsl::Owned<CMS_ContentInfo> info(d2i_CMS_ContentInfo(nullptr, &p, long(cms.size())));
    OpenSsl::Owned<BIO> content(BIO_new_mem_buf(data.constData(), int(data.size())));
    if (!info || !content) {
        ERR_clear_error();
        out.problem = tr("the signature value is not a CMS signature");
        return out;
    }
    // The certificate is judged separately (validity, key usage, trust): here only
    // whether the signature is the signer's over exactly these bytes.
    if (CMS_verify(info.get(), nullptr, nullptr, content.get(), nullptr,
                   CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY) != 1) {
        out.problem =
            tr("the signature does not match the signed bytes (%1)").arg(OpenSsl::lastError());
        return out;
    }
    STACK_OF(X509) *signers = CMS_get0_signers(info.get());  // ours to free, not the certs
    X509 *signer = signers && sk_X509_num(signers) > 0 ? sk_X509_value(signers, 0) : nullptr;
    out.signerCertificate = OpenSsl::der(signer);
    sk_X509_free(signers);
    if (out.signerCertificate.isEmpty()) {
        out.problem = tr("the signature does not include the signer's certificate");
        return out;
    }
    out.signerName = SigningIdentity::profileOf(out.signerCertificate).fullName;
    out.signingTime = signedTime(info.get());
    out.matches = true;
    return out;
}

QString certificateProblem(const QByteArray &certificateDer, const QDateTime &when) {
    const OpenSsl::Owned<X509> cert = OpenSsl::certificate(certificateDer);
    if (!cert)
        return tr("the signer's certificate cannot be read");
    const QDateTime from = OpenSsl::toDateTime(X509_get0_notBefore(cert.get()));
    const QDateTime until = OpenSsl::toDateTime(X509_get0_notAfter(cert.get()));
    if (!when.isValid())
        return tr("the signature gives no signing time to check the certificate against");
    if (!from.isValid() || when < from)
        return tr("the signer's certificate was not yet valid when it signed (%1; valid from %2)")
            .arg(when.toString(Qt::ISODate), from.toString(Qt::ISODate));
    if (!until.isValid() || when > until)
        return tr("the signer's certificate had expired when it signed (%1; valid until %2)")
            .arg(when.toString(Qt::ISODate), until.toString(Qt::ISODate));
    const bool hasKeyUsage = (X509_get_extension_flags(cert.get()) & EXFLAG_KUSAGE) != 0;
    if (hasKeyUsage &&
        (X509_get_key_usage(cert.get()) & (KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION)) == 0)
        return tr(
            "the signer's certificate does not allow signing documents (its key usage "
            "has neither digitalSignature nor nonRepudiation)");
    return {};
}
}  // namespace CmsSignature
