#pragma once

#include "domain/Clock.h"

#include <QDateTime>

// Every test runs at one fixed instant, whatever the machine's date: the program's
// clock (Clock) is pinned before main() by PinnedClock.cpp, which every test links.
// Generated dockets, review dates, hearings "within 14 days", the dashboard's weeks,
// audit times and the validity of identities made in a test all follow from it.
// Noon UTC is the same calendar day in every time zone from UTC-11 to UTC+11.
// DISCRETION_TEST_DATE=yyyy-MM-dd moves the pin (scripts/test --date runs the suite with
// it and under faketime at that date), so the same tests prove the logic on any day.
namespace PinnedClock {
inline QDateTime now() {
    static const QDateTime pinned = [] {
        const QDate asked =
            QDate::fromString(qEnvironmentVariable("DISCRETION_TEST_DATE"), Qt::ISODate);
        return QDateTime(asked.isValid() ? asked : QDate(2026, 11, 29), QTime(12, 0), Qt::UTC);
    }();
    return pinned;
}
inline QDate today() {
    return now().date();
}
// Pins the clock again (after a test moved it).
inline void restore() {
    Clock::setFixed(now());
}
}  // namespace PinnedClock
