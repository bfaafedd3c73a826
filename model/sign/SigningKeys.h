#pragma once

#include "OpenSsl.h"
#include "SigningIdentity.h"

#include <memory>

// What a SigningIdentity holds. Internal to model/sign: SigningIdentity.cpp makes it from
// a PKCS#12 file, SigningIdentityToken.cpp from a PKCS#11 token.
struct SigningIdentity::Keys {
    // First, so that it goes last: a token's key needs its module loaded until it is freed.
    std::shared_ptr<void> token;
    OpenSsl::Owned<EVP_PKEY> key;
    OpenSsl::Owned<X509> cert;
    // The token asks for its PIN before every signature (CKA_ALWAYS_AUTHENTICATE); libp11
    // gives it the PIN it logged in with, so the attorney still types it once.
    bool pinEverySignature = false;
};
