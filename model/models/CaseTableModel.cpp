#include "CaseTableModel.h"

#include "domain/ANumber.h"
#include "domain/Clock.h"
#include "domain/Codes.h"
#include "store/CaseStore.h"
#include "store/ReviewQueue.h"
#include "store/WorkerPool.h"

#include "store/DocketFile.h"
#include "store/Sqlite.h"

#include <QColor>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFont>
#include <QSqlDatabase>
#include <QThread>
#include <algorithm>
#include <utility>

namespace {
// Runs the census on its own read-only connection: SQLite connections belong to one thread.
CasePager::Census runCensus(const QString &path, const CaseFilter &filter, const CaseSort &sort,
                            std::shared_ptr<std::atomic_bool> cancelled) {
    CasePager::Census census;
    DocketFile::readOnThisThread(path, [&](QSqlDatabase &db) {
        // Stopped inside SQLite too: a sort that must order every match before its first
        // row would otherwise run to its end for a list nobody looks at any more.
        const Sqlite::Interruptible interruptible(Sqlite::handle(db), cancelled.get());
        census = CasePager(db, filter, sort).census(CaseTableModel::kAnchorStride, [&] {
            return cancelled->load();
        });
    });
    return census;
}

// The rows of some cases, counted on a read-only connection of its own; stops early once
// cancelled. Empty when the docket cannot be opened here.
QHash<qint64, int> runLocate(const QString &path, const CaseFilter &filter, const CaseSort &sort,
                             const QList<qint64> &ids,
                             std::shared_ptr<std::atomic_bool> cancelled) {
    QHash<qint64, int> rows;
    DocketFile::readOnThisThread(path, [&](QSqlDatabase &db) {
        const Sqlite::Interruptible interruptible(Sqlite::handle(db), cancelled.get());
        const CasePager pager(db, filter, sort);
        for (const qint64 id : ids)
            rows.insert(id, int(pager.positionOf(id)));
    });
    return rows;
}

QString shortHearingType(const QString &code) {
    if (code == u"master")
        return QCoreApplication::translate("CaseTableModel", "Master");
    if (code == u"individual")
        return QCoreApplication::translate("CaseTableModel", "Individual");
    return code;
}
// yyyy-MM-dd naming a day that exists: "2026-02-30" has the form and no day.
bool isIsoDate(QStringView text) {
    if (text.size() != 10 || text[4] != u'-' || text[7] != u'-')
        return false;
    if (!std::all_of(text.begin(), text.end(),
                     [](QChar c) { return c == u'-' || (c >= u'0' && c <= u'9'); }))
        return false;
    const auto number = [&text](qsizetype from, qsizetype length) {
        return text.sliced(from, length).toInt();
    };
    return QDate(number(0, 4), number(5, 2), number(8, 2)).isValid() && number(0, 4) > 0;
}
}  // namespace

CaseTableModel::CaseTableModel(QObject *parent) : QAbstractTableModel(parent) {}

CaseTableModel::~CaseTableModel() {
    if (m_cancelCensus)
        m_cancelCensus->store(true);
    if (m_censusWatcher)
        m_censusWatcher->waitForFinished();
}

void CaseTableModel::setStore(CaseStore *store) {
    m_store = store;
    m_reader.reset();
    if (store)
        startReader();
    m_courtNames.clear();
    if (store)
        for (const Court &c : store->courts())
            m_courtNames.insert(c.code, c.name);
    reload(FirstPage::ReadHere);
}

void CaseTableModel::setFilter(const CaseFilter &filter) {
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload(FirstPage::FromReader);
}

void CaseTableModel::refresh() {
    reload(FirstPage::FromReader);
}

void CaseTableModel::sort(int column, Qt::SortOrder order) {
    const CaseSort sort{sortKeyFor(column), order == Qt::DescendingOrder};
    if (sort == m_sort)
        return;
    m_sort = sort;
    reload(FirstPage::FromReader);
}

CaseSortKey CaseTableModel::sortKeyFor(int column) {
    static const CaseSortKey keys[ColumnCount] = {
        CaseSortKey::ANumber, CaseSortKey::Name,        CaseSortKey::Nationality,
        CaseSortKey::Court,   CaseSortKey::NextHearing, CaseSortKey::Custody,
        CaseSortKey::Counsel, CaseSortKey::ReviewStatus};
    return column >= 0 && column < ColumnCount ? keys[column] : CaseSortKey::NextHearing;
}

