#include "DerivedFacts.h"

#include "domain/Codes.h"
#include "domain/FieldText.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("FactDeriver", text);
}

QString iso(const QDate &d) {
    return FieldText::isoDate(d);
}

// Whole years from `from` to `to`, counting a year only once its anniversary has passed.
int wholeYears(const QDate &from, const QDate &to) {
    int years = to.year() - from.year();
    if (to.month() < from.month() || (to.month() == from.month() && to.day() < from.day()))
        --years;
    return years;
}

// An empty list says "no" only when the record says someone checked and found none.
void noneOnRecord(DerivedFact &f, const QDate &checkedOn, QDate reviewDate,
                  const QString &notChecked, const QString &checkedNone) {
    if (!checkedOn.isValid()) {
        f.derivation = notChecked + tr("; not recorded as checked");
        return;
    }
    // A check made after the review (or dated in the future) cannot be what it relied on.
    if (checkedOn > reviewDate) {
        f.derivation = notChecked + tr("; the check is dated %1, after the review date %2; "
                                       "check the record")
                                        .arg(iso(checkedOn), iso(reviewDate));
        return;
    }
    f.value = false;
    f.derivation = checkedNone.arg(iso(checkedOn));
}
}  // namespace

const QDate FactDeriver::kBorderDate(2020, 11, 1);

QString DerivedFact::valueText() const {
    if (!isKnown())
        return tr("unknown");
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? tr("yes") : tr("no");
    return value.toString();
}

QList<DerivedFact> FactDeriver::derive(const Case &c, QDate reviewDate) {
    return {enteredAfterBorderDate(c),
            yearsOfPresence(c, reviewDate),
            ageAtReview(c, reviewDate),
            citizenOrResidentFamily(c, reviewDate),
            providerOrCaregiver(c, reviewDate),
            reliefPending(c),
            convictions(c, reviewDate),
            weaponInvolved(c, reviewDate),
            represented(c)};
}

QStringList FactDeriver::factIds() {
    QStringList ids;
    for (const DerivedFact &f : derive(Case(), QDate(2000, 1, 1)))
        ids << f.id;
    return ids;
}

DerivedFact FactDeriver::enteredAfterBorderDate(const Case &c) {
    DerivedFact f{QStringLiteral("entered_unlawfully_after_2020_11_01"),
                  tr("Entered unlawfully after 2020-11-01"),
                  {},
                  {}};
    if (!c.entryDate.isValid()) {
        f.derivation = tr("the entry date is missing");
        return f;
    }
    const QString when = iso(c.entryDate);
    if (c.entryDate <= kBorderDate) {
        f.value = false;
        f.derivation = tr("entry on %1 is not after 2020-11-01").arg(when);
    } else if (c.entryManner.isEmpty()) {
        f.derivation =
            tr("entry on %1 is after 2020-11-01, but the manner of entry is missing").arg(when);
    } else {
        // Presenting at a port of entry (for example to ask for asylum) is not an
        // unlawful entry; only entry without inspection is.
        f.value = c.entryManner == u"ewi";
        f.derivation =
            tr("entry on %1, %2").arg(when, Codes::entryManners().label(c.entryManner).toLower());
    }
    return f;
}

DerivedFact FactDeriver::yearsOfPresence(const Case &c, QDate reviewDate) {
    DerivedFact f{QStringLiteral("years_of_presence"), tr("Years of presence in the US"), {}, {}};
    if (!c.firstPresenceDate.isValid()) {
        f.derivation = tr("the date of first presence is missing");
        return f;
    }
    if (c.firstPresenceDate > reviewDate) {  // a record or review-date error: say so
        f.derivation = tr("first presence on %1 is after the review date %2; check the record")
                           .arg(iso(c.firstPresenceDate), iso(reviewDate));
        return f;
    }
    f.value = wholeYears(c.firstPresenceDate, reviewDate);
    f.derivation =
        tr("present since %1, reviewed %2").arg(iso(c.firstPresenceDate), iso(reviewDate));
    return f;
}

DerivedFact FactDeriver::ageAtReview(const Case &c, QDate reviewDate) {
    DerivedFact f{QStringLiteral("age_at_review"), tr("Age at review"), {}, {}};
    if (!c.dateOfBirth.isValid()) {
        f.derivation = tr("the date of birth is missing");
        return f;
    }
    if (c.dateOfBirth > reviewDate) {
        f.derivation = tr("born on %1, after the review date %2; check the record")
                           .arg(iso(c.dateOfBirth), iso(reviewDate));
        return f;
    }
    f.value = wholeYears(c.dateOfBirth, reviewDate);
    f.derivation = tr("born %1, reviewed %2").arg(iso(c.dateOfBirth), iso(reviewDate));
    return f;
}

