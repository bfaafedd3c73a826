#pragma once

#include "store/CaseStore.h"

#include <QList>
#include <QString>

// The EOIR court list, shipped as data (resources/data/courts.csv) because it changes.
class CourtList {
  public:
    static CourtList builtIn();
    static CourtList fromCsv(const QByteArray &csv, QString *error);

    const QList<Court> &courts() const { return m_courts; }
    const QString &hash() const { return m_hash; }  // SHA-256 of the source bytes

  private:
    QList<Court> m_courts;
    QString m_hash;
};
