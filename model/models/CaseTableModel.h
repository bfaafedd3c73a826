#pragma once

#include "CaseRowCache.h"
#include "PageReader.h"
#include "store/CasePager.h"
#include "store/CaseQuery.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QHash>
#include <QSet>
#include <atomic>
#include <memory>

class CaseStore;

// The case list over a docket of any size. Rows come from SQL in blocks of 64 (see
// CasePager); only a bounded number of blocks stay cached. The first block comes before
// anything else, so the first paint never waits for a count (read here when a docket
// opens; after a new filter or sort, from the reader thread within a few milliseconds, or
// the list shows empty until it comes); the exact count and the anchors
// for fast deep jumps come from a census on a worker thread, and the list grows to
// the full count when it arrives. No proxy model: filter and sort happen in SQL.
// data() reads a missing block at once, on the calling thread; a view drawing rows asks
// dataIfRead(), which leaves that to a reader thread (PageReader) and says when the rows
// arrive, so that the window never waits for the disk.
class CaseTableModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column {
        ANumberColumn,
        NameColumn,
        NationalityColumn,
        CourtColumn,
        HearingColumn,
        CustodyColumn,
        CounselColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role {
        CaseIdRole = Qt::UserRole + 1,
        // True when the hearing is within ReviewQueue::kSoonDays and no review is signed.
        HearingSoonRole
    };

    // Rows read per page. A jump reads one page on the GUI thread; while an export or an
    // import keeps the cores busy, a 256-row page held the window 22–33 ms, a 64-row one
    // 11–18 ms (bench_stalls, 1.5M cases, alternating runs).
    static constexpr int kBlockSize = 64;
    static constexpr int kAnchorStride = kBlockSize * 4;

    explicit CaseTableModel(QObject *parent = nullptr);
    ~CaseTableModel() override;

    void setStore(CaseStore *store);  // not owned; nullptr detaches
    void setFilter(const CaseFilter &filter);
    const CaseFilter &filter() const { return m_filter; }
    const CaseSort &currentSort() const { return m_sort; }
    void refresh();  // re-reads after the docket changed

    qint64 caseId(int row) const;
    // The row of a case in the current list, or -1 when the filter hides it.
    int rowOfCase(qint64 id) const;
    // The same for some cases, counted on a worker thread: in a list of a million rows,
    // counting those before a case took up to 660 ms (a one-letter search). casesLocated()
    // answers, unless the list is read again first; a newer request replaces an older one.
    void locateCases(const QList<qint64> &ids);
    // The row of a case among the rows already read (no query), or -1: not read, or not in
    // the list.
    int rowOfCaseIfRead(qint64 id) const;
    // The A-numbers of those of these cases whose rows are read.
    QHash<qint64, QString> aNumbersIfRead(const QList<qint64> &ids) const;
    bool isCountExact() const { return m_countExact; }
    // Like data(), without reading on this thread: a row whose page is not read yet is asked
    // of the reader thread, and is empty until rowsRead() says it is here.
    QVariant dataIfRead(const QModelIndex &index, int role = Qt::DisplayRole) const;
    // The case at a row when its page is read; else 0, and the page is asked for.
    qint64 caseIdIfRead(int row) const;
    bool isRowRead(int row) const;
    // Asks the reader thread for the pages of these rows not read yet.
    void readAhead(int first, int last) const;
    // Asks for these rows and waits up to `ms` for them (no event loop runs meanwhile): with
    // the docket in the file cache a page takes about a millisecond, and the rows are drawn
    // at once; from a slow disk they are drawn empty after `ms` and filled when they come.
    void waitForRows(int first, int last, int ms);
    bool areRowsRead(int first, int last) const;
    // Holds the reader thread, as if stuck on a slow page (for tests); false when reading here.
    bool holdReader(bool held);
    bool waitForCount(int timeoutMs);  // for tests and the CLI
    // True while a new list waits for its first page from the reader thread (shown empty).
    bool isReadingFirstPage() const { return m_firstPagePending; }
    // SQLite's reason when rows of this list could not be read (a table or index removed
    // outside Discretion, a damaged page); empty when every row asked for was read. An empty
    // list with a reason is not "no cases match": the person may well be in the docket.
    const QString &readError() const { return m_readError; }
    // Runs the event loop until the first page is here; false after the timeout.
    bool waitForFirstPage(int timeoutMs);
    // How long a new filter, sort or re-read waits for its first page before showing the list
    // empty until it comes. The window's default stays within a frame with the paint that
    // follows; the tests, which check a list right after changing it on a busy machine, wait
    // longer (tests of the wait itself hold the reader instead).
    static constexpr int kFirstPageWaitMs = 6;
    static void setFirstPageWait(int ms) { s_firstPageWaitMs = ms; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order) override;

    static CaseSortKey sortKeyFor(int column);
    // The Next hearing column's text: "2026-11-30 (past)  Master". The widest one sizes the
    // column (a past Individual hearing was cut to "(past)  M…" at the old fixed width).
    static QString hearingText(const QString &date, bool past, const QString &typeCode);
    static QString widestHearingText();

  Q_SIGNALS:
    // matching is exact once the census is done; until then it is a lower bound.
    void countChanged(qint64 matching, bool exact);
    // The reader thread delivered these rows (dataChanged says the same to views).
    void rowsRead(int first, int last);
    // Where locateCases() found each case in this list (-1: not in it).
    void casesLocated(const QHash<qint64, int> &rows);
    // A page asked of the reader was dropped unread (the list moved on): ask again if wanted.
    void rowsDropped(int first, int last);

  private:
    enum class FirstPage { ReadHere, FromReader };
    void reload(FirstPage firstPage);
    void showList(std::unique_ptr<CasePager> pager, CaseRowCache::Block *first);
    void firstPageArrived(CaseRowCache::Block block);
    void startCensus();
    void applyCensus(const CasePager::Census &census, quint64 generation);
    const CaseListRow *rowAt(int row) const;
    CaseRowCache::Block loadBlock(int index) const;
    PageReader::Request requestFor(int index) const;
    const CaseListRow *rowIfRead(int row) const;
    void askReader(int index) const;
    void startReader();
    void pageArrived(quint64 generation, int index, const CaseRowCache::Block &block);
    QVariant display(const CaseListRow &r, int column) const;
    QVariant rowData(const CaseListRow &row, int column, int role) const;
    bool isHearingSoon(const CaseListRow &r) const;
    bool isHearingPast(const CaseListRow &r) const;

    CaseStore *m_store = nullptr;
    CaseFilter m_filter;
    CaseSort m_sort;
    std::unique_ptr<CasePager> m_pager;
    std::unique_ptr<CasePager> m_pendingPager;  // the new list's, while reload() waits
    bool m_firstPagePending = false;
    mutable QString m_readError;  // set where a page is read, also by const data()
    static inline int s_firstPageWaitMs = kFirstPageWaitMs;
    mutable CaseRowCache m_cache{256};  // 16,384 rows, as before the pages were smaller
    int m_rowCount = 0;
    bool m_countExact = true;
    QList<CasePager::Key> m_anchors;
    QHash<QString, QString> m_courtNames;
    QString m_soonFrom;  // ISO dates, fixed at each reload (today: earlier hearings are past)
    QString m_soonUntil;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic_bool> m_cancelCensus;
    std::shared_ptr<std::atomic_bool> m_cancelLocate;
    QFutureWatcher<CasePager::Census> *m_censusWatcher = nullptr;
    std::unique_ptr<PageReader> m_reader;  // for the current store; null when unavailable
    mutable QSet<int> m_asked;             // blocks asked of the reader and not yet here
};
