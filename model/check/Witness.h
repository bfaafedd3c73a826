#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

class CaseStore;
class TrustStore;

// An outside witness of a docket's history: a copy of the audit head (an entry's sequence
// number and hash) kept somewhere an attacker with the docket does not control. A backup
// is one (its newest entry), and so is a signed disposition PDF (the head when its record
// was signed, carried in its signed bytes). The live chain must still hold each witnessed
// head at its place: a rewrite or a truncation before it breaks that, even when the
// rewritten chain was recomputed so that it verifies on its own.
struct Witness {
    QString source;   // the file it came from
    qint64 seq = 0;   // 0 when the witness gives only the hash (a PDF)
    QByteArray hash;  // 32 bytes
    QString signer;   // who signed the PDF that carries it; empty for a backup
    // Why the trust store does not accept that signer; such a witness proves nothing.
    QString untrusted;

    // A backup docket or a signed disposition PDF; nullopt with the reason otherwise.
    // With a trust store, a PDF is a witness only if a trusted signer signed it (anyone
    // can make a PDF claiming some head; only the attorney's key vouches for it): otherwise
    // `untrusted` says why.
    static std::optional<Witness> read(const QString &path, QString *error,
                                       const TrustStore *trust = nullptr);
    // Empty when the docket's chain holds this head; otherwise what is wrong.
    QString problemIn(CaseStore &store) const;
};