DerivedFact FactDeriver::citizenOrResidentFamily(const Case &c, QDate reviewDate) {
    DerivedFact f{QStringLiteral("has_usc_or_lpr_family"),
                  tr("Has US citizen or permanent-resident family"),
                  {},
                  {}};
    if (c.family.isEmpty()) {
        noneOnRecord(f, c.noUsFamilyCheckedOn, reviewDate, tr("no family members are recorded"),
                     tr("family in the US checked on %1: none found"));
        return f;
    }
    QStringList who;
    for (const FamilyMember &m : c.family)
        if (m.status == u"USC" || m.status == u"LPR")
            who << QStringLiteral("%1 (%2)").arg(
                Codes::familyRelations().label(m.relation).toLower(), m.status);
    f.value = !who.isEmpty();
    f.derivation =
        who.isEmpty() ? QCoreApplication::translate(
                            "FactDeriver",
                            "%n recorded family member(s), none a US citizen or permanent resident",
                            nullptr, int(c.family.size()))
                      : who.join(QStringLiteral(", "));
    return f;
}

DerivedFact FactDeriver::providerOrCaregiver(const Case &c, QDate reviewDate) {
    DerivedFact f{
        QStringLiteral("provider_or_caregiver"), tr("Provider or caregiver for family"), {}, {}};
    if (c.family.isEmpty()) {
        noneOnRecord(f, c.noUsFamilyCheckedOn, reviewDate, tr("no family members are recorded"),
                     tr("family in the US checked on %1: none found"));
        return f;
    }
    QStringList roles;
    for (const FamilyMember &m : c.family)
        if (!m.dependency.isEmpty())
            roles << QStringLiteral("%1 for %2")
                         .arg(Codes::dependencies().label(m.dependency).toLower(),
                              Codes::familyRelations().label(m.relation).toLower());
    f.value = !roles.isEmpty();
    f.derivation = roles.isEmpty() ? tr("no recorded family member depends on them")
                                   : roles.join(QStringLiteral(", "));
    return f;
}

DerivedFact FactDeriver::reliefPending(const Case &c) {
    DerivedFact f{QStringLiteral("relief_pending"), tr("Relief sought or pending"), {}, {}};
    if (c.relief.isEmpty()) {
        f.derivation = tr("no relief applications are recorded");
        return f;
    }
    QStringList what;
    for (const ReliefApplication &r : c.relief)
        what << QStringLiteral("%1 (%2)").arg(
            Codes::reliefTypes().label(r.type),
            r.forum.isEmpty() ? tr("where not recorded") : Codes::reliefForums().label(r.forum));
    f.value = true;
    f.derivation = what.join(QStringLiteral(", "));
    return f;
}

DerivedFact FactDeriver::convictions(const Case &c, QDate reviewDate) {
    DerivedFact f{QStringLiteral("convictions"), tr("Convictions standing"), {}, {}};
    if (c.charges.isEmpty()) {
        noneOnRecord(f, c.noCriminalHistoryCheckedOn, reviewDate,
                     tr("no criminal history is recorded"),
                     tr("criminal records checked on %1: none found"));
        if (f.value.isValid())
            f.value = 0;  // a count, not a yes or no
        return f;
    }
    int standing = 0, setAside = 0;
    for (const Charge &ch : c.charges) {
        standing += ch.disposition == u"convicted";
        setAside += ch.disposition == u"vacated" || ch.disposition == u"expunged";
    }
    f.value = standing;
    // Vacated and expunged convictions are not convictions (GUIDANCE.md 2.3, item 9).
    f.derivation =
        QCoreApplication::translate(
            "FactDeriver",
            "%1 of %n recorded charge(s) ended in a conviction that stands; %2 vacated or expunged",
            nullptr, int(c.charges.size()))
            .arg(standing)
            .arg(setAside);
    return f;
}

DerivedFact FactDeriver::weaponInvolved(const Case &c, QDate reviewDate) {
    DerivedFact f{
        QStringLiteral("weapon_involved"), tr("A weapon was involved in an offense"), {}, {}};
    if (c.charges.isEmpty()) {
        noneOnRecord(f, c.noCriminalHistoryCheckedOn, reviewDate,
                     tr("no criminal history is recorded"),
                     tr("criminal records checked on %1: none found"));
        return f;
    }
    QStringList offenses;
    for (const Charge &ch : c.charges)
        if (ch.weaponInvolved)
            offenses << QStringLiteral("%1 (%2)").arg(
                ch.offense, Codes::chargeDispositions().label(ch.disposition).toLower());
    f.value = !offenses.isEmpty();
    f.derivation = offenses.isEmpty() ? tr("no recorded charge involved a weapon")
                                      : offenses.join(QStringLiteral(", "));
    return f;
}

DerivedFact FactDeriver::represented(const Case &c) {
    DerivedFact f{
        QStringLiteral("represented"), tr("Represented by counsel (EOIR-28 on file)"), {}, {}};
    if (!c.isRepresented()) {
        f.value = false;
        f.derivation = tr("no counsel is recorded");
    } else if (!c.eoir28Date.isValid()) {
        f.derivation =
            tr("%1 is named as counsel, but no EOIR-28 date is recorded").arg(c.counselName);
    } else {
        f.value = true;
        f.derivation = tr("%1, EOIR-28 filed %2").arg(c.counselName, iso(c.eoir28Date));
    }
    return f;
}
