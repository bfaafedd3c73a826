#include "GiveWay.h"

#include <QCoreApplication>
#include <QThread>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#include <cerrno>
#endif

namespace {
constexpr int kNice = 5;  // about a third of the GUI thread's share when both want a core
}

GiveWay::GiveWay() {
#ifdef Q_OS_LINUX
    const QCoreApplication *app = QCoreApplication::instance();
    if (!app || QThread::currentThread() == app->thread())
        return;
    errno = 0;
    const int before = getpriority(PRIO_PROCESS, id_t(gettid()));
    if (errno != 0 || before >= kNice)
        return;
    m_before = before;
    m_lowered = setpriority(PRIO_PROCESS, id_t(gettid()), kNice) == 0;
#endif
}

GiveWay::~GiveWay() {
#ifdef Q_OS_LINUX
    // An unprivileged thread may not raise its priority again unless RLIMIT_NICE allows it;
    // refused, the pool thread stays gentle, which only matters when the cores are busy.
    if (m_lowered)
        setpriority(PRIO_PROCESS, id_t(gettid()), m_before);
#endif
}
