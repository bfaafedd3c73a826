#pragma once

#include "CaseRowCache.h"
#include "store/CasePager.h"
#include "store/CaseQuery.h"

#include <QDeadlineTimer>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QSemaphore>
#include <QWaitCondition>

class QSqlDatabase;
class QThread;

// Reads pages of the case list on a thread of its own, over a read-only connection of its
// own, so that drawing rows never waits for the disk on the GUI thread. While an export or an
// import kept both cores and the disk busy, one page read there held the window 20–66 ms
// (bench_stalls, 1.5M cases). The newest request is read first, since it is what the screen
// shows now; past kQueued waiting requests the oldest are dropped (the list moved on).
class PageReader : public QObject {
    Q_OBJECT
  public:
    // One page: the rows after `after` (skipping `skip`), or from row `offset` when `after` is
    // empty. `generation` and `block` come back with the rows, for the caller to match.
    struct Request {
        quint64 generation = 0;
        int block = 0;
        CaseFilter filter;
        CaseSort sort;
        CasePager::Key after;
        qint64 skip = 0;
        qint64 offset = 0;
        int limit = 0;
    };
    static constexpr int kQueued = 8;

    explicit PageReader(const QString &docketPath, QObject *parent = nullptr);
    ~PageReader() override;  // stops the thread; pages not yet delivered are dropped

    void read(const Request &request);
    // Waits until a page read is waiting to be delivered, or the deadline; true if one is.
    // The caller then delivers it (deliverAll) without an event loop: a window that can wait a
    // few milliseconds draws the rows of a jump at once instead of empty.
    bool waitForDelivery(QDeadlineTimer deadline);
    // Emits pageRead for every page read and not yet delivered, on the calling thread (the
    // one this object lives in).
    void deliverAll();
    // Held, the thread reads nothing until released, as if stuck on a slow page (for tests).
    void setHeld(bool held);
    // The page a request names, read through `pager` on the calling thread.
    static CasePager::Page readPage(const CasePager &pager, const Request &request);

  Q_SIGNALS:
    // Delivered on the thread this object lives in.
    void pageRead(quint64 generation, int block, const CaseRowCache::Block &rows);
    // A request dropped unread: ask again if the rows are still wanted.
    void dropped(quint64 generation, int block);
    // The docket could not be opened for reading here (read-only folder, a bulk load under
    // way): nothing more will be read; the caller reads on its own thread.
    void unavailable();
    // Pages read wait in the mailbox (emitted on the reader thread; deliverAll answers it).
    void pagesWaiting();

  private:
    struct Delivery {
        quint64 generation = 0;
        int block = 0;
        CaseRowCache::Block rows;
    };
    void deliver(Delivery delivery);
    void run();
    void serve(QSqlDatabase &db, const Request &first);
    bool next(Request *request);

    QString m_path;
    QThread *m_thread = nullptr;
    QMutex m_mutex;
    QWaitCondition m_wake;
    QSemaphore m_deliveries;      // released once per page delivered to the mailbox
    QList<Delivery> m_delivered;  // read, not yet delivered
    QList<Request> m_queue;       // newest last
    bool m_stop = false;
    bool m_held = false;
};
