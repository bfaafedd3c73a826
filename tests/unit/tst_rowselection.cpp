#include "models/RowSelection.h"

#include <QRandomGenerator>
#include <QTest>
#include <set>

using Range = RowSelection::Range;

namespace {
// The same operations on a plain set of rows, to compare with.
std::set<int> rowsOf(const RowSelection &s) {
    std::set<int> rows;
    for (const Range &r : s.ranges())
        for (int row = r.first; row <= r.last; ++row)
            rows.insert(row);
    return rows;
}

// Ranges sorted, not empty, neither overlapping nor touching.
bool wellFormed(const RowSelection &s) {
    int previousLast = -2;
    for (const Range &r : s.ranges()) {
        if (r.first > r.last || r.first <= previousLast + 1)
            return false;
        previousLast = r.last;
    }
    return true;
}
}  // namespace

class TestRowSelection : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void aClickSelectsOneRowAndMakesItCurrent() {
        RowSelection s;
        QCOMPARE(s.current(), -1);
        QCOMPARE(s.count(), 0);
        s.selectOnly(7);
        QCOMPARE(s.ranges(), (QList<Range>{{7, 7}}));
        QCOMPARE(s.current(), 7);
        QCOMPARE(s.anchor(), 7);
        s.selectOnly(3);
        QCOMPARE(s.ranges(), (QList<Range>{{3, 3}}));
    }

    void ctrlClickTogglesAndSplitsARange() {
        RowSelection s;
        s.selectOnly(10);
        s.extendTo(20, false);
        QCOMPARE(s.ranges(), (QList<Range>{{10, 20}}));
        s.toggle(15);  // out of the middle
        QCOMPARE(s.ranges(), (QList<Range>{{10, 14}, {16, 20}}));
        QVERIFY(!s.contains(15));
        QCOMPARE(s.count(), 10);
        s.toggle(15);  // back in: one range again
        QCOMPARE(s.ranges(), (QList<Range>{{10, 20}}));
        s.toggle(10);
        s.toggle(20);
        QCOMPARE(s.ranges(), (QList<Range>{{11, 19}}));
        QCOMPARE(s.current(), 20);
    }

    void shiftExtendsFromTheAnchorEitherWay() {
        RowSelection s;
        s.selectOnly(100);
        s.extendTo(1'000'000, false);
        QCOMPARE(s.count(), 999'901);
        QCOMPARE(s.current(), 1'000'000);
        QCOMPARE(s.anchor(), 100);
        s.extendTo(40, false);  // the other side of the anchor: replaces the extension
        QCOMPARE(s.ranges(), (QList<Range>{{40, 100}}));
    }

    void ctrlShiftKeepsWhatWasSelectedBeforeTheAnchor() {
        RowSelection s;
        s.selectOnly(5);
        s.toggle(50);  // anchor 50, with 5 selected
        s.extendTo(60, true);
        QCOMPARE(s.ranges(), (QList<Range>{{5, 5}, {50, 60}}));
        s.extendTo(55, true);  // a second Ctrl+Shift+click replaces the first extension
        QCOMPARE(s.ranges(), (QList<Range>{{5, 5}, {50, 55}}));
        s.extendTo(70, false);  // Shift alone: only the extension
        QCOMPARE(s.ranges(), (QList<Range>{{50, 70}}));
    }

    void shiftWithoutAnAnchorSelectsTheRow() {
        RowSelection s;
        s.extendTo(9, false);
        QCOMPARE(s.ranges(), (QList<Range>{{9, 9}}));
        QCOMPARE(s.anchor(), 9);
    }

    void selectAllIsOneRangeWhateverTheLength() {
        RowSelection s;
        s.selectOnly(3);
        s.selectAll(15'000'000);
        QCOMPARE(s.ranges(), (QList<Range>{{0, 14'999'999}}));
        QCOMPARE(s.count(), 15'000'000);
        QCOMPARE(s.current(), 3);  // the current row stays where it was
        s.selectAll(0);
        QVERIFY(s.ranges().isEmpty());
    }

    void withinCutsTheRangesToTheRowsOnScreen() {
        RowSelection s;
        s.selectOnly(0);
        s.extendTo(10, false);
        s.toggle(30);
        s.toggle(31);
        QCOMPARE(s.within(5, 30), (QList<Range>{{5, 10}, {30, 30}}));
        QCOMPARE(s.within(11, 29), QList<Range>{});
        QCOMPARE(s.within(31, 100), (QList<Range>{{31, 31}}));
    }

    void clearForgetsSelectionCurrentAndAnchor() {
        RowSelection s;
        s.selectOnly(4);
        s.clear();
        QCOMPARE(s.count(), 0);
        QCOMPARE(s.current(), -1);
        QCOMPARE(s.anchor(), -1);
        s.setCurrent(8);  // Ctrl+arrow: current without a selection
        QCOMPARE(s.current(), 8);
        QCOMPARE(s.count(), 0);
    }

    // Random clicks, Ctrl+clicks and Shift+clicks against a plain set of rows.
    void randomOperationsAgreeWithASetOfRows() {
        QRandomGenerator random(15);
        RowSelection s;
        std::set<int> expected;
        std::set<int> atAnchor;
        int anchor = -1;
        for (int step = 0; step < 5000; ++step) {
            const int row = int(random.bounded(200));
            switch (random.bounded(4)) {
                case 0:
                    s.selectOnly(row);
                    expected = {row};
                    anchor = row;
                    atAnchor = expected;
                    break;
                case 1:
                    s.toggle(row);
                    if (!expected.erase(row))
                        expected.insert(row);
                    anchor = row;
                    atAnchor = expected;
                    break;
                default: {
                    const bool keep = random.bounded(2) == 1;
                    s.extendTo(row, keep);
                    if (anchor < 0) {
                        expected = {row};
                        anchor = row;
                        atAnchor = expected;
                        break;
                    }
                    expected = keep ? atAnchor : std::set<int>();
                    for (int r = qMin(anchor, row); r <= qMax(anchor, row); ++r)
                        expected.insert(r);
                }
            }
            QVERIFY2(wellFormed(s), qPrintable(QString::number(step)));
            QVERIFY2(rowsOf(s) == expected, qPrintable(QString::number(step)));
            QCOMPARE(s.count(), qint64(expected.size()));
            QCOMPARE(s.contains(row), expected.count(row) == 1);
            QCOMPARE(s.current(), row);
        }
    }
};

QTEST_APPLESS_MAIN(TestRowSelection)
#include "tst_rowselection.moc"
