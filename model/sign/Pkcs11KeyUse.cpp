// What a key on a token needs at each use: Pkcs11Session::alwaysAuthenticate reads the one
// attribute libp11 does not show; answerPinPrompts gives the PIN when libp11 asks for it.
#include "Pkcs11Session.h"

#include <dlfcn.h>
#include <openssl/crypto.h>
#include <openssl/ui.h>
#include <p11-kit/pkcs11.h>

#include <memory>

namespace {
struct ModuleHandle {
    void operator()(void *handle) const { dlclose(handle); }
};

// The function list of the module libp11 already loaded: RTLD_NOLOAD never loads a second
// copy, so the module's login state (per process in PKCS#11) is the one libp11's PIN set.
CK_FUNCTION_LIST_PTR loadedModule(const QString &module, std::unique_ptr<void, ModuleHandle> &h) {
    h.reset(dlopen(module.toLocal8Bit().constData(), RTLD_NOW | RTLD_NOLOAD));
    if (!h)
        return nullptr;
    auto *get = reinterpret_cast<CK_C_GetFunctionList>(dlsym(h.get(), "C_GetFunctionList"));
    CK_FUNCTION_LIST_PTR functions = nullptr;
    return get && get(&functions) == CKR_OK ? functions : nullptr;
}

std::optional<bool> readFlag(CK_FUNCTION_LIST_PTR f, CK_SESSION_HANDLE session,
                             const PKCS11_KEY *key) {
    CK_OBJECT_CLASS privateKey = CKO_PRIVATE_KEY;
    CK_ATTRIBUTE match[] = {{CKA_CLASS, &privateKey, sizeof privateKey},
                            {CKA_ID, key->id, key->id_len}};
    CK_OBJECT_HANDLE object = 0;
    CK_ULONG found = 0;
    if (f->C_FindObjectsInit(session, match, 2) != CKR_OK)
        return std::nullopt;
    const CK_RV rv = f->C_FindObjects(session, &object, 1, &found);
    f->C_FindObjectsFinal(session);
    if (rv != CKR_OK || found != 1)
        return std::nullopt;
    CK_BBOOL always = CK_FALSE;
    CK_ATTRIBUTE wanted = {CKA_ALWAYS_AUTHENTICATE, &always, sizeof always};
    if (f->C_GetAttributeValue(session, object, &wanted, 1) != CKR_OK)
        return std::nullopt;
    return always == CK_TRUE;
}
// libp11 asks for a key's PIN through an OpenSSL UI before each use of a key that wants it
// every time; this reader answers with the PIN the attorney already typed, never a terminal.
int answerPin(UI *ui, UI_STRING *prompt) {
    const auto *pin = static_cast<const QByteArray *>(UI_get0_user_data(ui));
    const UI_string_types type = UI_get_string_type(prompt);
    if (type != UIT_PROMPT && type != UIT_VERIFY)
        return 1;  // an info or error line: nothing to answer
    return pin && UI_set_result(ui, prompt, pin->constData()) >= 0 ? 1 : 0;
}
}  // namespace

void Pkcs11Session::answerPinPrompts(const QByteArray &pin) {
    if (!m_pinPrompt) {
        m_pinPrompt = UI_create_method("Discretion PIN");
        UI_method_set_reader(m_pinPrompt, answerPin);
    }
    if (m_pin)
        OPENSSL_cleanse(m_pin->data(), size_t(m_pin->size()));
    m_pin = std::make_unique<QByteArray>(pin.constData(), pin.size());  // a copy of its own
    PKCS11_set_ui_method(m_ctx, m_pinPrompt, m_pin.get());
}

std::optional<bool> Pkcs11Session::alwaysAuthenticate(const QString &module, PKCS11_SLOT *slot,
                                                      const PKCS11_KEY *key) {
    std::unique_ptr<void, ModuleHandle> handle;
    CK_FUNCTION_LIST_PTR f = loadedModule(module, handle);
    if (!f)
        return std::nullopt;
    const CK_SLOT_ID slotId = PKCS11_get_slotid_from_slot(slot);
    CK_SESSION_HANDLE session = 0;
    CK_RV rv = f->C_OpenSession(slotId, CKF_SERIAL_SESSION, nullptr, nullptr, &session);
    // p11-kit's proxy gives each caller a list of its own, to initialise and finalise; the
    // modules behind it, and their login state, are shared. A plain module's list is the one
    // libp11 initialised, and must not be finalised under it.
    const bool ownInstance =
        rv == CKR_CRYPTOKI_NOT_INITIALIZED && f->C_Initialize(nullptr) == CKR_OK;
    if (ownInstance)
        rv = f->C_OpenSession(slotId, CKF_SERIAL_SESSION, nullptr, nullptr, &session);
    std::optional<bool> flag;
    if (rv == CKR_OK) {
        flag = readFlag(f, session, key);
        f->C_CloseSession(session);
    }
    if (ownInstance)
        f->C_Finalize(nullptr);
    return flag;
}
