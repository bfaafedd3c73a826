#include "WorkerPool.h"

namespace {
Q_GLOBAL_STATIC(QThreadPool, workers)
}  // namespace

QThreadPool *WorkerPool::instance() {
    return workers();
}
