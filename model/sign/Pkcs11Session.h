#pragma once

#include <libp11.h>

#include <QByteArray>
#include <QString>
#include <memory>

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

  private:
    Pkcs11Session() = default;
    PKCS11_CTX *m_ctx = nullptr;
    PKCS11_SLOT *m_slots = nullptr;
    unsigned int m_count = 0;
    bool m_loaded = false;
};

// Text from a libp11 field (may be null), without the padding tokens add.
QString pkcs11Text(const char *text);
