#pragma once

#include <QString>

// The docket a new user sees: a few hundred invented cases in the user's data folder,
// made on first start and reused after that.
namespace DemoDocket {
constexpr int kCases = 400;
constexpr quint32 kSeed = 2021;
QString defaultPath();
// Returns the path of the demo docket, generating it first when it does not exist.
QString ensure(QString *error);
}  // namespace DemoDocket
