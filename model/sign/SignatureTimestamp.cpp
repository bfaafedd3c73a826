#include "SignatureTimestamp.h"

#include "OpenSsl.h"

#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/ts.h>
#include <QCoreApplication>

namespace SignatureTimestamp {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("SignatureTimestamp", text);
}

struct Free {
    void operator()(TS_REQ *p) const { TS_REQ_free(p); }
    void operator()(TS_RESP *p) const { TS_RESP_free(p); }
    void operator()(TS_MSG_IMPRINT *p) const { TS_MSG_IMPRINT_free(p); }
    void operator()(TS_VERIFY_CTX *p) const { TS_VERIFY_CTX_free(p); }
    void operator()(TS_TST_INFO *p) const { TS_TST_INFO_free(p); }
    void operator()(X509_ALGOR *p) const { X509_ALGOR_free(p); }
    void operator()(ASN1_INTEGER *p) const { ASN1_INTEGER_free(p); }
    void operator()(PKCS7 *p) const { PKCS7_free(p); }
    void operator()(BIGNUM *p) const { BN_free(p); }
    void operator()(X509_STORE *p) const { X509_STORE_free(p); }
};
template <typename T>
using Owned = std::unique_ptr<T, Free>;

template <typename T, typename Encode>
QByteArray derOf(const T *value, Encode encode) {
    unsigned char *der = nullptr;
    const int length = value ? encode(value, &der) : -1;
    QByteArray out(reinterpret_cast<const char *>(der), qMax(length, 0));
    OPENSSL_free(der);
    return out;
}

Owned<TS_REQ> requestFor(const QByteArray &signatureValue, const QByteArray &nonceDer) {
    const QByteArray digest = OpenSsl::sha256(signatureValue);
    Owned<TS_REQ> req(TS_REQ_new());
    Owned<TS_MSG_IMPRINT> imprint(TS_MSG_IMPRINT_new());
    Owned<X509_ALGOR> algorithm(X509_ALGOR_new());
    const auto *p = reinterpret_cast<const unsigned char *>(nonceDer.constData());
    Owned<ASN1_INTEGER> nonce(d2i_ASN1_INTEGER(nullptr, &p, long(nonceDer.size())));
    const bool ok =
        req && imprint && algorithm && nonce && !digest.isEmpty() &&
        X509_ALGOR_set0(algorithm.get(), OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nullptr) == 1 &&
        TS_MSG_IMPRINT_set_algo(imprint.get(), algorithm.get()) == 1 &&
        TS_MSG_IMPRINT_set_msg(imprint.get(),
                               reinterpret_cast<unsigned char *>(const_cast<char *>(digest.data())),
                               int(digest.size())) == 1 &&
        TS_REQ_set_version(req.get(), 1) == 1 &&
        TS_REQ_set_msg_imprint(req.get(), imprint.get()) == 1 &&
        TS_REQ_set_nonce(req.get(), nonce.get()) == 1 && TS_REQ_set_cert_req(req.get(), 1) == 1;
    return ok ? std::move(req) : nullptr;
}

QByteArray randomNonce() {
    Owned<BIGNUM> n(BN_new());
    if (!n || BN_rand(n.get(), 64, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1)
        return {};
    Owned<ASN1_INTEGER> nonce(BN_to_ASN1_INTEGER(n.get(), nullptr));
    return derOf(nonce.get(), i2d_ASN1_INTEGER);
}

// A store that accepts exactly the token's own certificates as of `at`: it tests that the
// token is signed by a certificate for timestamping, not whom to trust (TrustStore does).
Owned<X509_STORE> selfStore(PKCS7 *token, const QDateTime &at) {
    Owned<X509_STORE> store(X509_STORE_new());
    STACK_OF(X509) *certs = token->d.sign ? token->d.sign->cert : nullptr;
    for (int i = 0; store && i < sk_X509_num(certs); ++i)
        X509_STORE_add_cert(store.get(), sk_X509_value(certs, i));
    if (store) {
        X509_VERIFY_PARAM *param = X509_STORE_get0_param(store.get());
        X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_PARTIAL_CHAIN);
        X509_VERIFY_PARAM_set_time(param, time_t(at.toSecsSinceEpoch()));
    }
    return store;
}

