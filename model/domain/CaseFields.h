#pragma once

#include "Case.h"

#include <QStringList>
#include <variant>

class CodeSet;

enum class FieldKind { Text, Date, Code, ANumber, Court };

// Describes one scalar field of Case: its column name (the same in CSV, JSON and SQL),
// the label people see, how its text is checked, and where it lives in Case.
struct CaseField {
    QString key;
    QString label;
    FieldKind kind;
    std::variant<QString Case::*, QDate Case::*> member;
    const CodeSet *codes = nullptr;  // for FieldKind::Code
    bool required = false;
};

namespace CaseFields {
// Every scalar field that a person enters, in the order of the CSV columns.
const QList<CaseField> &all();
// nullptr when key names no field (keys are matched case-insensitively).
const CaseField *find(const QString &key);
QStringList keys();

// Text form of a field: dates as ISO yyyy-MM-dd, empty when missing.
QString text(const Case &c, const CaseField &field);
// Sets the field from text already checked (dates in ISO form, A-number as 9 digits).
void setText(Case &c, const CaseField &field, const QString &value);
}  // namespace CaseFields
