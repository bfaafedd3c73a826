#pragma once

#include <QStringList>

class CaseStore;

// The audit log's account of every review against what the docket keeps. Each review the
// log names, for a case not deleted since, must still be there, under the same case, with
// the status and the record its last entry gave it (review.save, review.ready,
// review.amend); and in a docket whose log began with it, every review must be one the log
// names. So a draft or an amendment deleted, a draft passed off as ready, or a record
// rewritten outside Discretion is named, even when it was never signed.
namespace ReviewLedger {
QStringList problems(CaseStore &store);
}  // namespace ReviewLedger
