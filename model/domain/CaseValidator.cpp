#include "CaseValidator.h"

#include "ANumber.h"
#include "CaseFields.h"
#include "Codes.h"
#include "RecordText.h"

#include <QCoreApplication>
#include <algorithm>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("CaseValidator", text);
}

const QDate kEarliest(1900, 1, 1);

// The dates that must lie between 1900 and today; a label is translated only when its
// date is wrong (an import checks these on every row).
struct PastDate {
    QDate Case::*member;
    QString field;
    const char *label;
};
const PastDate kPastDates[] = {
    {&Case::dateOfBirth, QStringLiteral("date_of_birth"),
     QT_TRANSLATE_NOOP("CaseValidator", "the date of birth")},
    {&Case::ntaDate, QStringLiteral("nta_date"),
     QT_TRANSLATE_NOOP("CaseValidator", "the NTA date")},
    {&Case::entryDate, QStringLiteral("entry_date"),
     QT_TRANSLATE_NOOP("CaseValidator", "the entry date")},
    {&Case::firstPresenceDate, QStringLiteral("first_presence_date"),
     QT_TRANSLATE_NOOP("CaseValidator", "the first-presence date")},
    {&Case::apprehensionDate, QStringLiteral("apprehension_date"),
     QT_TRANSLATE_NOOP("CaseValidator", "the apprehension date")},
    {&Case::eoir28Date, QStringLiteral("eoir28_date"),
     QT_TRANSLATE_NOOP("CaseValidator", "the EOIR-28 date")},
};

QString child(const char *list, qsizetype index, const char *field) {
    return QStringLiteral("%1[%2].%3")
        .arg(QLatin1String(list))
        .arg(index + 1)
        .arg(QLatin1String(field));
}

void checkCode(const CodeSet &set, const QString &code, const QString &field,
               QList<FieldIssue> &out, bool required = false) {
    if (code.isEmpty() && !required)
        return;
    if (!set.contains(code))
        out.append({field, QCoreApplication::translate("CaseValidator", "'%1' is not a known %2")
                               .arg(code, set.name())});
}
}  // namespace

namespace {
// Notes may hold line breaks and tabs; a name or code is one line (a line break in a name
// forges lines wherever the name is printed). Neither holds what RecordText refuses.
const QStringList kMultiLine = {"military_service", "health_notes", "victim_witness_notes",
                                "notes"};

}  // namespace

void CaseValidator::checkText(const Case &c, QList<FieldIssue> &out) const {
    auto check = [&out](const QString &field, const QString &text, bool multiLine) {
        if (const QString problem = RecordText::problem(text, multiLine); !problem.isEmpty())
            out.append({field, problem});
    };
    for (const CaseField &field : CaseFields::all())
        if (field.kind == FieldKind::Text)
            check(field.key, CaseFields::text(c, field), kMultiLine.contains(field.key));
    for (qsizetype i = 0; i < c.charges.size(); ++i)
        for (const auto &[name, value] : {std::pair{"offense", c.charges[i].offense},
                                          {"jurisdiction", c.charges[i].jurisdiction},
                                          {"sentence", c.charges[i].sentence}})
            check(child("charges", i, name), value, false);
    for (qsizetype i = 0; i < c.family.size(); ++i)
        check(child("family", i, "name"), c.family[i].name, false);
}

QList<FieldIssue> CaseValidator::validate(const Case &c) const {
    QList<FieldIssue> out;
    checkText(c, out);
    checkIdentity(c, out);
    checkCodes(c, out);
    checkDates(c, out);
    checkCounsel(c, out);
    checkCharges(c, out);
    checkFamily(c, out);
    checkRelief(c, out);
    return out;
}

void CaseValidator::checkIdentity(const Case &c, QList<FieldIssue> &out) const {
    if (c.aNumber.isEmpty())
        out.append({"a_number", tr("the A-number is required")});
    else if (!ANumber::fromDigits(c.aNumber).isValid())
        out.append({"a_number", tr("'%1' is not a nine-digit A-number").arg(c.aNumber)});
    if (c.familyName.trimmed().isEmpty())
        out.append({"family_name", tr("the family name is required")});
}

void CaseValidator::checkCodes(const Case &c, QList<FieldIssue> &out) const {
    if (!c.court.isEmpty() && !m_courts.contains(c.court))
        out.append({"court", tr("'%1' is not a known court code").arg(c.court)});
    checkCode(Codes::caseTypes(), c.caseType, "case_type", out);
    checkCode(Codes::custody(), c.custody, "custody", out);
    checkCode(Codes::hearingTypes(), c.nextHearingType, "next_hearing_type", out);
    checkCode(Codes::entryManners(), c.entryManner, "entry_manner", out);
    checkCode(Codes::reviewStatuses(), c.reviewStatus, "review_status", out, true);
}

