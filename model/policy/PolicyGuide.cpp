#include "PolicyGuide.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("PolicyGuide", text);
}
}  // namespace

PolicyGuide::PolicyGuide(const PolicyPack &pack, const QList<DerivedFact> &facts, Answers answers)
    : m_pack(pack), m_answers(std::move(answers)) {
    for (const DerivedFact &f : facts)
        m_facts.insert(f.id, f);
}

QList<RuleOutcome> PolicyGuide::evaluate() const {
    QList<RuleOutcome> out;
    for (const PolicyRule &rule : m_pack.rules) {
        RuleOutcome outcome{rule, State::Undecided, {}};
        outcome.state = check(rule.when, outcome.because);
        out << outcome;
    }
    return out;
}

QList<RuleOutcome> PolicyGuide::applying() const {
    QList<RuleOutcome> out;
    for (const RuleOutcome &o : evaluate())
        if (o.state == State::Applies)
            out << o;
    return out;
}

QStringList PolicyGuide::usualCourses() const {
    QStringList out;
    for (const RuleOutcome &o : applying())
        if (!o.rule.usualCourse.isEmpty() && !out.contains(o.rule.usualCourse))
            out << o.rule.usualCourse;
    return out;
}

PolicyGuide::State PolicyGuide::check(const QJsonObject &c, QStringList &because) const {
    if (c.contains(QStringLiteral("all")))
        return checkGroup(c.value(QStringLiteral("all")).toArray(), true, because);
    if (c.contains(QStringLiteral("any")))
        return checkGroup(c.value(QStringLiteral("any")).toArray(), false, because);
    if (c.contains(QStringLiteral("not"))) {
        const State inner = check(c.value(QStringLiteral("not")).toObject(), because);
        return inner == State::Undecided ? inner
               : inner == State::Applies ? State::DoesNotApply
                                         : State::Applies;
    }
    return c.contains(QStringLiteral("fact")) ? checkFact(c, because) : checkAnswer(c, because);
}

// Three-valued: `all` fails on any failing part, `any` holds on any holding part;
// otherwise an undecided part leaves the whole undecided.
PolicyGuide::State PolicyGuide::checkGroup(const QJsonArray &parts, bool all,
                                           QStringList &because) const {
    const State decisive = all ? State::DoesNotApply : State::Applies;
    bool undecided = false;
    QStringList reasons;
    for (const auto &part : parts) {
        QStringList partReasons;
        const State s = check(part.toObject(), partReasons);
        if (s == decisive) {
            because << partReasons;
            return decisive;
        }
        undecided |= s == State::Undecided;
        reasons << partReasons;
    }
    because << reasons;
    if (undecided)
        return State::Undecided;
    return all ? State::Applies : State::DoesNotApply;
}

PolicyGuide::State PolicyGuide::checkFact(const QJsonObject &c, QStringList &because) const {
    const DerivedFact fact = m_facts.value(c.value(QStringLiteral("fact")).toString());
    because << QStringLiteral("%1: %2 (%3)").arg(fact.label, fact.valueText(), fact.derivation);
    if (!fact.isKnown())
        return State::Undecided;
    bool holds = false;
    if (c.contains(QStringLiteral("is")))
        holds = fact.value.toBool() == c.value(QStringLiteral("is")).toBool();
    else if (c.contains(QStringLiteral("at_least")))
        holds = fact.value.toDouble() >= c.value(QStringLiteral("at_least")).toDouble();
    else
        holds = fact.value.toDouble() <= c.value(QStringLiteral("at_most")).toDouble();
    return holds ? State::Applies : State::DoesNotApply;
}

PolicyGuide::State PolicyGuide::checkAnswer(const QJsonObject &c, QStringList &because) const {
    const QString item = c.value(QStringLiteral("answer")).toString();
    QString label = item;
    for (const QList<PolicyItem> *list :
         {&m_pack.priorities, &m_pack.aggravating, &m_pack.mitigating})
        for (const PolicyItem &i : *list)
            if (i.id == item)
                label = i.label;
    const auto answer = m_answers.constFind(item);
    if (answer == m_answers.constEnd()) {
        because << tr("%1: not answered yet").arg(label);
        return State::Undecided;
    }
    because << tr("%1: answered %2").arg(label, *answer);
    return *answer == c.value(QStringLiteral("is")).toString() ? State::Applies
                                                               : State::DoesNotApply;
}
