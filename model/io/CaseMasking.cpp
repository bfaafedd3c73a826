#include "CaseMasking.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

CaseMasking::CaseMasking() : m_key(32, '\0') {
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(m_key.data()),
                                          m_key.size() / 4);
}

QString CaseMasking::pseudonym(const QString &aNumberDigits) const {
    const QByteArray digest = QCryptographicHash::hash(QByteArray(m_key + aNumberDigits.toUtf8()),
                                                       QCryptographicHash::Sha256);
    return QStringLiteral("P-") + QString::fromLatin1(digest.toHex().left(10));
}

Case CaseMasking::mask(const Case &c) const {
    Case m = c;
    m.aNumber = pseudonym(c.aNumber);
    m.familyName = QStringLiteral("MASKED");
    m.givenNames.clear();
    m.dateOfBirth = {};
    m.apprehensionPlace.clear();
    m.counselName = c.counselName.trimmed().isEmpty() ? QString() : QStringLiteral("represented");
    m.counselBarNumber.clear();
    m.militaryService = c.militaryService.trimmed().isEmpty() ? QString() : QStringLiteral("yes");
    m.healthNotes.clear();
    m.victimWitnessNotes.clear();
    m.notes.clear();
    for (FamilyMember &f : m.family)
        f.name.clear();
    for (Charge &charge : m.charges)
        charge.sentence.clear();
    return m;
}
