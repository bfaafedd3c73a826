#pragma once

#include "Case.h"

#include <QDate>
#include <QList>
#include <QSet>
#include <QString>

// A problem with one field, e.g. {"next_hearing_date", "the hearing is before the NTA"}.
// Child rows are named like "charges[2].date" (1-based, as people count).
struct FieldIssue {
    QString field;
    QString message;
    friend bool operator==(const FieldIssue &, const FieldIssue &) = default;
};

// Checks a whole case for things that cannot be: dates in the future or out of order,
// unknown codes and courts, missing required fields. Returns every problem found.
class CaseValidator {
  public:
    CaseValidator(QSet<QString> courtCodes, QDate today)
        : m_courts(std::move(courtCodes)), m_today(today) {}

    QList<FieldIssue> validate(const Case &c) const;

  private:
    void checkText(const Case &c, QList<FieldIssue> &out) const;
    void checkIdentity(const Case &c, QList<FieldIssue> &out) const;
    void checkCodes(const Case &c, QList<FieldIssue> &out) const;
    void checkDates(const Case &c, QList<FieldIssue> &out) const;
    void checkCounsel(const Case &c, QList<FieldIssue> &out) const;
    void checkCharges(const Case &c, QList<FieldIssue> &out) const;
    void checkFamily(const Case &c, QList<FieldIssue> &out) const;
    void checkRelief(const Case &c, QList<FieldIssue> &out) const;
    void checkPastDate(const QDate &d, const QString &field, const char *label,
                       QList<FieldIssue> &out) const;
    // A "checked, none found" date must be a past date and agree with the list.
    void checkNoneFound(const QDate &checkedOn, qsizetype recorded, const QString &field,
                        const char *contradiction, QList<FieldIssue> &out) const;

    QSet<QString> m_courts;
    QDate m_today;
};
