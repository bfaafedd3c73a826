#pragma once

#include "audit/AuditLog.h"

#include <QStringList>

class CaseStore;
class TrustStore;

// Everything `discretion check` and File › Verify Audit Log look at, in one place: SQLite's
// integrity check, the whole audit chain, every signed record and kept policy text, and
// the schema against what the migrations make.
struct DocketCheck {
    QStringList integrity;  // SQLite's findings; empty when sound
    AuditVerification audit;
    QStringList records;  // signed records and policy texts that no longer hold
    QStringList schema;   // tables, indexes and triggers missing, added or changed
    // Signatures whose certificate the trust store does not accept at the signing time
    // (checked only with a trust store), or that differ from the certificate of the same
    // signer's first signature (always).
    QStringList signers;
    // Good signatures whose certificate has expired (or was found revoked) since: valid when
    // signed, but the docket holds no timestamp to prove when. A note, not a failure: the
    // exported PDF's trusted timestamp is what proves the time.
    QStringList sinceExpired;

    static DocketCheck run(CaseStore &store, const TrustStore *trust = nullptr);
    bool ok() const;
    // One line per problem, for a message box.
    QStringList problems() const;
};
