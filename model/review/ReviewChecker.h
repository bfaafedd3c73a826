#pragma once

#include "Review.h"

// A problem with a review, named by the question it concerns: an item id such as
// "public_safety", or "disposition", "reasons", "deviation_reason", "policy".
struct ReviewIssue {
    QString question;
    QString message;
};

// The review's rules, the same for the wizard and the command line. Structural problems
// (an answer to a question the pack does not ask, a value that is not yes/no/unknown,
// a disposition the pack does not offer, a control character or a direction override in a
// note, the reasons or the reviewer's name) are never acceptable; completeness (every
// question answered, a disposition, written reasons, a reason for departing from the
// usual course the policy names) is required before a review can be marked ready.
class ReviewChecker {
  public:
    static QList<ReviewIssue> structural(const Review &review, const PolicyPack &pack);
    static QList<ReviewIssue> completeness(const Review &review, const PolicyPack &pack);
    static QList<ReviewIssue> forStatus(const Review &review, const PolicyPack &pack);
};
