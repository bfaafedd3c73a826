#pragma once

#include "domain/Case.h"

#include <QJsonObject>

// What the audit log records about a case change: for a new case its values, for an
// edit every field whose value changed with its old and new value (the lists of charges,
// family and relief as wholes), for a deletion what the case was.
namespace CaseChanges {
QJsonObject created(const Case &c);
QJsonObject edited(const Case &before, const Case &after);  // {"changes": {...}}
QJsonObject deleted(const Case &c);
bool any(const QJsonObject &edit);
}  // namespace CaseChanges
