#pragma once

#include "DerivedFacts.h"
#include "PolicyPack.h"

#include <QHash>
#include <QList>
#include <QStringList>

// What one guidance rule makes of a case: it applies, it does not, or it cannot be
// told yet because a fact is unknown or a question unanswered. `because` lists each
// fact or answer the outcome rests on, in words.
struct RuleOutcome {
    enum class State { Applies, DoesNotApply, Undecided };
    PolicyRule rule;
    State state = State::Undecided;
    QStringList because;
};

// Evaluates a pack's declarative rules against the derived facts and the attorney's
// answers (item id -> "yes", "no" or "unknown"; a missing id is unanswered). Small and
// generic: the rules are data. It never scores and never decides; it only reports what
// the policy says and why.
class PolicyGuide {
  public:
    using Answers = QHash<QString, QString>;

    PolicyGuide(const PolicyPack &pack, const QList<DerivedFact> &facts, Answers answers);

    QList<RuleOutcome> evaluate() const;
    QList<RuleOutcome> applying() const;  // only the rules that apply
    // The usual courses named by applying rules (disposition ids), without repeats.
    QStringList usualCourses() const;

  private:
    using State = RuleOutcome::State;
    State check(const QJsonObject &condition, QStringList &because) const;
    State checkGroup(const QJsonArray &parts, bool all, QStringList &because) const;
    State checkFact(const QJsonObject &condition, QStringList &because) const;
    State checkAnswer(const QJsonObject &condition, QStringList &because) const;

    const PolicyPack &m_pack;
    QHash<QString, DerivedFact> m_facts;
    Answers m_answers;
};
