#include "LocalTime.h"

#include <QDateTime>
#include <QLocale>

namespace LocalTime {
QString text(const QString &isoUtc) {
    QDateTime when = QDateTime::fromString(isoUtc, Qt::ISODate);
    if (!when.isValid())
        return isoUtc;
    when = when.toLocalTime();
    return QLocale().toString(when, QLocale::ShortFormat) + u' ' + when.timeZoneAbbreviation();
}
}  // namespace LocalTime
