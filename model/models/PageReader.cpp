#include "PageReader.h"

#include "store/CasePager.h"
#include "store/DocketFile.h"

#include <QSqlDatabase>
#include <QThread>
#include <memory>

PageReader::PageReader(const QString &docketPath, QObject *parent)
    : QObject(parent), m_path(docketPath) {
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

bool PageReader::next(Request *request) {
    const QMutexLocker lock(&m_mutex);
    while (!m_stop && m_queue.isEmpty())
        m_wake.wait(&m_mutex);
    if (m_stop)
        return false;
    *request = m_queue.takeLast();
    return true;
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
        // Posted to this object's thread; dropped with it if it is destroyed first.
        QMetaObject::invokeMethod(
            this,
            [this, generation = request.generation, block = request.block,
             rows = CaseRowCache::Block{page.rows, page.lastKey}] {
                Q_EMIT pageRead(generation, block, rows);
            },
            Qt::QueuedConnection);
    } while (next(&request));
}