// Opening a docket reads its first page here: the reader thread opens its own connection at
// its first request, and the window waits for the list anyway. A new filter, sort or re-read
// asks the reader and waits up to kFirstPageWaitMs for it; a page slower than that (a name
// prefix matching 50,000 cases took 73 ms) leaves the list empty and "reading" until it comes,
// and the window goes on meanwhile.
void CaseTableModel::reload(FirstPage firstPage) {
    ++m_generation;
    for (const auto &cancel : {m_cancelCensus, m_cancelLocate})
        if (cancel)
            cancel->store(true);
    m_firstPagePending = false;
    if (m_store && m_reader && firstPage == FirstPage::FromReader) {
        m_pendingPager = std::make_unique<CasePager>(m_store->database(), m_filter, m_sort);
        m_firstPagePending = true;
        m_asked.clear();
        askReader(0);
        const QDeadlineTimer deadline(s_firstPageWaitMs);
        while (m_firstPagePending && m_reader && m_reader->waitForDelivery(deadline))
            m_reader->deliverAll();  // pageArrived() shows the page
        if (m_firstPagePending)
            showList(std::move(m_pendingPager), nullptr);
        return;
    }
    m_pendingPager.reset();
    std::unique_ptr<CasePager> pager;
    CaseRowCache::Block first;
    if (m_store) {
        pager = std::make_unique<CasePager>(m_store->database(), m_filter, m_sort);
        const CasePager::Page page = PageReader::readPage(*pager, requestFor(0));
        first = {page.rows, page.lastKey, page.error};
    }
    showList(std::move(pager), m_store ? &first : nullptr);
}

// The list starts again with its first page, or empty and waiting for it (no first page).
void CaseTableModel::showList(std::unique_ptr<CasePager> pager, CaseRowCache::Block *first) {
    beginResetModel();
    // After a long scroll the cache holds 16,000 rows: freeing them took 5 ms of the window's
    // thread. Nothing else refers to them, so a worker frees them.
    if (QHash<int, CaseRowCache::Block> old = m_cache.takeAll(); !old.isEmpty()) [[maybe_unused]]
        const auto freed = WorkerPool::run([old = std::move(old)]() mutable { old.clear(); });
    m_asked.clear();
    m_anchors.clear();
    m_pager = std::move(pager);
    m_readError = first ? first->error : QString();
    m_rowCount = 0;
    m_countExact = m_pager == nullptr;
    m_soonFrom = Clock::today().toString(Qt::ISODate);
    m_soonUntil = Clock::today().addDays(ReviewQueue::kSoonDays).toString(Qt::ISODate);
    if (first) {
        m_rowCount = int(first->rows.size());
        m_countExact = m_rowCount < kBlockSize;
        m_cache.insert(0, std::move(*first));
    }
    if (m_firstPagePending)
        m_asked.insert(0);
    endResetModel();
    Q_EMIT countChanged(m_rowCount, m_countExact);
    if (!m_countExact && !m_firstPagePending)
        startCensus();
}

// The first page came after the list was shown empty: its rows are inserted.
void CaseTableModel::firstPageArrived(CaseRowCache::Block block) {
    m_firstPagePending = false;
    m_readError = block.error;
    if (m_pendingPager) {  // within the wait: the list is shown with it
        showList(std::move(m_pendingPager), &block);
        return;
    }
    m_asked.remove(0);
    const int rows = int(block.rows.size());
    m_countExact = rows < kBlockSize;
    if (rows > 0) {
        beginInsertRows({}, 0, rows - 1);
        m_rowCount = rows;
        m_cache.insert(0, std::move(block));
        endInsertRows();
    }
    Q_EMIT countChanged(m_rowCount, m_countExact);
    if (!m_countExact)
        startCensus();
}

