#include "ListWait.h"

namespace {
const bool kTestsWaitForFirstPages =
    (CaseTableModel::setFirstPageWait(kTestsFirstPageWaitMs), true);
}  // namespace
