#pragma once

#include "domain/Case.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QVariant>

// A fact the policy relies on, computed from the case record and shown with how it was
// computed. A fact the record cannot settle is unknown (an invalid value), never "no":
// the program does not guess (GUIDANCE.md section 5).
struct DerivedFact {
    QString id;          // stable id that policy rules name, e.g. "represented"
    QString label;       // what a person reads
    QVariant value;      // bool, int or text; invalid when unknown
    QString derivation;  // where the value comes from, in words

    bool isKnown() const { return value.isValid(); }
    QString valueText() const;  // "yes", "no", "12", or "unknown"
};

// Computes every derived fact of a case as of the review date.
class FactDeriver {
  public:
    static const QDate kBorderDate;  // 2020-11-01, priority C of the 2021 guidelines

    static QList<DerivedFact> derive(const Case &c, QDate reviewDate);
    static QStringList factIds();  // every id derive() returns, for validating rules

  private:
    static DerivedFact enteredAfterBorderDate(const Case &c);
    static DerivedFact yearsOfPresence(const Case &c, QDate reviewDate);
    static DerivedFact ageAtReview(const Case &c, QDate reviewDate);
    static DerivedFact citizenOrResidentFamily(const Case &c, QDate reviewDate);
    static DerivedFact providerOrCaregiver(const Case &c, QDate reviewDate);
    static DerivedFact reliefPending(const Case &c);
    static DerivedFact convictions(const Case &c, QDate reviewDate);
    static DerivedFact weaponInvolved(const Case &c, QDate reviewDate);
    static DerivedFact represented(const Case &c);
};
