#pragma once

#include "domain/Case.h"

#include <QByteArray>

// Makes a case shareable for statistics: the A-number becomes a pseudonym (the first 10
// hex digits of SHA-256 over a random key made for this export and never stored, so
// the same person has the same pseudonym within one file and cannot be looked up), the
// names, date of birth, place of apprehension, counsel's bar number and every free-text
// note are removed, counsel's name becomes "represented", and family members keep only
// their relation and status. Courts, dates of the proceedings, codes, charges' offences
// and dispositions stay: they are what statistics count.
class CaseMasking {
  public:
    CaseMasking();
    Case mask(const Case &c) const;
    QString pseudonym(const QString &aNumberDigits) const;  // "P-1a2b3c4d5e"

  private:
    QByteArray m_key;
};
