#pragma once

#include "Case.h"

#include <QJsonObject>
#include <QStringList>

// A case's facts as plain JSON: every scalar field under its column name (ISO dates,
// empty when missing) and the lists of charges, family and relief. The same form is
// exported in JSON Lines, kept in a review record (so a signed disposition names the
// person and facts it was signed on, whatever the live case later says) and compared
// field by field for the audit log. The review status is not a fact of the case.
namespace CaseSnapshot {
QJsonObject toJson(const Case &c);
// Reads what toJson wrote, without judging it: a record is printed as it was signed even
// if the rules for new cases have changed since.
Case fromJson(const QJsonObject &o);
// One line per fact that differs, "Family name: 'Ruiz' → 'Diaz'", lists as wholes
// ("Charges: changed"); empty when the two agree.
QStringList differences(const Case &before, const Case &after);
}  // namespace CaseSnapshot
