#pragma once

#include <QDate>
#include <QDateTime>

// The one source of "now" in model/, so tests can pin the date (the KeePassXC habit).
class Clock {
  public:
    static QDateTime nowUtc();
    static QDate today();  // local calendar date
    // Pins the clock at the given instant; an invalid QDateTime unpins it.
    static void setFixed(const QDateTime &utc);
};
