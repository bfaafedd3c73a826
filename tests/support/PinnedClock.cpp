#include "PinnedClock.h"

// Runs before QTest's main: no test sees the wall clock through Clock.
namespace {
const bool kPinned = (PinnedClock::restore(), true);
}  // namespace
