#pragma once

#include "AuditLog.h"

// An audit entry said in a line a person reads: "Edited nationality: Guatemala → Honduras",
// "Signed by A. Attorney (record 1a2b…)". For the History tab and the audit viewer.
namespace AuditText {
QString describe(const AuditEntry &entry);

// One line of a case's History: an entry, or a run of draft saves of one review version
// by one person with nothing between them (the wizard saves at each step; the attorney
// saved one draft). `entries` are the run, newest first.
struct HistoryLine {
    QString text;
    QList<AuditEntry> entries;
};
// entries newest first, as AuditLog::entriesFor returns them.
QList<HistoryLine> history(const QList<AuditEntry> &entries);
}  // namespace AuditText