// One signature-time-stamp attribute with one value: Discretion writes one, and a second
// added in the unsigned part could stand in front of the first.
bool single(CMS_SignerInfo *si) {
    const int first = CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, -1);
    return first >= 0 &&
           CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, first) < 0 &&
           X509_ATTRIBUTE_count(CMS_unsigned_get_attr(si, first)) == 1;
}

bool strongImprint(TS_TST_INFO *info) {
    const X509_ALGOR *algorithm = TS_MSG_IMPRINT_get_algo(TS_TST_INFO_get_msg_imprint(info));
    const ASN1_OBJECT *oid = nullptr;
    X509_ALGOR_get0(&oid, nullptr, nullptr, algorithm);
    const int nid = oid ? OBJ_obj2nid(oid) : NID_undef;
    return nid == NID_sha256 || nid == NID_sha384 || nid == NID_sha512;
}

CMS_SignerInfo *firstSigner(CMS_ContentInfo *cms) {
    STACK_OF(CMS_SignerInfo) *signers = cms ? CMS_get0_SignerInfos(cms) : nullptr;
    return signers && sk_CMS_SignerInfo_num(signers) > 0 ? sk_CMS_SignerInfo_value(signers, 0)
                                                         : nullptr;
}

OpenSsl::Owned<CMS_ContentInfo> parse(const QByteArray &cms) {
    const auto *p = reinterpret_cast<const unsigned char *>(cms.constData());
    OpenSsl::Owned<CMS_ContentInfo> info(d2i_CMS_ContentInfo(nullptr, &p, long(cms.size())));
    ERR_clear_error();
    return info;
}

// The token of the first signer's signature-time-stamp attribute, when there is one.
Owned<PKCS7> tokenIn(CMS_SignerInfo *si, bool *present) {
    const int at = CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, -1);
    *present = at >= 0;
    X509_ATTRIBUTE *attribute = *present ? CMS_unsigned_get_attr(si, at) : nullptr;
    ASN1_TYPE *value = attribute ? X509_ATTRIBUTE_get0_type(attribute, 0) : nullptr;
    if (!value || value->type != V_ASN1_SEQUENCE)
        return nullptr;
    const unsigned char *p = value->value.sequence->data;
    Owned<PKCS7> token(d2i_PKCS7(nullptr, &p, value->value.sequence->length));
    ERR_clear_error();
    return token;
}

// The token covers exactly this signature value, and is signed by a timestamping
// certificate valid at its own time; returns the problem or empty.
QString tokenProblem(PKCS7 *token, const QByteArray &signatureValue, const QDateTime &time,
                     X509 **signer) {
    Owned<TS_VERIFY_CTX> ctx(TS_VERIFY_CTX_new());
    BIO *data = BIO_new_mem_buf(signatureValue.constData(), int(signatureValue.size()));
    if (!ctx || !data) {
        BIO_free(data);
        return OpenSsl::lastError();
    }
    TS_VERIFY_CTX_set_flags(ctx.get(), TS_VFY_VERSION | TS_VFY_DATA);
    TS_VERIFY_CTX_set_data(ctx.get(), data);  // ctx owns it
    if (TS_RESP_verify_token(ctx.get(), token) != 1)
        return tr("it does not cover this signature (%1)").arg(OpenSsl::lastError());
    Owned<X509_STORE> store = selfStore(token, time);
    if (!store || TS_RESP_verify_signature(token, nullptr, store.get(), signer) != 1)
        return tr("its own signature does not hold (%1)").arg(OpenSsl::lastError());
    return {};
}
}  // namespace

Request request(const QByteArray &signatureValue) {
    Request out;
    out.imprintOf = signatureValue;
    out.nonce = randomNonce();
    Owned<TS_REQ> req = requestFor(signatureValue, out.nonce);
    out.der = derOf(req.get(), i2d_TS_REQ);
    ERR_clear_error();
    return out;
}

