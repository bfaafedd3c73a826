#pragma once

#include "policy/DerivedFacts.h"
#include "policy/PolicyGuide.h"

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

// The attorney's answer to one question of the policy (a priority or a factor).
struct ReviewAnswer {
    QString itemId;
    QString value;  // "yes", "no" or "unknown"; empty when not answered
    QString note;
    friend bool operator==(const ReviewAnswer &, const ReviewAnswer &) = default;
};

// A rule's outcome as it stood when the review was made, kept in the record so an old
// review always shows what the policy said then.
struct RuleSnapshot {
    QString ruleId;
    QString state;  // "applies", "does_not_apply", "undecided"
    QString says;
    QString usualCourse;
    QString citation;
    QStringList because;
    friend bool operator==(const RuleSnapshot &, const RuleSnapshot &) = default;
};

// One version of a review of one case: the policy it was made under (id and hash of the
// exact text), who and when, every answer with its note, the derived facts and rule
// outcomes as they were, the disposition chosen and the written reasons.
struct Review {
    qint64 id = 0;  // 0 until stored
    QString aNumber;
    int version = 1;
    qint64 supersedes = 0;  // id of the version this one replaces, 0 for the first
    QString status = QStringLiteral("draft");  // draft | ready
    QString policyId;
    QString policySha256;
    bool policyInForce = true;  // false: the attorney chose a pack not in force on the date
    QString reviewer;
    QDate reviewDate;
    QList<ReviewAnswer> answers;
    QList<DerivedFact> facts;
    QList<RuleSnapshot> rules;
    QString disposition;
    QString reasons;
    QString deviationReason;
    QString amendmentReason;  // why this version replaces a signed one; empty for the first
    // The case facts the review was made on (CaseSnapshot), taken at each refresh: what the
    // disposition's caption and facts print once signed. Empty only in records made before
    // earlier versions of the program, which print the live case and say so.
    QJsonObject caseFacts;
    // The ids of the policy's other considerations and never-factors the reviewer was shown
    // while weighing the disposition (in the wizard); empty when the record does not say
    // (answers given on the command line, or records made before this was kept).
    QStringList considerationsShown;
    bool isSigned = false;  // read from the store, not part of the record

    QString answerOf(const QString &itemId) const;
    bool hasCaseFacts() const { return !caseFacts.isEmpty(); }
    Case caseOnRecord() const;  // the facts as recorded (no id); empty Case without them
    // Recomputes facts and rule outcomes from the case and the answers.
    void refresh(const Case &c, const PolicyPack &pack);
    QStringList usualCourses() const;  // named by rules that apply

    // Canonical form: stable key order, UTF-8, ISO dates; the same review always gives
    // the same bytes and hash. This is what a later version will sign.
    QJsonObject toJson() const;
    static Review fromJson(const QJsonObject &o);
    QByteArray canonicalBytes() const;
    QString sha256() const;
};
