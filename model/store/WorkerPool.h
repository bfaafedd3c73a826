#pragma once

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <utility>

// The threads long work runs on: the exact count, the count of hearings soon, the
// dashboard's numbers, the audit log's actions, imports, exports, batches of PDFs. Never
// Qt's global pool: Qt 6.4's raster paint engine splits every large fill (a grid line the
// height of the list, a scroll bar, a panel) across QThreadPool::globalInstance() and the
// GUI thread waits for the pieces. With the global pool's threads busy with a four-second
// count or a batch of PDFs, each paint queued behind that work: the first paint after
// opening a 15-million-case docket stood 27-45 ms, most of it waiting. (Qt 6.6 gives its
// painting a pool of its own; this does the same from our side.)
namespace WorkerPool {
QThreadPool *instance();

// QtConcurrent::run on this pool.
template <typename Function, typename... Args>
auto run(Function &&function, Args &&...args) {
    return QtConcurrent::run(instance(), std::forward<Function>(function),
                             std::forward<Args>(args)...);
}
}  // namespace WorkerPool
