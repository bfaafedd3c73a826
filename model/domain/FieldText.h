#pragma once

#include "CaseFields.h"

#include <QDate>
#include <QSet>
#include <QString>

// Turns text typed by a person or read from a file into a checked field value.
// The same rules serve the CSV and JSON importers and the case editor.
namespace FieldText {
// Accepts ISO 2024-03-15 or US 03/15/2024 (month and day may have one digit).
// Returns an invalid date and sets *error when the text is neither or names a day
// that does not exist. Empty text gives an invalid date and no error.
QDate parseDate(QStringView text, QString *error);
// yyyy-MM-dd, or empty for an invalid date. QDate::toString goes through a printf
// and costs more than the rest of an import row put together.
QString isoDate(const QDate &date);
// The same as ASCII into out[0..9], for a date in years 1 to 9999 (false otherwise): one
// calendar conversion, where year(), month() and day() make one each.
bool isoDateDigits(const QDate &date, char out[10]);

struct Parsed {
    QString value;  // normalised: ISO date, nine-digit A-number, upper-case court
    QString error;  // empty when the value is acceptable
    bool ok() const { return error.isEmpty(); }
};

// The longest text a field holds (a page of notes is about 3,000 characters): a 10 MB
// field in a file is a mistake, refused with the row and field named.
constexpr qsizetype kMaxFieldLength = 20000;

// Checks and normalises raw text for one field. courts is the set of known court codes.
Parsed parse(const CaseField &field, const QString &raw, const QSet<QString> &courts);
}  // namespace FieldText