bool CaseTableModel::waitForFirstPage(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (m_firstPagePending && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return !m_firstPagePending;
}

void CaseTableModel::startCensus() {
    m_cancelCensus = std::make_shared<std::atomic_bool>(false);
    const quint64 generation = m_generation;
    auto *watcher = new QFutureWatcher<CasePager::Census>(this);
    connect(watcher, &QFutureWatcher<CasePager::Census>::finished, this,
            [this, watcher, generation] {
                if (m_censusWatcher == watcher)
                    m_censusWatcher = nullptr;
                applyCensus(watcher->result(), generation);
                watcher->deleteLater();
            });
    // An older census still running was cancelled by reload() and stops at its next step; its
    // result is ignored. Not waited for: a census not started yet would run here, on the
    // window's thread.
    m_censusWatcher = watcher;
    watcher->setFuture(
        WorkerPool::run(runCensus, m_store->path(), m_filter, m_sort, m_cancelCensus));
}

void CaseTableModel::applyCensus(const CasePager::Census &census, quint64 generation) {
    if (generation != m_generation)
        return;
    if (!census.ok) {  // the docket could not be read through: keep what is shown
        m_countExact = true;
        Q_EMIT countChanged(m_rowCount, true);
        return;
    }
    m_anchors = census.anchors;
    // Exact before the insert, so that views reacting to it do not fetch more.
    m_countExact = true;
    const int count = int(census.count);
    if (count > m_rowCount) {
        beginInsertRows({}, m_rowCount, count - 1);
        m_rowCount = count;
        endInsertRows();
    }
    Q_EMIT countChanged(m_rowCount, true);
}

int CaseTableModel::rowOfCase(qint64 id) const {
    return m_pager ? int(m_pager->positionOf(id)) : -1;
}

int CaseTableModel::rowOfCaseIfRead(qint64 id) const {
    const int row = m_cache.rowOf(id, kBlockSize);
    return row < m_rowCount ? row : -1;
}

QHash<qint64, QString> CaseTableModel::aNumbersIfRead(const QList<qint64> &ids) const {
    QHash<qint64, QString> out;
    for (const qint64 id : ids)
        if (const CaseListRow *r = rowIfRead(rowOfCaseIfRead(id)); r && r->id == id)
            out.insert(id, r->aNumber);
    return out;
}

void CaseTableModel::locateCases(const QList<qint64> &ids) {
    if (m_cancelLocate)
        m_cancelLocate->store(true);
    if (!m_store)
        return;
    auto cancelled = m_cancelLocate = std::make_shared<std::atomic_bool>(false);
    const quint64 generation = m_generation;
    auto *watcher = new QFutureWatcher<QHash<qint64, int>>(this);
    connect(watcher, &QFutureWatcher<QHash<qint64, int>>::finished, this,
            [this, watcher, generation, ids, cancelled] {
                watcher->deleteLater();
                if (generation != m_generation || cancelled->load())
                    return;
                QHash<qint64, int> rows = watcher->result();
                // A docket the worker cannot open (see PageReader::unavailable) is read here.
                for (const qint64 id : ids)
                    if (!rows.contains(id))
                        rows.insert(id, rowOfCase(id));
                Q_EMIT casesLocated(rows);
            });
    watcher->setFuture(
        WorkerPool::run(runLocate, m_store->path(), m_filter, m_sort, ids, cancelled));
}

bool CaseTableModel::waitForCount(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!m_countExact && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return m_countExact;
}

PageReader::Request CaseTableModel::requestFor(int index) const {
    PageReader::Request request;
    request.generation = m_generation;
    request.block = index;
    request.filter = m_filter;
    request.sort = m_sort;
    request.limit = kBlockSize;
    const qint64 start = qint64(index) * kBlockSize;
    const CaseRowCache::Block *previous = index > 0 ? m_cache.peek(index - 1) : nullptr;
    if (index == 0)
        return request;
    if (previous && !previous->lastKey.isEmpty()) {
        request.after = previous->lastKey;
    } else if (const qint64 anchor = start / kAnchorStride - 1;
               anchor >= 0 && anchor < m_anchors.size()) {
        // anchors[i] is the key of row (i + 1) * stride - 1: continue just after it.
        request.after = m_anchors[anchor];
        request.skip = start - (anchor + 1) * kAnchorStride;
    } else {
        request.offset = start;
    }
    return request;
}

CaseRowCache::Block CaseTableModel::loadBlock(int index) const {
    const CasePager::Page page = PageReader::readPage(*m_pager, requestFor(index));
    if (!page.error.isEmpty())
        m_readError = page.error;
    return {page.rows, page.lastKey, page.error};
}

void CaseTableModel::startReader() {
    m_reader = std::make_unique<PageReader>(m_store->path());
    connect(m_reader.get(), &PageReader::pageRead, this, &CaseTableModel::pageArrived);
    connect(m_reader.get(), &PageReader::dropped, this, [this](quint64 generation, int index) {
        if (generation != m_generation)
            return;
        m_asked.remove(index);
        const int first = index * kBlockSize;
        const int last = qMin(m_rowCount, first + kBlockSize) - 1;
        if (first > last)
            return;
        // Views draw those rows again, asking again if they are still on screen.
        Q_EMIT dataChanged(this->index(first, 0), this->index(last, ColumnCount - 1));
        Q_EMIT rowsDropped(first, last);
    });
    // Read here from now on; views draw again and get their rows that way.
    connect(m_reader.get(), &PageReader::unavailable, this, [this] {
        m_reader.release()->deleteLater();
        m_asked.clear();
        if (m_firstPagePending)
            firstPageArrived(loadBlock(0));
        if (m_rowCount > 0) {
            Q_EMIT dataChanged(index(0, 0), index(m_rowCount - 1, ColumnCount - 1));
            Q_EMIT rowsRead(0, m_rowCount - 1);  // every row can be read here now
        }
    });
}

void CaseTableModel::askReader(int index) const {
    if (m_asked.contains(index))
        return;
    m_asked.insert(index);
    m_reader->read(requestFor(index));
}

void CaseTableModel::pageArrived(quint64 generation, int index, const CaseRowCache::Block &block) {
    if (generation != m_generation)
        return;
    if (index == 0 && m_firstPagePending) {
        firstPageArrived(block);
        return;
    }
    m_asked.remove(index);
    if (!block.error.isEmpty() && std::exchange(m_readError, block.error) != block.error)
        Q_EMIT countChanged(m_rowCount, m_countExact);  // views say the list is not whole
    m_cache.insert(index, block);
    const int first = index * kBlockSize;
    const int last = qMin(m_rowCount, first + int(block.rows.size())) - 1;
    if (last < first)
        return;
    Q_EMIT dataChanged(this->index(first, 0), this->index(last, ColumnCount - 1));
    Q_EMIT rowsRead(first, last);
}

const CaseListRow *CaseTableModel::rowIfRead(int row) const {
    if (!m_pager || row < 0 || row >= m_rowCount)
        return nullptr;
    if (!m_reader)
        return rowAt(row);
    const CaseRowCache::Block *block = m_cache.find(row / kBlockSize);
    if (!block) {
        askReader(row / kBlockSize);
        return nullptr;
    }
    const int offset = row % kBlockSize;
    return offset < block->rows.size() ? &block->rows[offset] : nullptr;
}

bool CaseTableModel::isRowRead(int row) const {
    return m_pager && row >= 0 && row < m_rowCount && m_cache.peek(row / kBlockSize);
}

qint64 CaseTableModel::caseIdIfRead(int row) const {
    const CaseListRow *r = rowIfRead(row);
    return r ? r->id : 0;
}

bool CaseTableModel::holdReader(bool held) {
    if (!m_reader)
        return false;
    m_reader->setHeld(held);
    return true;
}

bool CaseTableModel::areRowsRead(int first, int last) const {
    first = qMax(0, first);
    last = qMin(last, m_rowCount - 1);
    for (int index = first / kBlockSize; first <= last && index <= last / kBlockSize; ++index)
        if (!m_cache.peek(index))
            return false;
    return m_pager != nullptr;
}

void CaseTableModel::waitForRows(int first, int last, int ms) {
    if (!m_reader || !m_pager)
        return;
    readAhead(first, last);
    const QDeadlineTimer deadline(ms);
    while (!areRowsRead(first, last) && m_reader && !deadline.hasExpired() &&
           m_reader->waitForDelivery(deadline))
        m_reader->deliverAll();  // pageArrived() caches them
}

void CaseTableModel::readAhead(int first, int last) const {
    if (!m_reader || !m_pager)
        return;
    first = qMax(0, first);
    last = qMin(last, m_rowCount - 1);
    for (int index = first / kBlockSize; first <= last && index <= last / kBlockSize; ++index)
        if (!m_cache.peek(index))
            askReader(index);
}

const CaseListRow *CaseTableModel::rowAt(int row) const {
    if (!m_pager || row < 0 || row >= m_rowCount)
        return nullptr;
    const int index = row / kBlockSize;
    const CaseRowCache::Block *block = m_cache.find(index);
    if (!block) {
        m_cache.insert(index, loadBlock(index));
        block = m_cache.find(index);
    }
    const int offset = row % kBlockSize;
    return offset < block->rows.size() ? &block->rows[offset] : nullptr;
}

qint64 CaseTableModel::caseId(int row) const {
    const CaseListRow *r = rowAt(row);
    return r ? r->id : 0;
}

int CaseTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : m_rowCount;
}

int CaseTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CaseTableModel::display(const CaseListRow &r, int column) const {
    switch (column) {
        case ANumberColumn:
            return ANumber::displayDigits(r.aNumber);
        case NameColumn:
            return r.givenNames.isEmpty() ? r.familyName
                                          : r.familyName + QStringLiteral(", ") + r.givenNames;
        case NationalityColumn:
            return r.nationality;
        case CourtColumn:
            return r.court;
        case HearingColumn:
            // Said in words, as the details panel does: an empty cell also means a row whose
            // page is still being read (a new user could not tell them apart).
            if (r.nextHearingDate.isEmpty())
                return tr("none recorded");
            return hearingText(r.nextHearingDate, isHearingPast(r), r.nextHearingType);
        case CustodyColumn:
            return Codes::custody().label(r.custody);
        case CounselColumn:
            return r.counselName.isEmpty() ? tr("unrepresented") : r.counselName;
        case StatusColumn:
            return Codes::reviewStatuses().label(r.reviewStatus);
    }
    return {};
}

// A date gone by is not a next hearing: the docket has not been updated since. "(past)"
// beside the date, so that a narrow column cuts the type, not the mark.
QString CaseTableModel::hearingText(const QString &date, bool past, const QString &typeCode) {
    return QString(date + (past ? tr(" (past)") : QString()) + QStringLiteral("  ") +
                   shortHearingType(typeCode));
}

