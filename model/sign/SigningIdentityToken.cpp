// SigningIdentity::fromToken: a signing key on a PKCS#11 token (see Pkcs11Token.h).
#include "Pkcs11Session.h"
#include "SigningKeys.h"

#include <p11-kit/uri.h>

#include <QCoreApplication>
#include <algorithm>
#include <cstring>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("SigningIdentity", text);
}

struct UriFree {
    void operator()(P11KitUri *u) const { p11_kit_uri_free(u); }
};
using Uri = std::unique_ptr<P11KitUri, UriFree>;

// libp11 gives the token's fields as strings; p11-kit matches a URI against the fixed-width,
// space-padded fields of PKCS#11's CK_TOKEN_INFO.
void pad(unsigned char *field, size_t width, const char *text) {
    std::memset(field, ' ', width);
    if (text)
        std::copy_n(text, qMin(width, std::strlen(text)), field);  // fixed width, no NUL
}

bool tokenMatches(P11KitUri *uri, const PKCS11_TOKEN *token) {
    CK_TOKEN_INFO info{};
    pad(info.label, sizeof info.label, token->label);
    pad(info.manufacturerID, sizeof info.manufacturerID, token->manufacturer);
    pad(info.model, sizeof info.model, token->model);
    pad(info.serialNumber, sizeof info.serialNumber, token->serialnr);
    return p11_kit_uri_match_token_info(uri, &info) == 1;
}

PKCS11_SLOT *findSlot(const Pkcs11Session &session, P11KitUri *uri) {
    for (unsigned int i = 0; i < session.slotCount(); ++i)
        if (session.slot(i)->token && tokenMatches(uri, session.slot(i)->token))
            return session.slot(i);
    return nullptr;
}

// An attribute the URI names (the object's label or id) must be the certificate's.
bool attributeMatches(P11KitUri *uri, CK_ATTRIBUTE_TYPE type, const void *value, size_t size) {
    const CK_ATTRIBUTE *wanted = p11_kit_uri_get_attribute(uri, type);
    return !wanted || (wanted->ulValueLen == size &&
                       (size == 0 || std::memcmp(wanted->pValue, value, size) == 0));
}

// The certificate the URI names, and how many match it: a PIV card holds four, and a URI
// that names only the token must not pick one of them silently.
PKCS11_CERT *findCertificate(P11KitUri *uri, PKCS11_TOKEN *token, int *matches) {
    PKCS11_CERT *certs = nullptr;
    unsigned int count = 0;
    PKCS11_CERT *found = nullptr;
    *matches = 0;
    if (PKCS11_enumerate_certs(token, &certs, &count) != 0)
        return nullptr;
    for (unsigned int i = 0; i < count; ++i) {
        const char *label = certs[i].label ? certs[i].label : "";
        if (certs[i].x509 && attributeMatches(uri, CKA_LABEL, label, std::strlen(label)) &&
            attributeMatches(uri, CKA_ID, certs[i].id, certs[i].id_len)) {
            found = found ? found : &certs[i];
            ++*matches;
        }
    }
    return found;
}

QString wrongPin(const PKCS11_TOKEN *token, const QString &name) {
    if (token->userPinLocked)
        return tr("the PIN of %1 is locked after too many wrong tries; the card's issuer can "
                  "unlock it")
            .arg(name);
    if (token->userPinFinalTry)
        return tr("wrong PIN for %1: one try is left before the card locks").arg(name);
    if (token->userPinCountLow)
        return tr("wrong PIN for %1: few tries are left before the card locks").arg(name);
    return tr("wrong PIN for %1").arg(name);
}
}  // namespace

