#pragma once

#include <QString>

// Times as a person reads them: the user's locale format, local time, with the zone
// ("12/1/26 9:15 AM EST"), never a raw ISO or PDF date.
namespace LocalTime {
// From a UTC ISO 8601 string as the docket keeps it; the string itself if it is no date.
QString text(const QString &isoUtc);
}  // namespace LocalTime
