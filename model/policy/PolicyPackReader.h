#pragma once

#include "PolicyPack.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

// Reads and checks one policy pack, remembering the first problem and the JSON path
// where it is ("rules[2].when.all[0].fact: unknown fact 'represnted'").
class PolicyPackReader {
  public:
    bool read(const QJsonObject &root, PolicyPack &pack);
    const QString &error() const { return m_error; }

  private:
    bool fail(const QString &path, const QString &problem);
    bool checkKeys(const QJsonObject &o, const QString &path, const QStringList &required,
                   const QStringList &optional = {});
    QString text(const QJsonObject &o, const QString &key, const QString &path);
    QDate date(const QJsonValue &v, const QString &path, bool optional = false);
    QJsonArray array(const QJsonObject &o, const QString &key, const QString &path);
    QJsonObject object(const QJsonValue &v, const QString &path);
    Citation citation(const QJsonObject &o, const QString &path);
    QStringList factList(const QJsonObject &o, const QString &path);
    bool readHeader(const QJsonObject &root, PolicyPack &pack);
    bool readSources(const QJsonObject &root, PolicyPack &pack);
    bool readPeriods(const QJsonObject &root, PolicyPack &pack);
    QList<PolicyItem> items(const QJsonObject &root, const QString &key);
    ProcedureNote procedure(const QJsonObject &o, const QString &key, const QString &path);
    bool readRules(const QJsonObject &root, PolicyPack &pack);
    bool checkCondition(const QJsonValue &v, const QString &path, const PolicyPack &pack);
    bool checkLeaf(const QJsonObject &o, const QString &path, const PolicyPack &pack);

    QString m_error;
    QSet<QString> m_ids;      // every item id seen, to refuse duplicates
    QSet<QString> m_sources;  // source ids, for citations
};
