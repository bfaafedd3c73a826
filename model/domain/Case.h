#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

// One charge or conviction in the person's criminal history.
struct Charge {
    QString offense;
    QDate date;
    QString jurisdiction;
    QString disposition;  // Codes::chargeDispositions()
    QString sentence;
    bool weaponInvolved = false;
    friend bool operator==(const Charge &, const Charge &) = default;
};

// A relative in the United States.
struct FamilyMember {
    QString name;
    QString relation;    // Codes::familyRelations()
    QString status;      // Codes::familyStatuses(): USC, LPR, other
    QString dependency;  // Codes::dependencies(): provider, caregiver or empty
    friend bool operator==(const FamilyMember &, const FamilyMember &) = default;
};

// Relief sought or pending, and where.
struct ReliefApplication {
    QString type;   // Codes::reliefTypes()
    QString forum;  // Codes::reliefForums()
    QDate filedDate;
    friend bool operator==(const ReliefApplication &, const ReliefApplication &) = default;
};

// The case record of GUIDANCE.md section 4. Scalar fields are listed, with their
// column names, in CaseFields.h so CSV, JSON, SQL and the editor share one list.
struct Case {
    qint64 id = 0;    // 0 until stored
    QString aNumber;  // nine digits, see ANumber
    QString familyName;
    QString givenNames;
    QDate dateOfBirth;
    QString nationality;
    QString language;
    QString court;     // EOIR base-city code, see the courts table
    QString caseType;  // Codes::caseTypes()
    QString custody;   // Codes::custody()
    QDate ntaDate;
    QDate nextHearingDate;
    QString nextHearingType;  // Codes::hearingTypes()
    QDate entryDate;
    QString entryManner;  // Codes::entryManners()
    QDate firstPresenceDate;
    QDate apprehensionDate;
    QString apprehensionPlace;
    QString counselName;
    QString counselBarNumber;
    QDate eoir28Date;
    QString militaryService;
    QString healthNotes;
    QString victimWitnessNotes;
    QString notes;
    // "Records checked, none found": the date someone looked and found no criminal
    // history, or no family in the United States. An empty list alone cannot say
    // whether anyone looked, so the facts derive "no" only when this date is set.
    QDate noCriminalHistoryCheckedOn;
    QDate noUsFamilyCheckedOn;
    QString reviewStatus = QStringLiteral("not_reviewed");  // Codes::reviewStatuses()
    QDateTime createdAt;
    QDateTime updatedAt;

    QList<Charge> charges;
    QList<FamilyMember> family;
    QList<ReliefApplication> relief;

    bool isRepresented() const { return !counselName.trimmed().isEmpty(); }
    QString displayName() const;  // "FAMILY, Given"

    friend bool operator==(const Case &, const Case &) = default;
};
