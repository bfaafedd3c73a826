#include "Clock.h"

namespace {
QDateTime &fixedInstant() {
    static QDateTime instant;
    return instant;
}
}  // namespace

QDateTime Clock::nowUtc() {
    return fixedInstant().isValid() ? fixedInstant() : QDateTime::currentDateTimeUtc();
}

QDate Clock::today() {
    return fixedInstant().isValid() ? fixedInstant().toLocalTime().date() : QDate::currentDate();
}

void Clock::setFixed(const QDateTime &utc) {
    fixedInstant() = utc.toUTC();
}