// label is translated only when the date is wrong: translating takes a lock.
void CaseValidator::checkPastDate(const QDate &d, const QString &field, const char *label,
                                  QList<FieldIssue> &out) const {
    if (!d.isValid() || (d <= m_today && d >= kEarliest))
        return;
    const QString text = d.toString(Qt::ISODate);
    out.append({field, d > m_today ? tr("%1 %2 is in the future").arg(tr(label), text)
                                   : tr("%1 %2 is before 1900").arg(tr(label), text)});
}

void CaseValidator::checkDates(const Case &c, QList<FieldIssue> &out) const {
    for (const PastDate &d : kPastDates)
        checkPastDate(c.*d.member, d.field, d.label, out);

    if (c.nextHearingDate.isValid() && c.ntaDate.isValid() && c.nextHearingDate < c.ntaDate)
        out.append({"next_hearing_date", tr("the next hearing (%1) is before the NTA date (%2)")
                                             .arg(c.nextHearingDate.toString(Qt::ISODate),
                                                  c.ntaDate.toString(Qt::ISODate))});
    const QDate born = c.dateOfBirth;
    if (!born.isValid())
        return;
    const std::pair<const char *, QDate> afterBirth[] = {
        {"entry_date", c.entryDate},
        {"first_presence_date", c.firstPresenceDate},
        {"apprehension_date", c.apprehensionDate},
        {"nta_date", c.ntaDate}};
    for (const auto &[field, d] : afterBirth)
        if (d.isValid() && d < born)
            out.append({field, tr("%1 is before the date of birth (%2)")
                                   .arg(d.toString(Qt::ISODate), born.toString(Qt::ISODate))});
}

void CaseValidator::checkCounsel(const Case &c, QList<FieldIssue> &out) const {
    if (c.isRepresented())
        return;
    if (c.eoir28Date.isValid())
        out.append({"counsel_name", tr("an EOIR-28 date is given but no counsel is named")});
    if (!c.counselBarNumber.trimmed().isEmpty())
        out.append({"counsel_name", tr("a bar number is given but no counsel is named")});
}

// contradiction: untranslated, with %1 for the date and %n for the count recorded.
void CaseValidator::checkNoneFound(const QDate &checkedOn, qsizetype recorded, const QString &field,
                                   const char *contradiction, QList<FieldIssue> &out) const {
    checkPastDate(checkedOn, field, QT_TRANSLATE_NOOP("CaseValidator", "the date checked"), out);
    if (checkedOn.isValid() && recorded > 0)
        out.append({field, QCoreApplication::translate("CaseValidator", contradiction, nullptr,
                                                       int(recorded))
                               .arg(checkedOn.toString(Qt::ISODate))});
}

void CaseValidator::checkCharges(const Case &c, QList<FieldIssue> &out) const {
    checkNoneFound(c.noCriminalHistoryCheckedOn, c.charges.size(),
                   QStringLiteral("no_criminal_history_checked_on"),
                   QT_TRANSLATE_N_NOOP("CaseValidator",
                                       "checked on %1 with none found, but %n charge(s) "
                                       "are recorded: clear the date or the charges"),
                   out);
    for (qsizetype i = 0; i < c.charges.size(); ++i) {
        const Charge &ch = c.charges[i];
        if (ch.offense.trimmed().isEmpty())
            out.append({child("charges", i, "offense"), tr("the offense is required")});
        checkCode(Codes::chargeDispositions(), ch.disposition, child("charges", i, "disposition"),
                  out, true);
        checkPastDate(ch.date, child("charges", i, "date"),
                      QT_TRANSLATE_NOOP("CaseValidator", "the offense date"), out);
    }
}

void CaseValidator::checkFamily(const Case &c, QList<FieldIssue> &out) const {
    checkNoneFound(c.noUsFamilyCheckedOn, c.family.size(),
                   QStringLiteral("no_us_family_checked_on"),
                   QT_TRANSLATE_N_NOOP("CaseValidator",
                                       "checked on %1 with none found, but %n family "
                                       "member(s) are recorded: clear the date or the "
                                       "family list"),
                   out);
    for (qsizetype i = 0; i < c.family.size(); ++i) {
        const FamilyMember &f = c.family[i];
        checkCode(Codes::familyRelations(), f.relation, child("family", i, "relation"), out, true);
        checkCode(Codes::familyStatuses(), f.status, child("family", i, "status"), out, true);
        checkCode(Codes::dependencies(), f.dependency, child("family", i, "dependency"), out);
    }
}

void CaseValidator::checkRelief(const Case &c, QList<FieldIssue> &out) const {
    for (qsizetype i = 0; i < c.relief.size(); ++i) {
        const ReliefApplication &r = c.relief[i];
        checkCode(Codes::reliefTypes(), r.type, child("relief", i, "type"), out, true);
        checkCode(Codes::reliefForums(), r.forum, child("relief", i, "forum"), out);
        checkPastDate(r.filedDate, child("relief", i, "filed_date"),
                      QT_TRANSLATE_NOOP("CaseValidator", "the filing date"), out);
    }
}