std::optional<SigningIdentity> SigningIdentity::fromToken(const QString &uriText,
                                                          const QByteArray &pin,
                                                          const QString &module, QString *error) {
    Uri uri(p11_kit_uri_new());
    const QByteArray text = uriText.toUtf8();
    if (!uri || p11_kit_uri_parse(text.constData(), P11KitUriType(P11_KIT_URI_FOR_ANY),
                                  uri.get()) != P11_KIT_URI_OK) {
        *error = tr("'%1' is not a pkcs11: URI (RFC 7512), e.g. "
                    "pkcs11:token=PIV;object=Digital%20Signature")
                     .arg(uriText);
        return std::nullopt;
    }
    if (p11_kit_uri_get_pin_value(uri.get())) {
        *error =
            tr("the URI holds a PIN: give the PIN when asked (or in DISCRETION_PIN), never "
               "in a URI that lands in settings and shell history");
        return std::nullopt;
    }
    // An empty PIN would still be tried by the card, and cost one of its few tries.
    if (pin.isEmpty()) {
        *error = tr("no PIN was given: type the card's PIN (nothing was sent to the card)");
        return std::nullopt;
    }
    const QString moduleUsed = module.isEmpty() ? QStringLiteral(DISCRETION_P11_PROXY) : module;
    const std::shared_ptr<Pkcs11Session> session = Pkcs11Session::open(moduleUsed, error);
    if (!session)
        return std::nullopt;
    PKCS11_SLOT *slot = findSlot(*session, uri.get());
    if (!slot) {
        *error = tr("no token matches %1: is the card in the reader?").arg(uriText);
        return std::nullopt;
    }
    PKCS11_TOKEN *token = slot->token;
    const QString name = tr("token \"%1\"").arg(pkcs11Text(token->label));
    if (token->userPinLocked || PKCS11_login(slot, 0, pin.constData()) != 0) {
        ERR_clear_error();
        // The tries left are what the token says after this failure, not before it: a new
        // session reads the token's state afresh.
        QString ignored;
        const std::shared_ptr<Pkcs11Session> after = Pkcs11Session::open(moduleUsed, &ignored);
        PKCS11_SLOT *now = after ? findSlot(*after, uri.get()) : nullptr;
        *error = wrongPin(now ? now->token : token, name);
        return std::nullopt;
    }
    int matches = 0;
    PKCS11_CERT *cert = findCertificate(uri.get(), token, &matches);
    if (!cert) {
        ERR_clear_error();
        *error = tr("%1 holds no certificate that matches %2").arg(name, uriText);
        return std::nullopt;
    }
    if (matches > 1) {
        *error = tr("%1 holds %2 certificates that match %3: name one with object=… (the list "
                    "of certificates shows each one's URI)")
                     .arg(name)
                     .arg(matches)
                     .arg(uriText);
        return std::nullopt;
    }
    PKCS11_KEY *key = PKCS11_find_key(cert);
    EVP_PKEY *pkey = key ? PKCS11_get_private_key(key) : nullptr;
    if (!pkey) {
        ERR_clear_error();
        *error = tr("%1 holds the certificate %2 but not its private key")
                     .arg(name, pkcs11Text(cert->label));
        return std::nullopt;
    }
    auto keys = std::make_unique<Keys>();
    keys->token = session;
    keys->key.reset(pkey);
    keys->cert.reset(X509_dup(cert->x509));
    keys->pinEverySignature =
        Pkcs11Session::alwaysAuthenticate(moduleUsed, slot, key).value_or(false);
    // Also when the flag could not be read: libp11 asks only for a key that wants it.
    session->answerPinPrompts(pin);
    // A certificate stored beside a key is not proof that it is that key's.
    if (!keys->cert || X509_check_private_key(keys->cert.get(), keys->key.get()) != 1) {
        ERR_clear_error();
        *error = tr("%1: the certificate %2 is not the certificate of the key beside it")
                     .arg(name, pkcs11Text(cert->label));
        return std::nullopt;
    }
    SigningIdentity identity(std::move(keys));
    if (!identity.isValidNow(name, error))
        return std::nullopt;
    return identity;
}

bool SigningIdentity::asksPinEverySignature() const {
    return m_keys->pinEverySignature;
}
