#pragma once

#include <QSemaphore>
#include <QThreadPool>

// Every thread of a pool (Qt's global one unless told) kept busy for as long as this lives:
// work queued there does not run until it goes. Held, Qt's global pool shows that work which
// must run on WorkerPool does (a test waiting for it would time out otherwise); Qt 6.4 paints
// large fills on the global pool, so nothing may be painted meanwhile (widgets stay hidden,
// no grab()). Held, WorkerPool keeps the count of a list from arriving while a test looks at
// what comes before it.
class HeldPool {
  public:
    explicit HeldPool(QThreadPool *pool = QThreadPool::globalInstance())
        : m_pool(pool), m_threads(pool->maxThreadCount()) {
        for (int i = 0; i < m_threads; ++i)
            m_pool->start([this] {
                m_started.release();
                m_release.acquire();
            });
        m_started.acquire(m_threads);  // each thread is in a task, none left free
    }
    ~HeldPool() {
        m_release.release(m_threads);
        m_pool->waitForDone();
    }
    HeldPool(const HeldPool &) = delete;
    HeldPool &operator=(const HeldPool &) = delete;

  private:
    QThreadPool *m_pool;
    const int m_threads;
    QSemaphore m_started;
    QSemaphore m_release;
};
