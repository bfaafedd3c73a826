#include "PageReader.h"

#include "store/CasePager.h"
#include "store/DocketFile.h"

#include <QSqlDatabase>
#include <QThread>
#include <memory>

PageReader::PageReader(const QString &docketPath, QObject *parent)
    : QObject(parent), m_path(docketPath) {
    // Emitted on the reader thread, delivered on this object's: queued.
    connect(this, &PageReader::pagesWaiting, this, &PageReader::deliverAll, Qt::QueuedConnection);
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(QStringLiteral("case-list pages"));
    m_thread->start();
}

PageReader::~PageReader() {
    {
        const QMutexLocker lock(&m_mutex);
        m_stop = true;
        m_wake.wakeAll();
    }
    m_thread->wait();
    delete m_thread;
}

void PageReader::read(const Request &request) {
    QList<Request> dropped;
    {
        const QMutexLocker lock(&m_mutex);
        // Pages of a list read before this one are of no use any more.
        m_queue.removeIf([&](const Request &r) { return r.generation < request.generation; });
        m_queue.append(request);
        while (m_queue.size() > kQueued)
            dropped << m_queue.takeFirst();
        m_wake.wakeOne();
    }
    for (const Request &r : std::as_const(dropped))
        Q_EMIT this->dropped(r.generation, r.block);
}

void PageReader::setHeld(bool held) {
    const QMutexLocker lock(&m_mutex);
    m_held = held;
    m_wake.wakeAll();
}

bool PageReader::next(Request *request) {
    const QMutexLocker lock(&m_mutex);
    while (!m_stop && (m_queue.isEmpty() || m_held))
        m_wake.wait(&m_mutex);
    if (m_stop)
        return false;
    *request = m_queue.takeLast();
    return true;
}

// Left in the mailbox for deliverAll(): posted to this object's thread (once for pages that
// arrive together; dropped with the object if it is destroyed first), or taken at once by a
// caller waiting in waitForDelivery().
void PageReader::deliver(Delivery delivery) {
    bool first = false;
    {
        const QMutexLocker lock(&m_mutex);
        first = m_delivered.isEmpty();
        m_delivered.append(std::move(delivery));
    }
    m_deliveries.release();
    if (first)
        Q_EMIT pagesWaiting();
}

void PageReader::deliverAll() {
    QList<Delivery> delivered;
    {
        const QMutexLocker lock(&m_mutex);
        delivered.swap(m_delivered);
    }
    for (const Delivery &d : std::as_const(delivered))
        Q_EMIT pageRead(d.generation, d.block, d.rows);
}

// A semaphore rather than a wait condition: its futex wait takes a relative timeout, where a
// wait condition's absolute one on the monotonic clock was taken for a wall-clock time by
// libfaketime (the test suite runs under it at other dates) and expired at once. A release
// left over from pages already delivered only makes the loop look once more.
bool PageReader::waitForDelivery(QDeadlineTimer deadline) {
    for (;;) {
        {
            const QMutexLocker lock(&m_mutex);
            if (!m_delivered.isEmpty())
                return true;
        }
        const qint64 remaining = deadline.remainingTime();
        if (remaining <= 0 || !m_deliveries.tryAcquire(1, int(remaining)))
            return false;
    }
}

CasePager::Page PageReader::readPage(const CasePager &pager, const Request &request) {
    if (!request.after.isEmpty())
        return pager.after(request.after, request.limit, request.skip);
    if (request.offset == 0)
        return pager.first(request.limit);
    return pager.atOffset(request.offset, request.limit);
}

void PageReader::run() {
    // The docket is opened at the first request: a list nobody draws costs no connection.
    Request first;
    if (!next(&first))
        return;
    // The window waits for these rows: the read does not give way as background work does.
    const bool opened = DocketFile::readOnThisThread(
        m_path, [&](QSqlDatabase &db) { serve(db, first); }, DocketFile::Priority::Foreground);
    if (!opened)
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT unavailable(); }, Qt::QueuedConnection);
}

void PageReader::serve(QSqlDatabase &db, const Request &first) {
    std::unique_ptr<CasePager> pager;
    Request request = first;
    do {
        if (!pager || !(pager->filter() == request.filter) || !(pager->sort() == request.sort))
            pager = std::make_unique<CasePager>(db, request.filter, request.sort);
        const CasePager::Page page = readPage(*pager, request);
        deliver({request.generation, request.block, {page.rows, page.lastKey, page.error}});
    } while (next(&request));
}
