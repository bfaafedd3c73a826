#include "SigningIdentity.h"

#include "OpenSsl.h"
#include "SigningKeys.h"

#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <QCoreApplication>

// PAdES B-B leaves the signing-time attribute out, and OpenSSL 3.0's CMS_final always adds
// one when it signs. So OpenSSL builds the SignerInfo (algorithms, certificate, ESS
// signing-certificate-v2) and this file asks it for the two required attributes and the
// signature over their DER encoding, the steps RFC 5652 section 5.4 describes, each done by
// an OpenSSL call: nothing cryptographic or DER-shaped is written by hand.
namespace {
using OpenSsl::Owned;

QString tr(const char *text) {
    return QCoreApplication::translate("SigningIdentity", text);
}

struct TypeStack {
    void operator()(STACK_OF(ASN1_TYPE) * p) const { sk_ASN1_TYPE_pop_free(p, ASN1_TYPE_free); }
};
struct StringFree {
    void operator()(ASN1_STRING *p) const { ASN1_STRING_free(p); }
};

// The signed attributes as RFC 5652 signs them: a DER SET OF (sorted by encoding, which
// OpenSSL's SET OF encoder does), tagged as a universal SET.
QByteArray signedAttributesDer(CMS_SignerInfo *si) {
    std::unique_ptr<STACK_OF(ASN1_TYPE), TypeStack> set(sk_ASN1_TYPE_new_null());
    for (int i = 0; set && i < CMS_signed_get_attr_count(si); ++i) {
        unsigned char *der = nullptr;
        const int length = i2d_X509_ATTRIBUTE(CMS_signed_get_attr(si, i), &der);
        std::unique_ptr<ASN1_STRING, StringFree> sequence(
            length > 0 ? ASN1_STRING_type_new(V_ASN1_SEQUENCE) : nullptr);
        const bool ok = sequence && ASN1_STRING_set(sequence.get(), der, length) == 1;
        OPENSSL_free(der);
        ASN1_TYPE *item = ok ? ASN1_TYPE_new() : nullptr;
        if (!item)
            return {};
        ASN1_TYPE_set(item, V_ASN1_SEQUENCE, sequence.release());
        sk_ASN1_TYPE_push(set.get(), item);
    }
    unsigned char *der = nullptr;
    const int length = set ? i2d_ASN1_SET_ANY(set.get(), &der) : -1;
    QByteArray out(reinterpret_cast<const char *>(der), qMax(length, 0));
    OPENSSL_free(der);
    return out;
}

bool addRequiredAttributes(CMS_SignerInfo *si, const QByteArray &data) {
    const QByteArray digest = OpenSsl::sha256(data);
    return !digest.isEmpty() &&
           CMS_signed_add1_attr_by_NID(si, NID_pkcs9_contentType, V_ASN1_OBJECT,
                                       OBJ_nid2obj(NID_pkcs7_data), -1) == 1 &&
           CMS_signed_add1_attr_by_NID(si, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING,
                                       digest.constData(), int(digest.size())) == 1;
}

// CMS_dataInit sets the SignedData and SignerInfo versions, as CMS_final would.
bool setVersions(CMS_ContentInfo *cms) {
    BIO *chain = CMS_dataInit(cms, nullptr);
    BIO_free_all(chain);
    return chain != nullptr;
}

QByteArray encode(CMS_ContentInfo *cms) {
    unsigned char *der = nullptr;
    const int length = i2d_CMS_ContentInfo(cms, &der);
    QByteArray out(reinterpret_cast<const char *>(der), qMax(length, 0));
    OPENSSL_free(der);
    return out;
}
}  // namespace

QByteArray SigningIdentity::cadesDetached(const QByteArray &data, QString *error) const {
    // CMS_CADES adds the ESS signing-certificate-v2 attribute (RFC 5035): the certificate's
    // SHA-256, signed, so it cannot be swapped for another with the same key.
    const unsigned int flags = CMS_DETACHED | CMS_BINARY | CMS_NOSMIMECAP | CMS_PARTIAL | CMS_CADES;
    Owned<CMS_ContentInfo> cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, flags));
    CMS_SignerInfo *si =
        cms ? CMS_add1_signer(cms.get(), m_keys->cert.get(), m_keys->key.get(), EVP_sha256(), flags)
            : nullptr;
    const bool built =
        si && CMS_set_detached(cms.get(), 1) == 1 &&
        CMS_signed_get_attr_by_NID(si, NID_id_smime_aa_signingCertificateV2, -1) >= 0 &&
        addRequiredAttributes(si, data) && setVersions(cms.get());
    const QByteArray attributes = built ? signedAttributesDer(si) : QByteArray();
    QString problem;
    const QByteArray signature = attributes.isEmpty() ? QByteArray() : sign(attributes, &problem);
    ASN1_OCTET_STRING *value = si ? CMS_SignerInfo_get0_signature(si) : nullptr;
    if (signature.isEmpty() || !value ||
        ASN1_OCTET_STRING_set(value, reinterpret_cast<const unsigned char *>(signature.constData()),
                              int(signature.size())) != 1) {
        *error = tr("could not make the PDF signature: %1")
                     .arg(problem.isEmpty() ? OpenSsl::lastError() : problem);
        return {};
    }
    return encode(cms.get());
}
