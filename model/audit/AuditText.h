#pragma once

#include "AuditLog.h"

// An audit entry said in a line a person reads: "Edited nationality: Guatemala → Honduras",
// "Signed by A. Attorney (record 1a2b…)". For the History tab and the audit viewer.
namespace AuditText {
QString describe(const AuditEntry &entry);
}
