#include "WorkerPool.h"

#include <QCoreApplication>

namespace {
Q_GLOBAL_STATIC(QThreadPool, workers)

// The pool's threads end with the application object, as Qt's global pool's do: left to
// the end of the process they outlived the per-thread data Qt keeps for them (QThreadStorage
// warned at every exit).
void joinWorkers() {
    workers()->waitForDone();
}
}  // namespace

QThreadPool *WorkerPool::instance() {
    static const bool joinedAtExit = [] {
        qAddPostRoutine(joinWorkers);
        return true;
    }();
    Q_UNUSED(joinedAtExit);
    return workers();
}
