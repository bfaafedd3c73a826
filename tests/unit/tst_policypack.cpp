#include "policy/PolicyPack.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
QJsonObject defaultPackJson() {
    QFile f(u":/policies/mayorkas-doyle-2022.json"_qs);
    f.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(f.readAll()).object();
}

QByteArray bytes(const QJsonObject &o) {
    return QJsonDocument(o).toJson();
}

// Replaces the value at a path of keys and indexes, e.g. {"rules", 0, "when"}.
QJsonValue replaced(const QJsonValue &node, QVariantList path, const QJsonValue &value) {
    if (path.isEmpty())
        return value;
    const QVariant step = path.takeFirst();
    if (step.typeId() == QMetaType::QString) {
        QJsonObject o = node.toObject();
        const QString key = step.toString();
        if (value.isUndefined() && path.isEmpty())
            o.remove(key);
        else
            o[key] = replaced(o.value(key), path, value);
        return o;
    }
    QJsonArray a = node.toArray();
    const int i = step.toInt();
    a[i] = replaced(a[i], path, value);
    return a;
}
}  // namespace

class TestPolicyPack : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void shipsThreeValidPacks() {
        const QList<PolicyPack> packs = PolicyPack::builtIn();
        QCOMPARE(packs.size(), 3);
        auto pack = [&packs](const QString &id) {
            for (const PolicyPack &p : packs)
                if (p.id == id)
                    return p;
            return PolicyPack();
        };
        const PolicyPack framework = pack(u"dhs-2021-guidelines-opla-2022"_qs);
        const PolicyPack vacatur = pack(u"case-by-case-2022-2023"_qs);
        const PolicyPack today = pack(u"case-by-case-2025"_qs);
        // From Executive Order 14159 on: no priority questions, open-ended.
        QVERIFY(today.priorities.isEmpty() && today.aggravating.isEmpty());
        QVERIFY(!today.considerations.isEmpty() && !today.neverFactors.isEmpty());
        QVERIFY(today.isInForceOn(QDate(2025, 1, 20)));
        QVERIFY(!today.isInForceOn(QDate(2025, 1, 19)));
        QVERIFY(today.isInForceOn(QDate(2036, 12, 2)));
        // Exactly one pack is in force on any day from the framework's start.
        for (QDate d(2022, 4, 25); d <= QDate(2030, 1, 1); d = d.addDays(7)) {
            int inForce = 0;
            for (const PolicyPack &p : packs)
                inForce += p.isInForceOn(d) ? 1 : 0;
            QVERIFY2(inForce == 1, qPrintable(d.toString(Qt::ISODate)));
        }
        QCOMPARE(framework.priorities.size(), 3);
        QCOMPARE(framework.aggravating.size(), 5);
        QCOMPARE(framework.mitigating.size(), 9);
        QVERIFY(framework.dispositions.size() >= 10);
        QVERIFY(vacatur.priorities.isEmpty());
        // In force: the framework from 2022-04-25 until the vacatur, and again from 2023-07-28.
        QVERIFY(framework.isInForceOn(QDate(2022, 4, 25)));
        QVERIFY(!framework.isInForceOn(QDate(2022, 4, 24)));
        QVERIFY(!framework.isInForceOn(QDate(2022, 6, 24)));
        QVERIFY(vacatur.isInForceOn(QDate(2022, 6, 24)));
        QVERIFY(vacatur.isInForceOn(QDate(2023, 7, 27)));
        QVERIFY(!vacatur.isInForceOn(QDate(2023, 7, 28)));
        QVERIFY(framework.isInForceOn(QDate(2023, 7, 28)));
        QVERIFY(!framework.isInForceOn(QDate(2025, 1, 20)));
        QCOMPARE(framework.sha256().size(), 64);
        QVERIFY(framework.sha256() != vacatur.sha256());
    }

    void identityIgnoresLayoutButNotContent() {
        QString error;
        const QJsonObject json = defaultPackJson();
        const auto a =
            PolicyPack::fromJson(QJsonDocument(json).toJson(QJsonDocument::Indented), &error);
        const auto b =
            PolicyPack::fromJson(QJsonDocument(json).toJson(QJsonDocument::Compact), &error);
        QVERIFY2(a && b, qPrintable(error));
        QCOMPARE(a->sha256(), b->sha256());
        QJsonObject changed = json;
        changed[u"summary"_qs] = u"A different summary."_qs;
        const auto c = PolicyPack::fromJson(bytes(changed), &error);
        QVERIFY(c);
        QVERIFY(c->sha256() != a->sha256());
    }

    void refusesBrokenPacksNamingThePath_data() {
        QTest::addColumn<QVariantList>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");
        const auto undefined = QJsonValue(QJsonValue::Undefined);
        QTest::newRow("unknown top-level key")
            << QVariantList{"colour"} << QJsonValue(u"red"_qs) << "colour: unknown key";
        QTest::newRow("missing id") << QVariantList{"id"} << undefined << "id: missing";
        QTest::newRow("wrong format") << QVariantList{"format"} << QJsonValue(2)
                                      << "format: this version reads policy format 1";
        QTest::newRow("duplicate item id")
            << QVariantList{"mitigating", 1, "id"} << QJsonValue(u"age"_qs)
            << "mitigating[1].id: 'age' is used twice";
        QTest::newRow("unknown key in item")
            << QVariantList{"aggravating", 0, "weight"} << QJsonValue(3)
            << "aggravating[0].weight: unknown key";
        QTest::newRow("empty help") << QVariantList{"priorities", 2, "help"} << QJsonValue(u" "_qs)
                                    << "priorities[2].help: must be non-empty text";
        // A pack's words are printed in signed dispositions: a direction override reversed the
        // rules printed after it (from an attack round).
        QTest::newRow("direction override in a rule")
            << QVariantList{"rules", 0, "says"} << QJsonValue(u"Dismiss\u202E"_qs)
            << "rules[0].says: character 8 is a text-direction override (U+202E), which would "
               "show the text otherwise than it is recorded; remove it";
        QTest::newRow("line separator in help")
            << QVariantList{"priorities", 0, "help"} << QJsonValue(u"One\u2028Two"_qs)
            << "priorities[0].help: character 4 is a Unicode line or paragraph separator "
               "(U+2028); use an ordinary line break";
        QTest::newRow("citation to unknown source")
            << QVariantList{"dispositions", 0, "citation", "source"} << QJsonValue(u"nobody"_qs)
            << "dispositions[0].citation.source: 'nobody' is not one of the pack's sources";
        QTest::newRow("bad date") << QVariantList{"sources", 0, "dated"}
                                  << QJsonValue(u"2021-02-30"_qs)
                                  << "sources[0].dated: '2021-02-30' is not a date that exists";
        QTest::newRow("period backwards")
            << QVariantList{"in_force", 0, "until"} << QJsonValue(u"2022-01-01"_qs)
            << "in_force[0].until: ends before it begins";
        QTest::newRow("rule names unknown fact")
            << QVariantList{"rules", 0, "when", "all", 3, "fact"} << QJsonValue(u"represnted"_qs)
            << "rules[0].when.all[3].fact: unknown fact 'represnted'";
        QTest::newRow("rule asks unknown item")
            << QVariantList{"rules", 1, "when", "all", 0, "answer"} << QJsonValue(u"priority_d"_qs)
            << "rules[1].when.all[0].answer: 'priority_d' is not a priority or factor of this pack";
        QTest::newRow("rule answer value")
            << QVariantList{"rules", 1, "when", "all", 0, "is"} << QJsonValue(u"maybe"_qs)
            << "rules[1].when.all[0].is: an answer is yes, no or unknown";
        QTest::newRow("usual course unknown")
            << QVariantList{"rules", 0, "usual_course"} << QJsonValue(u"deport"_qs)
            << "rules[0].usual_course: 'deport' is not one of the pack's dispositions";
        QTest::newRow("condition of nothing")
            << QVariantList{"rules", 4, "when"}
            << QJsonValue(QJsonObject{{u"weather"_qs, u"fine"_qs}})
            << "rules[4].when: a condition is all, any, not, fact or answer";
        QTest::newRow("empty any")
            << QVariantList{"rules", 5, "when", "any"} << QJsonValue(QJsonArray())
            << "rules[5].when.any: needs at least one condition";
        QTest::newRow("threshold not a number")
            << QVariantList{"rules", 4, "when", "at_least"} << QJsonValue(u"ten"_qs)
            << "rules[4].when: at_least and at_most take a number";
        QTest::newRow("suggestion names unknown fact")
            << QVariantList{"mitigating", 1, "facts", 0} << QJsonValue(u"years"_qs)
            << "mitigating[1].facts[0]: unknown fact 'years'";
        QTest::newRow("no dispositions") << QVariantList{"dispositions"} << QJsonValue(QJsonArray())
                                         << "dispositions: a policy needs at least one disposition";
    }
    void refusesBrokenPacksNamingThePath() {
        QFETCH(QVariantList, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        const QJsonObject broken = replaced(defaultPackJson(), path, value).toObject();
        QString error;
        QVERIFY(!PolicyPack::fromJson(bytes(broken), &error));
        QCOMPARE(error, expected);
    }

    void refusesWhatIsNotAPack() {
        QString error;
        QVERIFY(!PolicyPack::fromJson("{\"format\": 1,", &error));
        QVERIFY2(error.startsWith(u"not JSON"_qs), qPrintable(error));
        QVERIFY(!PolicyPack::fromJson("[1, 2]", &error));
        QVERIFY(error.contains(u"JSON object"_qs));
        QVERIFY(!PolicyPack::fromFile(u"/nonexistent/pack.json"_qs, &error));
        QVERIFY(error.startsWith(u"/nonexistent/pack.json"_qs));
    }
};

QTEST_GUILESS_MAIN(TestPolicyPack)
#include "tst_policypack.moc"