QByteArray tokenFrom(const QByteArray &reply, const Request &request, QString *error) {
    const auto *p = reinterpret_cast<const unsigned char *>(reply.constData());
    Owned<TS_RESP> response(d2i_TS_RESP(nullptr, &p, long(reply.size())));
    Owned<TS_REQ> req = requestFor(request.imprintOf, request.nonce);
    Owned<TS_VERIFY_CTX> ctx(req ? TS_REQ_to_TS_VERIFY_CTX(req.get(), nullptr) : nullptr);
    if (!response) {
        ERR_clear_error();
        *error = tr("the time-stamp authority's reply is not an RFC 3161 response");
        return {};
    }
    // Granted, version 1, the same imprint and nonce as asked (the token's signature is
    // checked below, against its own certificate).
    if (ctx)
        TS_VERIFY_CTX_set_flags(ctx.get(), TS_VFY_VERSION | TS_VFY_IMPRINT | TS_VFY_NONCE);
    if (!ctx || TS_RESP_verify_response(ctx.get(), response.get()) != 1) {
        *error = tr("the time-stamp authority's reply was refused: %1").arg(OpenSsl::lastError());
        return {};
    }
    PKCS7 *token = TS_RESP_get_token(response.get());
    Owned<TS_TST_INFO> info(token ? PKCS7_to_TS_TST_INFO(token) : nullptr);
    const QDateTime time =
        info ? OpenSsl::toDateTime(TS_TST_INFO_get_time(info.get())) : QDateTime();
    X509 *signer = nullptr;
    const QString problem = token ? tokenProblem(token, request.imprintOf, time, &signer)
                                  : tr("the reply holds no token");
    X509_free(signer);
    if (!problem.isEmpty()) {
        *error = tr("the time-stamp authority's token was refused: %1").arg(problem);
        return {};
    }
    return derOf(token, i2d_PKCS7);
}

QByteArray signatureValueOf(const QByteArray &cms) {
    OpenSsl::Owned<CMS_ContentInfo> info = parse(cms);
    CMS_SignerInfo *si = firstSigner(info.get());
    ASN1_OCTET_STRING *value = si ? CMS_SignerInfo_get0_signature(si) : nullptr;
    return value ? QByteArray(reinterpret_cast<const char *>(ASN1_STRING_get0_data(value)),
                              ASN1_STRING_length(value))
                 : QByteArray();
}

QByteArray withToken(const QByteArray &cms, const QByteArray &token, QString *error) {
    OpenSsl::Owned<CMS_ContentInfo> info = parse(cms);
    CMS_SignerInfo *si = firstSigner(info.get());
    if (!si || CMS_unsigned_add1_attr_by_NID(si, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE,
                                             token.constData(), int(token.size())) != 1) {
        *error = tr("could not add the timestamp to the signature: %1").arg(OpenSsl::lastError());
        return {};
    }
    return derOf(info.get(), i2d_CMS_ContentInfo);
}

namespace {
// The time, imprint strength, coverage and signature of a token, into out.
void judgeToken(PKCS7 *token, const QByteArray &covered, bool alone, Check &out) {
    Owned<TS_TST_INFO> tst(token ? PKCS7_to_TS_TST_INFO(token) : nullptr);
    ERR_clear_error();
    if (!tst) {
        out.problem = tr("its timestamp is not an RFC 3161 token");
        return;
    }
    out.time = OpenSsl::toDateTime(TS_TST_INFO_get_time(tst.get()));
    X509 *signer = nullptr;
    out.problem = !out.time.isValid() ? tr("its time cannot be read")
                  : !alone            ? tr("there is more than one")
                  : !strongImprint(tst.get())
                      ? tr("its imprint uses a weak digest (SHA-256 or stronger is required)")
                      : tokenProblem(token, covered, out.time, &signer);
    if (signer) {
        out.authority = OpenSsl::nameOf(signer);
        out.authorityCertificate = OpenSsl::der(signer);
        X509_free(signer);
    }
    if (!out.problem.isEmpty())
        out.problem = tr("its timestamp is not valid: %1").arg(out.problem);
    out.valid = out.problem.isEmpty() && out.time.isValid();
}
}  // namespace

Check checkDocument(const QByteArray &token, const QByteArray &covered) {
    Check out;
    out.present = true;
    const auto *p = reinterpret_cast<const unsigned char *>(token.constData());
    Owned<PKCS7> parsed(d2i_PKCS7(nullptr, &p, long(token.size())));
    ERR_clear_error();
    judgeToken(parsed.get(), covered, true, out);
    return out;
}

Check check(const QByteArray &cms) {
    Check out;
    OpenSsl::Owned<CMS_ContentInfo> info = parse(cms);
    CMS_SignerInfo *si = firstSigner(info.get());
    if (!si)
        return out;
    Owned<PKCS7> token = tokenIn(si, &out.present);
    if (!out.present)
        return out;
    judgeToken(token.get(), signatureValueOf(cms), single(si), out);
    return out;
}
}  // namespace SignatureTimestamp
