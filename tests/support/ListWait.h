#pragma once

#include "models/CaseTableModel.h"

// The tests check a list right after changing its filter or sort. The window waits
// CaseTableModel::kFirstPageWaitMs for a new list's first page and shows the list empty while
// it is slower; with two sanitized tests running on two cores the reader thread can take
// longer than that to be scheduled, and a check would see the empty list. Every test waits
// this long instead (ListWait.cpp, linked into each).
inline constexpr int kTestsFirstPageWaitMs = 30000;

// For the tests of the wait itself: the window's wait while it lives.
class WindowFirstPageWait {
  public:
    WindowFirstPageWait() { CaseTableModel::setFirstPageWait(CaseTableModel::kFirstPageWaitMs); }
    ~WindowFirstPageWait() { CaseTableModel::setFirstPageWait(kTestsFirstPageWaitMs); }
    WindowFirstPageWait(const WindowFirstPageWait &) = delete;
    WindowFirstPageWait &operator=(const WindowFirstPageWait &) = delete;
};
