#pragma once

#include <QDate>
#include <QString>
#include <optional>

// What the case list shows: a filter and a sort, turned into SQL by CasePager.
struct CaseFilter {
    QString search;  // an A-number in any accepted form, A-number digits, or name words
    QString court;
    QString custody;
    std::optional<bool> represented;
    QString reviewStatus;
    QString disposition;  // of the latest review, when it is signed (a policy disposition id)
    QDate hearingFrom;
    QDate hearingTo;

    bool isEmpty() const;
    friend bool operator==(const CaseFilter &, const CaseFilter &) = default;
};

enum class CaseSortKey {
    ANumber,
    Name,
    Nationality,
    Court,
    NextHearing,
    Custody,
    Counsel,
    ReviewStatus
};

struct CaseSort {
    CaseSortKey key = CaseSortKey::NextHearing;
    bool descending = false;
    friend bool operator==(const CaseSort &, const CaseSort &) = default;
};

// One row of the case list: just the columns it shows, plus the sort position.
struct CaseListRow {
    qint64 id = 0;
    QString aNumber;
    QString familyName;
    QString givenNames;
    QString nationality;
    QString court;
    QString nextHearingDate;
    QString nextHearingType;
    QString custody;
    QString counselName;
    QString reviewStatus;
};
