#pragma once

#include "domain/Case.h"

#include <QHash>
#include <QList>
#include <QRandomGenerator>
#include <QStringList>

class CaseStore;

// Makes a synthetic docket that looks like the real backlog: courts from the court
// list, nationalities weighted like the national docket, names from per-region lists
// (resources/names), plausible dates, a minority with criminal history, many with US
// citizen or permanent-resident family, a mix of represented and unrepresented, some
// entries after 2020-11-01, some relief applications. The same seed gives the same
// docket. Every field is invented; the docket is marked synthetic.
class DocketGenerator {
  public:
    DocketGenerator(quint32 seed, QStringList courtCodes, QDate today);

    Case next();  // the next invented case

    // Fills an empty or existing docket with `count` cases and marks it synthetic. Every
    // date is placed relative to `asOf` (hearings after it, entries and charges before it),
    // so the same seed and the same `asOf` give the same docket on any day it is run.
    static bool fill(CaseStore &store, qint64 count, quint32 seed, QDate asOf, QString *error);

  private:
    struct Nationality {
        QString name;
        QString language;
        QString region;
        int weight;
    };
    void loadNationalities();
    QStringList names(const QString &region, const char *part);
    const Nationality &pickNationality();
    QString pick(const QStringList &list);
    bool chance(double p) { return m_random.generateDouble() < p; }
    QDate between(const QDate &from, const QDate &to);
    void fillEntry(Case &c);
    void fillCourt(Case &c);
    void fillCounsel(Case &c);
    void fillCharges(Case &c);
    void fillFamily(Case &c);
    void fillRelief(Case &c);
    void fillNotes(Case &c);

    QRandomGenerator m_random;
    QStringList m_courts;
    QDate m_today;
    QList<Nationality> m_nationalities;
    int m_totalWeight = 0;
    QHash<QString, QStringList> m_names;
    quint64 m_sequence = 0;
    quint64 m_offset = 0;
};
