#include "PinnedClock.h"

#include <QFileInfo>

// Runs before QTest's main: no test sees the wall clock through Clock, and no program a
// test starts sees it either. The environment set here is inherited by every QProcess:
// libfaketime, preloaded into the child, starts its clock at the pinned instant (and lets
// it run), so an identity made in the test at the pin is as valid for the program the
// test runs as for the test itself, on any real date.
namespace {
void pinChildProcesses() {
    const QString library = QStringLiteral(DISCRETION_LIBFAKETIME);
    if (!QFileInfo::exists(library))
        qFatal("%s is missing: install the Debian package faketime", qPrintable(library));
    QByteArray preload = qgetenv("LD_PRELOAD");
    if (!preload.contains(library.toUtf8()))
        preload = preload.isEmpty() ? library.toUtf8() : library.toUtf8() + ' ' + preload;
    qputenv("LD_PRELOAD", preload);
    qputenv("FAKETIME", "@" + PinnedClock::now().toString(u"yyyy-MM-dd hh:mm:ss"_qs).toUtf8());
    qputenv("TZ", "UTC");  // the pin is noon UTC: children read it as UTC too
    // Timeouts and progress use the monotonic clock: leave it real.
    qputenv("FAKETIME_DONT_FAKE_MONOTONIC", "1");
    // A sanitizer build checks that its runtime is loaded first; libfaketime only wraps
    // time calls, so that order does not matter here.
    QByteArray asan = qgetenv("ASAN_OPTIONS");
    if (!asan.contains("verify_asan_link_order"))
        qputenv("ASAN_OPTIONS", asan + (asan.isEmpty() ? "" : ":") + "verify_asan_link_order=0");
}

const bool kPinned = (PinnedClock::restore(), pinChildProcesses(), true);
}  // namespace
