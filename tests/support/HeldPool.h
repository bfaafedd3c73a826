#pragma once

#include <QSemaphore>
#include <QThreadPool>

// Every thread of Qt's global pool kept busy for as long as this lives: work that would
// queue there instead of on WorkerPool does not run until it goes (so a test waiting for
// that work times out instead of passing). Qt 6.4 paints large fills on the global pool:
// nothing may be painted meanwhile (widgets stay hidden, no grab()).
class HeldGlobalPool {
  public:
    HeldGlobalPool() : m_threads(QThreadPool::globalInstance()->maxThreadCount()) {
        for (int i = 0; i < m_threads; ++i)
            QThreadPool::globalInstance()->start([this] {
                m_started.release();
                m_release.acquire();
            });
        m_started.acquire(m_threads);  // each thread is in a task, none left free
    }
    ~HeldGlobalPool() {
        m_release.release(m_threads);
        QThreadPool::globalInstance()->waitForDone();
    }
    HeldGlobalPool(const HeldGlobalPool &) = delete;
    HeldGlobalPool &operator=(const HeldGlobalPool &) = delete;

  private:
    const int m_threads;
    QSemaphore m_started;
    QSemaphore m_release;
};
