#pragma once

#include <libp11.h>

#include <QByteArray>
#include <QString>
#include <memory>
#include <optional>

// A loaded PKCS#11 module and its slots, freed in the order libp11 needs. A key taken from
// a token holds a shared pointer to its session, so the module stays loaded while the key
// can still sign. Internal to model/sign.
class Pkcs11Session {
  public:
    static std::shared_ptr<Pkcs11Session> open(const QString &module, QString *error);
    ~Pkcs11Session();
    Pkcs11Session(const Pkcs11Session &) = delete;
    Pkcs11Session &operator=(const Pkcs11Session &) = delete;

    unsigned int slotCount() const { return m_count; }

    PKCS11_SLOT *slot(unsigned int i) const { return m_slots + i; }
    // Answers libp11's prompts for the PIN (before each use of a key that wants it every
    // time) with this PIN, held until the session ends and then overwritten.
    void answerPinPrompts(const QByteArray &pin);
    // Whether the token asks for the PIN again before every use of the key
    // (CKA_ALWAYS_AUTHENTICATE: a PIV card's Digital Signature key), read through the module
    // libp11 loaded from `module` after the PIN was accepted; nullopt when it cannot tell.
    static std::optional<bool> alwaysAuthenticate(const QString &module, PKCS11_SLOT *slot,
                                                  const PKCS11_KEY *key);

  private:
    Pkcs11Session() = default;
    PKCS11_CTX *m_ctx = nullptr;
    PKCS11_SLOT *m_slots = nullptr;
    unsigned int m_count = 0;
    bool m_loaded = false;
    UI_METHOD *m_pinPrompt = nullptr;
    std::unique_ptr<QByteArray> m_pin;
};

// Text from a libp11 field (may be null), without the padding tokens add.
QString pkcs11Text(const char *text);
