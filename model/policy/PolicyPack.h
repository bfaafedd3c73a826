#pragma once

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

// Where an item of a policy comes from: a source document of the pack and a section.
struct Citation {
    QString source;  // a PolicySource id
    QString section;
};

struct PolicySource {
    QString id;
    QString title;
    QString author;
    QDate dated;
    QDate effective;
};

// A question or option of the policy: a priority, a factor, a disposition...
struct PolicyItem {
    QString id;
    QString label;
    QString help;  // in the project's own words
    Citation citation;
    QStringList facts;  // derived facts shown beside the question as suggestions
};

struct ProcedureNote {
    QString text;
    Citation citation;
};

// A declarative guidance rule: when the condition holds, the policy says `says`.
// Conditions are data (see resources/policies/README.md), never C++.
struct PolicyRule {
    QString id;
    QJsonObject when;
    QString says;
    QString usualCourse;  // a disposition id, or empty
    Citation citation;
};

// A period in which a policy was in force: from inclusive, until exclusive (open if invalid).
struct InForcePeriod {
    QDate from;
    QDate until;
};

// A versioned policy pack, loaded from JSON and checked on load. Its identity is its id
// plus the SHA-256 of its canonical bytes (compact JSON, keys sorted), so a review can
// record exactly which text it was made under.
class PolicyPack {
  public:
    // Returns nothing and sets *error to "path: problem" when the pack is not valid.
    static std::optional<PolicyPack> fromJson(const QByteArray &json, QString *error);
    static std::optional<PolicyPack> fromFile(const QString &path, QString *error);
    static QList<PolicyPack> builtIn();  // the packs shipped in resources/policies

    QString id;
    QString title;
    QString summary;
    QList<PolicySource> sources;
    QList<InForcePeriod> inForce;
    QList<PolicyItem> priorities;
    QList<PolicyItem> aggravating;
    QList<PolicyItem> mitigating;
    QList<PolicyItem> considerations;
    QList<PolicyItem> neverFactors;
    QList<PolicyItem> dispositions;
    ProcedureNote represented;
    ProcedureNote unrepresented;
    QList<PolicyRule> rules;

    const QByteArray &canonicalBytes() const { return m_canonical; }
    const QString &sha256() const { return m_sha256; }
    bool isInForceOn(const QDate &date) const;
    // Ids that rules may ask an answer about: priorities and factors.
    QStringList answerableIds() const;
    bool offersDisposition(const QString &id) const;
    QString dispositionLabel(const QString &id) const;  // the id itself when unknown
    // "Title of the source, section": what a citation shows people.
    QString citationText(const Citation &citation) const;

  private:
    QByteArray m_canonical;
    QString m_sha256;
};
