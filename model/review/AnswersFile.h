#pragma once

#include "ReviewChecker.h"

#include <QByteArray>
#include <optional>

// Reads a review from an answers file (documented in resources/policies/README.md and
// shown by resources/policies/example-answers.json): reviewer, review date, optional
// policy id, status, answers by question id, disposition and reasons. Picks the pack:
// the one named, or the one in force on the review date.
class AnswersFile {
  public:
    struct Result {
        Review review;
        std::optional<PolicyPack> pack;
        QList<ReviewIssue> issues;  // empty when the file was read
    };
    static Result read(const QByteArray &json, const QList<PolicyPack> &packs);
};
