#pragma once

#include "domain/Case.h"

#include <QJsonObject>
#include <QSet>
#include <QString>

// A whole case record as JSON (one line of a JSON Lines file): every scalar field
// under its column name, plus "charges", "family" and "relief" arrays.
namespace CaseJson {
QJsonObject toJson(const Case &c);

struct Parsed {
    Case value;
    QString field;  // the path at fault, e.g. "charges[2].disposition"
    QString error;  // empty when the object is a valid case
};
// Reads and checks an object with the same rules as the CSV import and the editor.
Parsed fromJson(const QJsonObject &object, const QSet<QString> &courts);
}  // namespace CaseJson
