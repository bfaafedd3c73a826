#pragma once

#include "PolicyPack.h"

class CaseStore;

// The policy packs a docket can use: the ones shipped with the program and the ones
// loaded into the docket from files (kept there as exact text, like the text of every
// pack a review was made under).
namespace PolicyLibrary {
QList<PolicyPack> available(CaseStore &store);
// Checks a pack file and, when it is valid, keeps its text in the docket.
std::optional<PolicyPack> load(CaseStore &store, const QString &path, QString *error);
}  // namespace PolicyLibrary