QString CaseTableModel::widestHearingText() {
    const QString date = QStringLiteral("2000-00-00");
    const QString master = hearingText(date, true, QStringLiteral("master"));
    const QString individual = hearingText(date, true, QStringLiteral("individual"));
    return master.size() > individual.size() ? master : individual;
}

// The dates are compared as text, which holds only for yyyy-MM-dd: a value edited into the
// docket by hand (" 2027-03-01", "12/10/2026") is marked neither past nor soon.
bool CaseTableModel::isHearingPast(const CaseListRow &r) const {
    return isIsoDate(r.nextHearingDate) && r.nextHearingDate < m_soonFrom;
}

bool CaseTableModel::isHearingSoon(const CaseListRow &r) const {
    return r.reviewStatus != u"signed" && isIsoDate(r.nextHearingDate) &&
           r.nextHearingDate >= m_soonFrom && r.nextHearingDate <= m_soonUntil;
}

QVariant CaseTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.parent().isValid())
        return {};
    const CaseListRow *r = rowAt(index.row());
    return r ? rowData(*r, index.column(), role) : QVariant();
}

QVariant CaseTableModel::dataIfRead(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.parent().isValid())
        return {};
    const CaseListRow *r = rowIfRead(index.row());
    return r ? rowData(*r, index.column(), role) : QVariant();
}

QVariant CaseTableModel::rowData(const CaseListRow &row, int column, int role) const {
    switch (role) {
        case Qt::DisplayRole:
            return display(row, column);
        case CaseIdRole:
            return row.id;
        case Qt::ToolTipRole:
            if (isHearingSoon(row))
                return tr("Hearing within %1 days and no signed review")
                    .arg(ReviewQueue::kSoonDays);
            if (column == CourtColumn)
                return m_courtNames.value(row.court);
            if (column == HearingColumn && isHearingPast(row))
                return tr(
                    "This date has passed and the docket names no later hearing: the "
                    "court's calendar may have moved on since the docket was updated.");
            return {};
        case Qt::BackgroundRole:
            // A pale row and a stronger hearing cell: readable when, sorted by hearing,
            // every row on screen is due. The tooltip and the status bar say it in words.
            if (!isHearingSoon(row))
                return {};
            return column == HearingColumn ? QColor(0xff, 0xd9, 0x8a) : QColor(0xff, 0xf4, 0xdc);
        case Qt::ForegroundRole:
            if (column == HearingColumn && (isHearingPast(row) || row.nextHearingDate.isEmpty()))
                return QColor(0x5c, 0x5c, 0x5c);  // 6.7:1 on white; the text says "past" too
            return isHearingSoon(row) ? QVariant(QColor(Qt::black)) : QVariant();
        case HearingSoonRole:
            return isHearingSoon(row);
        case Qt::FontRole:
            if (column == HearingColumn && isHearingSoon(row)) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            if ((column == CounselColumn && row.counselName.isEmpty()) ||
                (column == HearingColumn && row.nextHearingDate.isEmpty())) {
                QFont italic;
                italic.setItalic(true);
                return italic;
            }
            return {};
    }
    return {};
}

QVariant CaseTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
        case ANumberColumn:
            return tr("A-number");
        case NameColumn:
            return tr("Name");
        case NationalityColumn:
            return tr("Nationality");
        case CourtColumn:
            return tr("Court");
        case HearingColumn:
            return tr("Next hearing");
        case CustodyColumn:
            return tr("Custody");
        case CounselColumn:
            return tr("Counsel");
        case StatusColumn:
            return tr("Review");
    }
    return {};
}
