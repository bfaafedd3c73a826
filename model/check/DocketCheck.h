#pragma once

#include "audit/AuditLog.h"

#include <QStringList>

class CaseStore;

// Everything `discretion check` and File › Verify Audit Log look at, in one place: SQLite's
// integrity check, the whole audit chain, every signed record and kept policy text, and
// the schema against what the migrations make.
struct DocketCheck {
    QStringList integrity;  // SQLite's findings; empty when sound
    AuditVerification audit;
    QStringList records;  // signed records and policy texts that no longer hold
    QStringList schema;   // tables, indexes and triggers missing, added or changed

    static DocketCheck run(CaseStore &store);
    bool ok() const;
    // One line per problem, for a message box.
    QStringList problems() const;
};
