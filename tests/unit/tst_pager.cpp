#include "TestDocket.h"
#include "domain/CaseFields.h"
#include "io/DocketGenerator.h"
#include "store/BulkLoad.h"
#include "store/CasePager.h"

#include <sqlite3.h>
#include <QSqlQuery>

namespace {
QList<qint64> ids(const QList<CaseListRow> &rows) {
    QList<qint64> out;
    for (const CaseListRow &r : rows)
        out << r.id;
    return out;
}

// All matching ids in order, read the slow obvious way: one OFFSET query.
QList<qint64> reference(CaseStore &store, const CaseFilter &f, const CaseSort &s) {
    return ids(CasePager(store.database(), f, s).atOffset(0, 1000000).rows);
}

// SQLite's plan for a page statement, one line per step ("" when it cannot be prepared).
QString queryPlan(CaseStore &store, const CasePager::Statement &st) {
    QSqlQuery q(store.database());
    if (!q.prepare(u"EXPLAIN QUERY PLAN "_qs + st.sql))
        return {};
    for (const QVariant &b : st.binds)
        q.addBindValue(b);
    QString plan;
    if (q.exec())
        while (q.next())
            plan += q.value(3).toString() + u'\n';
    return plan;
}

qint64 countWhere(CaseStore &store, const QString &where) {
    QSqlQuery q(u"SELECT count(*) FROM cases WHERE "_qs + where, store.database());
    q.next();
    return q.value(0).toLongLong();
}
}  // namespace

class TestPager : public QObject {
    Q_OBJECT
    TestDocket m_docket;
    std::unique_ptr<CaseStore> m_store;

  private Q_SLOTS:
    void initTestCase() {
        m_store = m_docket.openGenerated(3000, 5);
        QCOMPARE(m_store->caseCount(), 3000);
    }

    void keysetPagesMatchOffsetPagesForEverySort_data() {
        QTest::addColumn<int>("key");
        QTest::addColumn<bool>("descending");
        for (int k = 0; k <= int(CaseSortKey::ReviewStatus); ++k) {
            QTest::addRow("key %d asc", k) << k << false;
            QTest::addRow("key %d desc", k) << k << true;
        }
    }
    void keysetPagesMatchOffsetPagesForEverySort() {
        QFETCH(int, key);
        QFETCH(bool, descending);
        const CaseSort sort{CaseSortKey(key), descending};
        CaseFilter atl;
        atl.court = u"ATL"_qs;
        for (const CaseFilter &filter : {CaseFilter{}, atl}) {
            const CasePager pager(m_store->database(), filter, sort);
            const QList<qint64> all = reference(*m_store, filter, sort);
            QList<qint64> walked;
            CasePager::Page page = pager.first(97);
            while (!page.rows.isEmpty()) {
                walked << ids(page.rows);
                page = pager.after(page.lastKey, 97);
            }
            QCOMPARE(walked, all);
            // A census anchor plus a skip lands on the same row as OFFSET.
            const CasePager::Census census = pager.census(100, {});
            QVERIFY(census.ok);
            QCOMPARE(census.count, all.size());
            QCOMPARE(census.anchors.size(), all.size() / 100);
            if (census.anchors.size() > 2) {
                const CasePager::Page jumped = pager.after(census.anchors[1], 5, 17);
                QCOMPARE(ids(jumped.rows), all.mid(200 + 17, 5));
            }
        }
    }

    void filtersSelectExactlyTheMatchingCases() {
        const auto count = [&](const CaseFilter &f) {
            return qint64(reference(*m_store, f, {}).size());
        };
        CaseFilter f;
        f.court = u"BOS"_qs;
        QCOMPARE(count(f), countWhere(*m_store, u"court='BOS'"_qs));
        f = {};
        f.custody = u"D"_qs;
        f.represented = false;
        QCOMPARE(count(f), countWhere(*m_store, u"custody='D' AND counsel_name=''"_qs));
        f = {};
        f.represented = true;
        QCOMPARE(count(f), countWhere(*m_store, u"counsel_name<>''"_qs));
        f = {};
        f.reviewStatus = u"not_reviewed"_qs;
        QCOMPARE(count(f), 3000);
        f = {};
        f.hearingFrom = PinnedClock::today();
        f.hearingTo = PinnedClock::today().addDays(60);
        const qint64 inRange = count(f);
        QVERIFY(inRange > 0);
        QCOMPARE(inRange,
                 countWhere(
                     *m_store,
                     u"next_hearing_date<>'' AND next_hearing_date BETWEEN '%1' AND '%2'"_qs.arg(
                         f.hearingFrom.toString(Qt::ISODate), f.hearingTo.toString(Qt::ISODate))));
        QVERIFY(count(f) > 0);
    }

