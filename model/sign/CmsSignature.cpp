#include "CmsSignature.h"

#include "OpenSsl.h"
#include "SigningIdentity.h"

#include <openssl/err.h>
#include <openssl/ess.h>
#include <QCoreApplication>

namespace CmsSignature {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("CmsSignature", text);
}

CMS_SignerInfo *firstSigner(CMS_ContentInfo *info) {
    STACK_OF(CMS_SignerInfo) *signers = CMS_get0_SignerInfos(info);
    return signers && sk_CMS_SignerInfo_num(signers) > 0 ? sk_CMS_SignerInfo_value(signers, 0)
                                                         : nullptr;
}

template <typename T, typename Decode>
std::unique_ptr<T, void (*)(T *)> signedAttribute(CMS_SignerInfo *si, int nid, Decode decode,
                                                  void (*free)(T *)) {
    const auto *value = static_cast<ASN1_STRING *>(
        CMS_signed_get0_data_by_OBJ(si, OBJ_nid2obj(nid), -3, V_ASN1_SEQUENCE));
    const unsigned char *p = value ? ASN1_STRING_get0_data(value) : nullptr;
    return {p ? decode(nullptr, &p, ASN1_STRING_length(value)) : nullptr, free};
}

// Whether an ESS signing-certificate(-v2) attribute is there; when it is and names another
// certificate than signer, *mismatch (OpenSSL compares the hashes).
bool bindsCertificate(CMS_ContentInfo *info, X509 *signer, bool *mismatch) {
    CMS_SignerInfo *si = firstSigner(info);
    const auto v1 = signedAttribute(si, NID_id_smime_aa_signingCertificate, d2i_ESS_SIGNING_CERT,
                                    ESS_SIGNING_CERT_free);
    const auto v2 = signedAttribute(si, NID_id_smime_aa_signingCertificateV2,
                                    d2i_ESS_SIGNING_CERT_V2, ESS_SIGNING_CERT_V2_free);
    const bool present =
        CMS_signed_get_attr_by_NID(si, NID_id_smime_aa_signingCertificate, -1) >= 0 ||
        CMS_signed_get_attr_by_NID(si, NID_id_smime_aa_signingCertificateV2, -1) >= 0;
    OpenSsl::Owned<STACK_OF(X509)> chain(sk_X509_new_null());
    if (chain && X509_up_ref(signer) == 1 && sk_X509_push(chain.get(), signer) <= 0)
        X509_free(signer);
    *mismatch = present &&
                (!chain || OSSL_ESS_check_signing_certs(v1.get(), v2.get(), chain.get(), 1) != 1);
    ERR_clear_error();
    return present;
}

// A certificate without an extended key usage may sign anything (RFC 5280); one with it must
// name a purpose that covers documents: emailProtection (what S/MIME and NSS readers
// accept), document signing (RFC 9336, Microsoft's, Adobe's) or any purpose. A TLS server's
// or a time-stamp authority's certificate from the same agency CA does not sign dispositions.
bool forDocuments(X509 *cert) {
    if ((X509_get_extension_flags(cert) & EXFLAG_XKUSAGE) == 0)
        return true;
    if ((X509_get_extended_key_usage(cert) & (XKU_SMIME | XKU_ANYEKU)) != 0)
        return true;
    struct Purposes {
        void operator()(EXTENDED_KEY_USAGE *p) const {
            sk_ASN1_OBJECT_pop_free(p, ASN1_OBJECT_free);
        }
    };
    const std::unique_ptr<EXTENDED_KEY_USAGE, Purposes> purposes(static_cast<EXTENDED_KEY_USAGE *>(
        X509_get_ext_d2i(cert, NID_ext_key_usage, nullptr, nullptr)));
    static const char *const kDocumentSigning[] = {"1.3.6.1.5.5.7.3.36", "1.3.6.1.4.1.311.10.3.12",
                                                   "1.2.840.113583.1.1.5"};
    for (int i = 0; purposes && i < sk_ASN1_OBJECT_num(purposes.get()); ++i) {
        char oid[80];
        OBJ_obj2txt(oid, sizeof oid, sk_ASN1_OBJECT_value(purposes.get(), i), 1);
        for (const char *documents : kDocumentSigning)
            if (qstrcmp(oid, documents) == 0)
                return true;
    }
    return false;
}

// The signed signing-time attribute of the first signer, when it has one.
QDateTime signedTime(CMS_ContentInfo *info) {
    CMS_SignerInfo *si = firstSigner(info);
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
    bool mismatch = false;
    out.certificateBound = signer && bindsCertificate(info.get(), signer, &mismatch);
    sk_X509_free(signers);
    if (mismatch) {
        out.problem =
            tr("its signed signing-certificate attribute names another certificate "
               "than the one it carries");
        return out;
    }
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
    if (!forDocuments(cert.get()))
        return tr(
            "the signer's certificate is not for signing documents (its extended key "
            "usage allows neither emailProtection nor document signing)");
    const bool hasKeyUsage = (X509_get_extension_flags(cert.get()) & EXFLAG_KUSAGE) != 0;
    if (hasKeyUsage &&
        (X509_get_key_usage(cert.get()) & (KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION)) == 0)
        return tr(
            "the signer's certificate does not allow signing documents (its key usage "
            "has neither digitalSignature nor nonRepudiation)");
    return {};
}
}  // namespace CmsSignature
