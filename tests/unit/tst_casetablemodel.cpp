#include "HeldPool.h"
#include "ListWait.h"
#include "PinnedClock.h"
#include "TestDocket.h"
#include "io/DocketGenerator.h"
#include "models/CaseTableModel.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QThread>

class TestCaseTableModel : public QObject {
    Q_OBJECT
    TestDocket m_docket;
    std::unique_ptr<CaseStore> m_store;

  private Q_SLOTS:
    void initTestCase() {
        m_store = m_docket.openGenerated(5000, 9);
        QCOMPARE(m_store->caseCount(), 5000);
    }

    void passesTheModelTesterThroughFilterAndSortChanges() {
        CaseTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        QVERIFY(model.waitForCount(10000));
        QCOMPARE(model.rowCount(), 5000);
        model.sort(CaseTableModel::NameColumn, Qt::DescendingOrder);
        QVERIFY(model.waitForCount(10000));
        CaseFilter f;
        f.court = u"ATL"_qs;
        model.setFilter(f);
        QVERIFY(model.waitForCount(10000));
        f.search = u"zzzz-no-such-name"_qs;
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 0);
    }

    void firstPageComesBeforeTheCount() {
        CaseTableModel model;
        QSignalSpy counts(&model, &CaseTableModel::countChanged);
        model.setStore(m_store.get());
        // One block is there at once; the exact count follows from the census.
        QCOMPARE(model.rowCount(), CaseTableModel::kBlockSize);
        QVERIFY(!model.isCountExact());
        QCOMPARE(counts.first().at(1).toBool(), false);
        QVERIFY(model.waitForCount(10000));
        QCOMPARE(counts.last().at(0).toLongLong(), 5000);
        QCOMPARE(counts.last().at(1).toBool(), true);
    }

    // The census runs on WorkerPool: with Qt's global pool held (where the window's paints
    // split their fills), the count still arrives.
    void theCountDoesNotWaitForQtsGlobalPool() {
        CaseTableModel model;
        const HeldPool held;
        model.setStore(m_store.get());
        QVERIFY(!model.isCountExact());
        QVERIFY(model.waitForCount(10000));
        QCOMPARE(model.rowCount(), 5000);
    }

    void deepRowsMatchTheSqlOrder() {
        CaseTableModel model;
        model.setStore(m_store.get());
        model.sort(CaseTableModel::HearingColumn, Qt::AscendingOrder);
        QVERIFY(model.waitForCount(10000));
        const CasePager pager(m_store->database(), {}, {CaseSortKey::NextHearing, false});
        // Jump straight to deep rows (anchors), then walk back and forth.
        for (int row : {4999, 3333, 1024, 1023, 2048, 257, 0, 4000}) {
            const qint64 expected = pager.atOffset(row, 1).rows.first().id;
            QCOMPARE(model.data(model.index(row, 0), CaseTableModel::CaseIdRole).toLongLong(),
                     expected);
        }
    }

    void showsPeopleReadableValues() {
        Case c = makeCase(u"012345678"_qs, u"Zzyzx"_qs, u"Ana"_qs);
        c.custody = u"D"_qs;
        const QDate hearing = PinnedClock::today().addDays(160);  // not soon, not past
        c.nextHearingDate = hearing;
        c.nextHearingType = u"individual"_qs;
        TestDocket docket;
        auto store = docket.open();
        QString error;
        QVERIFY(store->saveCase(c, &error));
        CaseTableModel model;
        model.setStore(store.get());
        QCOMPARE(model.rowCount(), 1);
        const auto text = [&](int column) { return model.data(model.index(0, column)).toString(); };
        QCOMPARE(text(CaseTableModel::ANumberColumn), u"A012-345-678"_qs);
        QCOMPARE(text(CaseTableModel::NameColumn), u"Zzyzx, Ana"_qs);
        QCOMPARE(text(CaseTableModel::HearingColumn),
                 hearing.toString(Qt::ISODate) + u"  Individual"_qs);
        QCOMPARE(text(CaseTableModel::CustodyColumn), u"Detained"_qs);
        QCOMPARE(text(CaseTableModel::CounselColumn), u"unrepresented"_qs);
        QCOMPARE(text(CaseTableModel::StatusColumn), u"Not reviewed"_qs);
        QVERIFY(model.isCountExact());
        // No hearing is said in words, in grey italics like "unrepresented": an empty cell is
        // also a row still being read.
        Case none = makeCase(u"012345679"_qs, u"Zzyzx"_qs, u"Bea"_qs);
        QVERIFY(saved(*store, none));
        model.refresh();
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex noHearing = model.index(1, CaseTableModel::HearingColumn);
        QCOMPARE(noHearing.data().toString(), u"none recorded"_qs);
        QVERIFY(noHearing.data(Qt::FontRole).value<QFont>().italic());
        QVERIFY(noHearing.data(Qt::ForegroundRole).value<QColor>() != QColor(Qt::black));
    }

    // A "next hearing" already gone by says so: the docket was not updated since, and the
    // attorney should not take it for the coming hearing.
    void aHearingThatHasPassedIsMarked() {
        TestDocket docket;
        auto store = docket.open();
        QString error;
        const QDate today = PinnedClock::today();
        for (const auto &[number, date] :
             {std::pair{u"012345670"_qs, today.addDays(-1)}, std::pair{u"012345671"_qs, today}}) {
            Case c = makeCase(number, u"Zzyzx"_qs, u"Ana"_qs);
            c.nextHearingDate = date;
            c.nextHearingType = u"master"_qs;
            QVERIFY2(store->saveCase(c, &error), qPrintable(error));
        }
        CaseTableModel model;
        model.setStore(store.get());
        model.sort(CaseTableModel::HearingColumn, Qt::AscendingOrder);
        const QModelIndex past = model.index(0, CaseTableModel::HearingColumn);
        const QModelIndex due = model.index(1, CaseTableModel::HearingColumn);
        QCOMPARE(past.data().toString(),
                 today.addDays(-1).toString(Qt::ISODate) + u" (past)  Master"_qs);
        QVERIFY(past.data(Qt::ToolTipRole).toString().contains(u"has passed"_qs));
        QVERIFY(past.data(Qt::ForegroundRole).value<QColor>().lightness() < 128);
        QVERIFY(past.data(Qt::ForegroundRole).value<QColor>() != QColor(Qt::black));
        QVERIFY(!past.data(CaseTableModel::HearingSoonRole).toBool());
        QCOMPARE(due.data().toString(), today.toString(Qt::ISODate) + u"  Master"_qs);
        QVERIFY(due.data(CaseTableModel::HearingSoonRole).toBool());  // today is not past
        // A date edited into the docket by hand in another form is marked neither way: as
        // text, " 2027-03-01" and "12/10/2026" sorted before today's date.
        // Nor is a day that does not exist ("2026-02-30", "0000-00-00": an attacker's edit).
        QSqlQuery edit(store->database());
        for (const QString &odd : {u"12/10/2026"_qs, u"2026-02-30"_qs, u"0000-00-00"_qs}) {
            QVERIFY(edit.exec(u"UPDATE cases SET next_hearing_date = '%1'"_qs.arg(odd)));
            model.refresh();
            for (int row = 0; row < model.rowCount(); ++row) {
                const QModelIndex cell = model.index(row, CaseTableModel::HearingColumn);
                QVERIFY2(cell.data().toString().startsWith(odd),
                         qPrintable(cell.data().toString()));
                QVERIFY2(!cell.data().toString().contains(u"past"_qs),
                         qPrintable(cell.data().toString()));
                QVERIFY(!cell.data(CaseTableModel::HearingSoonRole).toBool());
            }
        }
    }

    // A view draws through dataIfRead(): a row not read yet is read on the model's reader
    // thread, never on the caller's, and arrives with the same case as a read here.
    void rowsForViewsAreReadOnTheReaderThread() {
        CaseTableModel model;
        model.setStore(m_store.get());
        model.sort(CaseTableModel::HearingColumn, Qt::AscendingOrder);
        QVERIFY(model.waitForCount(10000));
        CaseTableModel here;  // reads on this thread, for comparison
        here.setStore(m_store.get());
        here.sort(CaseTableModel::HearingColumn, Qt::AscendingOrder);
        QVERIFY(here.waitForCount(10000));
        QSignalSpy read(&model, &CaseTableModel::rowsRead);
        for (int row : {4321, 4999, 2500, 65, 1023, 1024}) {
            const QModelIndex at = model.index(row, CaseTableModel::NameColumn);
            QVERIFY(!model.dataIfRead(at).isValid());
            QVERIFY(!model.isRowRead(row));  // asked for, not read on this thread
            QCOMPARE(model.caseIdIfRead(row), 0);
            QTRY_VERIFY(model.isRowRead(row));
            QCOMPARE(model.dataIfRead(at), here.data(here.index(row, CaseTableModel::NameColumn)));
            QCOMPARE(model.caseIdIfRead(row), here.caseId(row));
            const QList<QVariant> last = read.last();
            QVERIFY(last.at(0).toInt() <= row && row <= last.at(1).toInt());
        }
    }

    // A page asked for a list that was read again since (another sort) is not kept: its rows
    // stand at other places in the new list.
    void aPageOfAnOlderListIsDropped() {
        CaseTableModel model;
        model.setStore(m_store.get());
        QVERIFY(model.waitForCount(10000));
        QVERIFY(!model.dataIfRead(model.index(3000, 0)).isValid());
        model.sort(CaseTableModel::NameColumn, Qt::DescendingOrder);
        QVERIFY(model.waitForCount(10000));
        QTest::qWait(300);  // the older page has come and gone by now
        QVERIFY(!model.isRowRead(3000));
        QVERIFY(!model.dataIfRead(model.index(3000, 0)).isValid());
        QTRY_VERIFY(model.isRowRead(3000));
        const CasePager pager(m_store->database(), {}, {CaseSortKey::Name, true});
        QCOMPARE(model.caseIdIfRead(3000), pager.atOffset(3000, 1).rows.first().id);
    }

    // A new filter's first page slower than the window's wait (here: the reader held, as if
    // the page took seconds) leaves the list empty and reading, the call returned; the rows
    // come in when the page is read, then the count.
    void aSlowFirstPageLeavesTheListEmptyUntilItComes() {
        const WindowFirstPageWait wait;
        CaseTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        QVERIFY(model.waitForCount(10000));
        QSignalSpy counts(&model, &CaseTableModel::countChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QVERIFY(model.holdReader(true));
        CaseFilter atlanta;
        atlanta.court = u"ATL"_qs;
        model.setFilter(atlanta);
        QVERIFY(model.isReadingFirstPage());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.isCountExact());
        QCOMPARE(counts.count(), 1);
        QCOMPARE(counts.last().at(0).toLongLong(), 0);
        QVERIFY(!counts.last().at(1).toBool());
        QTest::qWait(100);
        QVERIFY(model.isReadingFirstPage());  // nothing read meanwhile, nothing made up
        QVERIFY(model.holdReader(false));
        QVERIFY(model.waitForFirstPage(10000));
        QVERIFY(!inserted.isEmpty());  // the first page; the count's rows may follow at once
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), CaseTableModel::kBlockSize - 1);
        const CasePager pager(m_store->database(), atlanta, model.currentSort());
        QCOMPARE(model.caseId(0), pager.first(1).rows.first().id);
        QVERIFY(model.waitForCount(10000));
        QCOMPARE(model.rowCount(), int(pager.census(CaseTableModel::kAnchorStride, {}).count));
        QCOMPARE(model.caseId(model.rowCount() - 1),
                 pager.atOffset(model.rowCount() - 1, 1).rows.first().id);
    }

    // A filter typed while the one before is still reading replaces it: the older page, read
    // but not yet delivered when the newer filter comes, is never shown.
    void aNewerFilterReplacesOneStillReading() {
        const WindowFirstPageWait wait;
        CaseTableModel model;
        model.setStore(m_store.get());
        QVERIFY(model.waitForCount(10000));
        QVERIFY(model.holdReader(true));
        CaseFilter atlanta;
        atlanta.court = u"ATL"_qs;
        model.setFilter(atlanta);
        QVERIFY(model.isReadingFirstPage());
        QVERIFY(model.holdReader(false));
        QThread::msleep(300);  // read on the reader thread; no event loop has delivered it
        CaseFilter detained = atlanta;
        detained.custody = u"D"_qs;
        model.setFilter(detained);
        QVERIFY(model.waitForFirstPage(10000));
        QVERIFY(model.waitForCount(10000));
        QTest::qWait(100);  // the older list's page has come and gone by now
        const CasePager pager(m_store->database(), detained, model.currentSort());
        const qint64 matching = pager.census(CaseTableModel::kAnchorStride, {}).count;
        QVERIFY(matching > 0);
        QVERIFY(matching < CasePager(m_store->database(), atlanta, model.currentSort())
                               .census(CaseTableModel::kAnchorStride, {})
                               .count);
        QCOMPARE(model.rowCount(), int(matching));
        for (int row = 0; row < model.rowCount(); row += 7)
            QCOMPARE(model.data(model.index(row, CaseTableModel::CustodyColumn)).toString(),
                     u"Detained"_qs);
    }

    // The reader fails to open the docket after the list was shown empty for it: the first
    // page is read here, and the list does not stay empty.
    void aFirstPageTheReaderCannotReadIsReadHere() {
        const WindowFirstPageWait wait;
        CaseTableModel model;
        model.setStore(m_store.get());  // read here: the reader has not opened the docket yet
        QVERIFY(model.waitForCount(10000));
        QFile journal(m_store->path() + u"-journal"_qs);
        QVERIFY(journal.open(QIODevice::WriteOnly));
        QVERIFY(journal.write(QByteArray(512, 'x')) == 512);
        journal.close();
        model.sort(CaseTableModel::NameColumn, Qt::AscendingOrder);
        QVERIFY(model.isReadingFirstPage());  // the reader's answer comes through the loop
        QVERIFY(model.waitForFirstPage(10000));
        QVERIFY(journal.remove());
        QCOMPARE(model.rowCount(), CaseTableModel::kBlockSize);
        const CasePager pager(m_store->database(), {}, model.currentSort());
        QCOMPARE(model.caseId(0), pager.first(1).rows.first().id);
        // (The count, started while the journal was there, may fail as well: the list then
        // keeps what it shows, tested with the census.)
    }

    // Where cases stand in the list, counted on a worker: the same rows as counted here, -1
    // for a case the list does not hold; an answer for a list read again since is dropped.
    void casesAreLocatedOnAWorker() {
        CaseTableModel model;
        model.setStore(m_store.get());
        model.sort(CaseTableModel::NameColumn, Qt::AscendingOrder);
        QVERIFY(model.waitForCount(10000));
        QSignalSpy located(&model, &CaseTableModel::casesLocated);
        const QList<qint64> ids{model.caseId(0), model.caseId(2500), model.caseId(4999), 987654};
        model.locateCases(ids);
        QTRY_COMPARE(located.count(), 1);
        const auto rows = located.first().at(0).value<QHash<qint64, int> >();
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.value(ids[0]), 0);
        QCOMPARE(rows.value(ids[1]), 2500);
        QCOMPARE(rows.value(ids[2]), 4999);
        QCOMPARE(rows.value(987654), -1);
        model.locateCases({ids[1]});
        model.sort(CaseTableModel::CourtColumn, Qt::AscendingOrder);
        QTest::qWait(300);
        QCOMPARE(located.count(), 1);
        model.locateCases({ids[1]});
        QTRY_COMPARE(located.count(), 2);
        using Rows = QHash<qint64, int>;
        QCOMPARE(located.last().at(0).value<Rows>().value(ids[1]), model.rowOfCase(ids[1]));
    }

    // The reader cannot open the docket (here: a load into it looks cut off): the model reads
    // on its own thread from then on, and tells views to draw again.
    void readsHereWhenTheReaderCannotOpenTheDocket() {
        CaseTableModel model;
        model.setStore(m_store.get());
        QVERIFY(model.waitForCount(10000));
        QFile journal(m_store->path() + u"-journal"_qs);
        QVERIFY(journal.open(QIODevice::WriteOnly));
        QVERIFY(journal.write(QByteArray(512, 'x')) == 512);
        journal.close();
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy read(&model, &CaseTableModel::rowsRead);
        QVERIFY(!model.dataIfRead(model.index(2000, 0)).isValid());
        QTRY_VERIFY(!changed.isEmpty());
        // Whoever waits for a row's case (the current row) learns it can be read now.
        QCOMPARE(read.count(), 1);
        QCOMPARE(read.first().at(0).toInt(), 0);
        QCOMPARE(read.first().at(1).toInt(), model.rowCount() - 1);
        QVERIFY(journal.remove());
        const QVariant drawn = model.dataIfRead(model.index(2000, 0));
        QVERIFY(drawn.isValid());
        QCOMPARE(drawn, model.data(model.index(2000, 0)));
        QVERIFY(model.isRowRead(2001));  // read here, at once
    }
};

QTEST_MAIN(TestCaseTableModel)
#include "tst_casetablemodel.moc"