    void searchFindsANumbersInAnyFormAndNamePrefixes() {
        QSqlQuery q(u"SELECT a_number, family_name FROM cases WHERE id = 42"_qs,
                    m_store->database());
        QVERIFY(q.next());
        const QString digits = q.value(0).toString();
        for (const QString &form :
             QStringList{digits, u"A"_qs + digits,
                         u"A%1-%2-%3"_qs.arg(digits.left(3), digits.mid(3, 3), digits.mid(6)),
                         u"%1 %2 %3"_qs.arg(digits.left(3), digits.mid(3, 3), digits.mid(6))}) {
            CaseFilter f;
            f.search = form;
            QCOMPARE(ids(CasePager(m_store->database(), f, {}).first(10).rows), QList<qint64>{42});
        }
        CaseFilter prefix;
        prefix.search = digits.left(5);
        QCOMPARE(qint64(reference(*m_store, prefix, {}).size()),
                 countWhere(*m_store, u"a_number LIKE '%1%'"_qs.arg(digits.left(5))));
        // Full-width digits (an East Asian input method) find the same cases.
        QString wide = digits.left(5);
        for (QChar &c : wide)
            c = QChar(c.unicode() + 0xFEE0);
        CaseFilter widePrefix;
        widePrefix.search = wide;
        QVERIFY(reference(*m_store, widePrefix, {}).contains(42));
        // "A 100…" with a space after the A, as "A 012 345 678" is written.
        CaseFilter spaced;
        spaced.search = u"A "_qs + digits.left(5);
        QCOMPARE(reference(*m_store, spaced, {}), reference(*m_store, prefix, {}));
        // Eight digits typed on the way to nine: the cases they begin, and the A-number
        // they make with a leading zero (the list emptied one digit short).
        CaseFilter eight;
        eight.search = digits.left(8);
        QVERIFY(reference(*m_store, eight, {}).contains(42));
        QCOMPARE(
            qint64(reference(*m_store, eight, {}).size()),
            countWhere(*m_store, u"a_number LIKE '%1%' OR a_number = '0%1'"_qs.arg(eight.search)));
        // A case whose A-number has a leading zero is found by its other eight digits.
        QSqlQuery zero(m_store->database());
        QVERIFY(
            zero.exec(u"UPDATE cases SET a_number = '0' || substr(a_number, 2) WHERE id = 43"_qs));
        QVERIFY(zero.exec(u"SELECT substr(a_number, 2) FROM cases WHERE id = 43"_qs) &&
                zero.next());
        CaseFilter leftOff;
        leftOff.search = zero.value(0).toString();
        QVERIFY(reference(*m_store, leftOff, {}).contains(43));
        QCOMPARE(reference(*m_store, widePrefix, {}), reference(*m_store, prefix, {}));

        CaseFilter name;
        name.search = u"garc"_qs;
        QCOMPARE(
            qint64(reference(*m_store, name, {}).size()),
            countWhere(*m_store, u"search_name LIKE 'garc%' OR search_name LIKE '% garc%'"_qs));
        QVERIFY(countWhere(*m_store, u"family_name = 'García'"_qs) > 0);
    }

    void commonAndRareNamesGiveTheSameAnswerEitherWay() {
        // Over 2,500 matches the pager walks the sort index instead of sorting the
        // matches: both plans must list exactly the same cases in the same order.
        TestDocket docket;
        auto store = docket.open();
        {
            BulkLoad load(*store, CaseFields::keys(), false, u"test"_qs);
            QString error;
            QVERIFY(load.begin(&error));
            for (int i = 0; i < 3000; ++i) {
                Case c = makeCase(QString::number(200000000 + i),
                                  i % 10 ? u"Commonname"_qs : u"Rarename"_qs,
                                  u"Given"_qs + QString::number(i));
                c.nextHearingDate = QDate(2027, 1, 1).addDays(i % 97);
                QVERIFY(load.write(c, {}, &error));
            }
            QVERIFY(load.finish(u"import"_qs, {}, &error));
        }
        for (const QString &search : {u"commonn"_qs, u"rarenam"_qs}) {
            CaseFilter f;
            f.search = search;
            const QString folded = search == u"commonn" ? u"commonname%"_qs : u"rarename%"_qs;
            QList<qint64> expected;
            QSqlQuery q(
                u"SELECT id FROM cases WHERE search_name LIKE '%1' ORDER BY hearing_sort, id"_qs
                    .arg(folded),
                store->database());
            while (q.next())
                expected << q.value(0).toLongLong();
            const CasePager pager(store->database(), f, {});
            QVERIFY(pager.whereSql().startsWith(search == u"commonn" ? u"+id IN"_qs : u"id IN"_qs));
            QCOMPARE(reference(*store, f, {}), expected);
            QCOMPARE(pager.census(100, {}).count, expected.size());
            // Where a case stands, as the list keeps a selection: its row for a match (looked
            // up through the name index alone), -1 for a case the search leaves out.
            for (const qsizetype row : {qsizetype(0), expected.size() / 2, expected.size() - 1})
                QCOMPARE(pager.positionOf(expected[row]), row);
            QSqlQuery other(
                u"SELECT id FROM cases WHERE search_name NOT LIKE '%1' LIMIT 1"_qs.arg(folded),
                store->database());
            QVERIFY(other.next());
            QCOMPARE(pager.positionOf(other.value(0).toLongLong()), -1);
        }
    }

