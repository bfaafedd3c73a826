#pragma once

#include "MainWindow.h"

#include <QSize>
#include <QTest>

// The main window on a docket, shown at a person's screen size and waited for until it is
// active, for tests of what the window does once it is in front of someone.
[[nodiscard]] inline bool showOnDocket(MainWindow &w, const QString &docket,
                                       QSize size = {1280, 800}) {
    if (!w.openDocket(docket))
        return false;
    w.resize(size);
    w.show();
    return QTest::qWaitForWindowActive(&w);
}
