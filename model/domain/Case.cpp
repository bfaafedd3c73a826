#include "Case.h"

#include "CaseFields.h"
#include "Codes.h"
#include "FieldText.h"

#include <QCoreApplication>

QString Case::displayName() const {
    if (givenNames.isEmpty())
        return familyName;
    return familyName + QStringLiteral(", ") + givenNames;
}

namespace CaseFields {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("CaseFields", text);
}

QList<CaseField> makeFields() {
    using K = FieldKind;
    return {
        {"a_number", tr("A-number"), K::ANumber, &Case::aNumber, nullptr, true},
        {"family_name", tr("Family name"), K::Text, &Case::familyName, nullptr, true},
        {"given_names", tr("Given names"), K::Text, &Case::givenNames},
        {"date_of_birth", tr("Date of birth"), K::Date, &Case::dateOfBirth},
        {"nationality", tr("Nationality"), K::Text, &Case::nationality},
        {"language", tr("Language"), K::Text, &Case::language},
        {"court", tr("Court"), K::Court, &Case::court},
        {"case_type", tr("Case type"), K::Code, &Case::caseType, &Codes::caseTypes()},
        {"custody", tr("Custody"), K::Code, &Case::custody, &Codes::custody()},
        {"nta_date", tr("NTA date"), K::Date, &Case::ntaDate},
        {"next_hearing_date", tr("Next hearing"), K::Date, &Case::nextHearingDate},
        {"next_hearing_type", tr("Hearing type"), K::Code, &Case::nextHearingType,
         &Codes::hearingTypes()},
        {"entry_date", tr("Entry date"), K::Date, &Case::entryDate},
        {"entry_manner", tr("Manner of entry"), K::Code, &Case::entryManner,
         &Codes::entryManners()},
        {"first_presence_date", tr("First present in US"), K::Date, &Case::firstPresenceDate},
        {"apprehension_date", tr("Apprehension date"), K::Date, &Case::apprehensionDate},
        {"apprehension_place", tr("Apprehension place"), K::Text, &Case::apprehensionPlace},
        {"counsel_name", tr("Counsel"), K::Text, &Case::counselName},
        {"counsel_bar_number", tr("Counsel bar number"), K::Text, &Case::counselBarNumber},
        {"eoir28_date", tr("EOIR-28 filed"), K::Date, &Case::eoir28Date},
        {"military_service", tr("Military or public service"), K::Text, &Case::militaryService},
        {"health_notes", tr("Health"), K::Text, &Case::healthNotes},
        {"victim_witness_notes", tr("Victim or witness"), K::Text, &Case::victimWitnessNotes},
        {"notes", tr("Notes"), K::Text, &Case::notes},
        {"no_criminal_history_checked_on", tr("Criminal records checked, none found"), K::Date,
         &Case::noCriminalHistoryCheckedOn},
        {"no_us_family_checked_on", tr("Family in the US checked, none found"), K::Date,
         &Case::noUsFamilyCheckedOn},
    };
}
}  // namespace

const QList<CaseField> &all() {
    static const QList<CaseField> fields = makeFields();
    return fields;
}

const CaseField *find(const QString &key) {
    const QString k = key.trimmed().toLower();
    for (const CaseField &f : all())
        if (f.key == k)
            return &f;
    return nullptr;
}

QStringList keys() {
    QStringList out;
    for (const CaseField &f : all())
        out << f.key;
    return out;
}

QString text(const Case &c, const CaseField &field) {
    if (auto m = std::get_if<QString Case::*>(&field.member))
        return c.**m;
    return FieldText::isoDate(c.*std::get<QDate Case::*>(field.member));
}

void setText(Case &c, const CaseField &field, const QString &value) {
    if (auto m = std::get_if<QString Case::*>(&field.member))
        c.**m = value;
    else
        c.*std::get<QDate Case::*>(field.member) = FieldText::parseDate(value, nullptr);
}
}  // namespace CaseFields