    // Counsel typed in any case sorts as one reads it (schema 8): byte order put every
    // capital before every small letter and split one firm across the list.
    void counselSortsWithoutRegardToCase() {
        TestDocket docket;
        auto store = docket.open();
        const QStringList typed{u"acme Legal"_qs, u"Zeta Law"_qs, u"ACME LAW"_qs,
                                u""_qs,           u"beta Aid"_qs, u"Acme Legal Aid"_qs};
        QString error;
        for (int i = 0; i < typed.size(); ++i) {
            Case c = makeCase(QString::number(300000000 + i), u"Family"_qs);
            c.counselName = typed[i];
            QVERIFY2(store->saveCase(c, &error), qPrintable(error));
        }
        const auto counsel = [&](const CaseFilter &f, bool descending) {
            QStringList out;
            const CasePager pager(store->database(), f, {CaseSortKey::Counsel, descending});
            for (CasePager::Page p = pager.first(2); !p.rows.isEmpty();
                 p = pager.after(p.lastKey, 2))
                for (const CaseListRow &r : p.rows)
                    out << r.counselName;
            return out;
        };
        const QStringList expected{u""_qs,           u"ACME LAW"_qs,
                                   u"acme Legal"_qs, u"Acme Legal Aid"_qs,
                                   u"beta Aid"_qs,   u"Zeta Law"_qs};
        QCOMPARE(counsel({}, false), expected);
        QStringList reversed = expected;
        std::reverse(reversed.begin(), reversed.end());
        QCOMPARE(counsel({}, true), reversed);
        CaseFilter represented;  // the filter reads the same index
        represented.represented = true;
        QCOMPARE(counsel(represented, false), expected.mid(1));
        represented.represented = false;
        QCOMPARE(counsel(represented, false), QStringList{u""_qs});
    }

    // The window makes a pager for each search and asks the reader thread for its rows: making
    // one runs no SQL (counting how common a name is held the window 11 ms at 15M cases).
    void aNameSearchIsCountedOnlyWhenItsRowsAreRead() {
        int statements = 0;
        const auto counted = [](unsigned, void *count, void *, void *) {
            ++*static_cast<int *>(count);
            return 0;
        };
        sqlite3_trace_v2(m_store->handle(), SQLITE_TRACE_STMT, counted, &statements);
        CaseFilter f;
        f.search = u"g"_qs;
        const CasePager pager(m_store->database(), f, {});
        const int made = statements;
        const QList<CaseListRow> rows = pager.first(5).rows;
        sqlite3_trace_v2(m_store->handle(), 0, nullptr, nullptr);
        QCOMPARE(made, 0);
        QVERIFY(statements >= 2);  // how common, then the page
        QCOMPARE(rows.size(), 5);
        QVERIFY(pager.whereSql().contains(u"MATCH"_qs));
    }

    // Words that begin another word of the search are left out of the query: the same cases.
    void aWordThatBeginsAnotherChangesNothing() {
        CaseFilter full;
        full.search = u"garcia"_qs;
        CaseFilter padded;
        padded.search = u"g ga garc GARCÍA g"_qs;
        const QList<qint64> expected = reference(*m_store, full, {});
        QVERIFY(!expected.isEmpty());
        QCOMPARE(reference(*m_store, padded, {}), expected);
    }

