#include "policy/PolicyGuide.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
const QDate kReview(2024, 3, 1);

PolicyPack pack(const QString &file) {
    QString error;
    auto p = PolicyPack::fromFile(u":/policies/"_qs + file, &error);
    if (!p)
        qFatal("%s", qPrintable(error));
    return *p;
}

const PolicyPack &framework() {
    static const PolicyPack p = pack(u"mayorkas-doyle-2022.json"_qs);
    return p;
}

const PolicyGuide::Answers kNonPriority = {{u"national_security"_qs, u"no"_qs},
                                           {u"public_safety"_qs, u"no"_qs},
                                           {u"border_security"_qs, u"no"_qs}};

Case represented() {
    Case c;
    c.counselName = u"Ana Beltrán"_qs;
    c.eoir28Date = QDate(2023, 5, 1);
    return c;
}

RuleOutcome outcome(const PolicyPack &p, const Case &c, const PolicyGuide::Answers &a,
                    const QString &rule) {
    for (const RuleOutcome &o : PolicyGuide(p, FactDeriver::derive(c, kReview), a).evaluate())
        if (o.rule.id == rule)
            return o;
    qFatal("no rule %s", qPrintable(rule));
}

using S = RuleOutcome::State;
}  // namespace

class TestPolicyGuide : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void nonPriorityRepresentedPointsToAJointMotion() {
        const PolicyGuide guide(framework(), FactDeriver::derive(represented(), kReview),
                                kNonPriority);
        QCOMPARE(guide.usualCourses(), QStringList{u"joint_motion_dismiss"_qs});
        const RuleOutcome o =
            outcome(framework(), represented(), kNonPriority, u"non_priority_represented"_qs);
        QCOMPARE(o.state, S::Applies);
        QVERIFY(o.because.join(u'\n').contains(u"EOIR-28 filed 2023-05-01"_qs));
        QVERIFY(o.because.join(u'\n').contains(u"A. National security: answered no"_qs));
        QCOMPARE(outcome(framework(), represented(), kNonPriority, u"non_priority_unrepresented"_qs)
                     .state,
                 S::DoesNotApply);
    }

    void nonPriorityUnrepresentedPointsToAContinuance() {
        const PolicyGuide guide(framework(), FactDeriver::derive(Case(), kReview), kNonPriority);
        QCOMPARE(guide.usualCourses(), QStringList{u"continuance"_qs});
    }

    void aPriorityNamesNoUsualCourse() {
        PolicyGuide::Answers a = kNonPriority;
        a[u"public_safety"_qs] = u"yes"_qs;
        const PolicyGuide guide(framework(), FactDeriver::derive(represented(), kReview), a);
        QVERIFY(guide.usualCourses().isEmpty());
        QCOMPARE(outcome(framework(), represented(), a, u"non_priority_represented"_qs).state,
                 S::DoesNotApply);
    }

    void unansweredOrUnknownIsUndecidedNeverNo() {
        const RuleOutcome unanswered =
            outcome(framework(), represented(), {}, u"non_priority_represented"_qs);
        QCOMPARE(unanswered.state, S::Undecided);
        QVERIFY(unanswered.because.join(u'\n').contains(u"not answered yet"_qs));
        Case noEoir = represented();
        noEoir.eoir28Date = {};
        QCOMPARE(outcome(framework(), noEoir, kNonPriority, u"non_priority_represented"_qs).state,
                 S::Undecided);
        QCOMPARE(outcome(framework(), noEoir, kNonPriority, u"non_priority_unrepresented"_qs).state,
                 S::Undecided);
        QCOMPARE(outcome(framework(), Case(), kNonPriority, u"family_ties"_qs).state, S::Undecided);
    }

    void factRulesFollowTheRecord() {
        Case c;
        c.entryDate = QDate(2021, 3, 4);
        c.entryManner = u"ewi"_qs;
        c.firstPresenceDate = QDate(2014, 3, 1);
        c.family = {{u"Luis"_qs, u"child"_qs, u"USC"_qs, QString()}};
        QCOMPARE(outcome(framework(), c, {}, u"border_date_after"_qs).state, S::Applies);
        QCOMPARE(outcome(framework(), c, {}, u"long_presence"_qs).state, S::Applies);
        QCOMPARE(outcome(framework(), c, {}, u"family_ties"_qs).state, S::Applies);
        c.firstPresenceDate = QDate(2014, 3, 2);  // one day short of ten years
        QCOMPARE(outcome(framework(), c, {}, u"long_presence"_qs).state, S::DoesNotApply);
        c.entryManner = u"port_of_entry"_qs;
        QCOMPARE(outcome(framework(), c, {}, u"border_date_after"_qs).state, S::DoesNotApply);
    }

    void notInvertsAndKeepsUndecided() {
        QFile f(u":/policies/vacatur-2022-2023.json"_qs);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(f.readAll()).object();
        QJsonArray rules = json[u"rules"_qs].toArray();
        rules.append(QJsonObject{
            {u"id"_qs, u"not_represented"_qs},
            {u"when"_qs, QJsonObject{{u"not"_qs, QJsonObject{{u"fact"_qs, u"represented"_qs},
                                                             {u"is"_qs, true}}}}},
            {u"says"_qs, u"Unrepresented."_qs},
            {u"citation"_qs,
             QJsonObject{{u"source"_qs, u"texas_vacatur"_qs}, {u"section"_qs, u"x"_qs}}}});
        json[u"rules"_qs] = rules;
        QString error;
        const auto custom = PolicyPack::fromJson(QJsonDocument(json).toJson(), &error);
        QVERIFY2(custom, qPrintable(error));
        QCOMPARE(outcome(*custom, Case(), {}, u"not_represented"_qs).state, S::Applies);
        QCOMPARE(outcome(*custom, represented(), {}, u"not_represented"_qs).state, S::DoesNotApply);
        Case noEoir = represented();
        noEoir.eoir28Date = {};
        QCOMPARE(outcome(*custom, noEoir, {}, u"not_represented"_qs).state, S::Undecided);
        Case relief;
        relief.relief = {{u"asylum"_qs, u"court"_qs, {}}};
        QCOMPARE(outcome(*custom, relief, {}, u"relief_pending_consent"_qs).state, S::Applies);
    }
};

QTEST_GUILESS_MAIN(TestPolicyGuide)
#include "tst_policyguide.moc"