    void hostileSearchTextIsJustText() {
        CaseFilter f;
        f.search = u"\"; DROP TABLE cases; --"_qs;
        QCOMPARE(reference(*m_store, f, {}).size(), 0);
        f.search = u"NEAR( OR *"_qs;
        reference(*m_store, f, {});
        QCOMPARE(countWhere(*m_store, u"1"_qs), 3000);
    }

    // Only punctuation or combining marks: nothing a name starts with, so no search (as
    // spaces), not a list that matches no case.
    void aSearchOfPunctuationAloneListsEveryCase() {
        const int all = countWhere(*m_store, u"1"_qs);
        for (const QString &text : {u"-"_qs, u" ' "_qs, u"#,."_qs, QString(QChar(0x0301))}) {
            CaseFilter f;
            f.search = text;
            const CasePager pager(m_store->database(), f, {});
            QVERIFY2(!pager.whereSql().contains(u"MATCH"_qs), qPrintable(pager.whereSql()));
            QCOMPARE(reference(*m_store, f, {}).size(), all);
            QCOMPARE(pager.census(100, {}).count, all);
        }
        CaseFilter word;  // a letter among the punctuation is searched for
        word.search = u"-g-"_qs;
        QVERIFY(CasePager(m_store->database(), word, {}).whereSql().contains(u"MATCH"_qs));
    }

    void everySortReadsAnIndexInOrder() {
        // A sort SQLite cannot read from an index sorts the whole docket on every page.
        for (int k = 0; k <= int(CaseSortKey::ReviewStatus); ++k)
            for (const bool descending : {false, true}) {
                const CasePager::Statement st =
                    CasePager(m_store->database(), {}, {CaseSortKey(k), descending})
                        .firstStatement(50);
                const QString plan = queryPlan(*m_store, st);
                QVERIFY2(!plan.contains(u"TEMP B-TREE"_qs), qPrintable(plan));
                QVERIFY2(plan.contains(u"USING INDEX"_qs), qPrintable(plan));
            }
    }

    // A page after a key seeks the index on every key column, the id too: the cases
    // without a hearing share one sort value, and a jump to the end of them must not read
    // the run of equal values up to its row (SQLite seeks a row value by its first column).
    void aPageAfterAKeySeeksOnEveryKeyColumn() {
        for (int k = 0; k <= int(CaseSortKey::ReviewStatus); ++k)
            for (const bool descending : {false, true}) {
                const CasePager pager(m_store->database(), {}, {CaseSortKey(k), descending});
                const CasePager::Page page = pager.atOffset(1500, 1);
                QCOMPARE(page.rows.size(), 1);
                const CasePager::Statement st = pager.afterStatement(page.lastKey, 50, 7);
                const QString plan = queryPlan(*m_store, st);
                const QString name = u"key %1 %2:\n"_qs.arg(k).arg(descending) + plan;
                // A-numbers are unique: their equal run is one row, found by a_number=? alone.
                QVERIFY2(plan.contains(descending ? u"AND rowid<?)"_qs : u"AND rowid>?)"_qs) ||
                             k == int(CaseSortKey::ANumber),
                         qPrintable(name));
                QVERIFY2(!plan.contains(u"TEMP B-TREE"_qs), qPrintable(name));
                QVERIFY2(!plan.contains(u"SCAN cases"_qs), qPrintable(name));
                QVERIFY2(plan.contains(u"USING INDEX"_qs), qPrintable(name));
            }
    }

    void missingHearingsSortLastBothWays() {
        for (const bool descending : {false, true}) {
            const CasePager pager(m_store->database(), {}, {CaseSortKey::NextHearing, descending});
            const QList<CaseListRow> rows = pager.atOffset(0, 1000000).rows;
            const qsizetype firstMissing =
                std::find_if(rows.begin(), rows.end(),
                             [](const CaseListRow &r) { return r.nextHearingDate.isEmpty(); }) -
                rows.begin();
            QVERIFY2(firstMissing > 0 && firstMissing < rows.size(), descending ? "desc" : "asc");
            for (qsizetype i = 1; i < firstMissing; ++i)  // dates in order, then only the missing
                QVERIFY(descending ? rows[i - 1].nextHearingDate >= rows[i].nextHearingDate
                                   : rows[i - 1].nextHearingDate <= rows[i].nextHearingDate);
            for (qsizetype i = firstMissing; i < rows.size(); ++i)
                QVERIFY2(rows[i].nextHearingDate.isEmpty(), qPrintable(rows[i].aNumber));
            // The row's place agrees with the list (the count that places a selection).
            QCOMPARE(pager.positionOf(rows.last().id), rows.size() - 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestPager)
#include "tst_pager.moc"
