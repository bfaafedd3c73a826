#include "CaseListView.h"
#include "ExampleReview.h"
#include "MainWindow.h"
#include "TestDocket.h"
#include "models/CaseTableModel.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

// The review queue as the attorney meets it: Next Case (F8) in the window, the
// highlighted rows and the status bar count, on a docket whose dates are known.
class TestQueue : public QObject {
    Q_OBJECT
    TestDocket m_docket;
    QHash<QString, qint64> m_ids;

    // A case whose next hearing is `days` from the pinned today.
    void add(CaseStore &store, const QString &digits, const QString &family, int days,
             const QString &court) {
        Case c = makeCase(digits, family);
        c.nextHearingDate = PinnedClock::today().addDays(days);
        c.court = court;
        QString error;
        QVERIFY2(store.saveCase(c, &error), qPrintable(error));
        m_ids.insert(family, c.id);
    }

    static QString currentName(MainWindow &w) {
        const QModelIndex i =
            w.caseModel()->index(w.caseTable()->currentRow(), CaseTableModel::NameColumn);
        return w.caseModel()->data(i).toString();
    }

  private Q_SLOTS:
    void initTestCase() {
        auto store = m_docket.open();
        add(*store, u"200000001"_s, u"Later"_s, 64, u"SFR"_s);
        add(*store, u"200000002"_s, u"Signed"_s, 2, u"SFR"_s);
        add(*store, u"200000003"_s, u"Soon"_s, 5, u"NYC"_s);
        add(*store, u"200000004"_s, u"Sooner"_s, 3, u"SFR"_s);
        add(*store, u"200000005"_s, u"Past"_s, -9, u"NYC"_s);
        add(*store, u"200000006"_s, u"Fortnight"_s, 15, u"SFR"_s);
        QString error;
        const auto identity = SigningIdentity::generate(
            {u"Queue"_s, {}, u"OPLA"_s, {}, {}, {}}, SigningIdentity::KeyType::EcP256, 30, &error);
        QVERIFY2(identity, qPrintable(error));
        QVERIFY(signExampleReview(*store, m_ids[u"Signed"_s], *identity));
    }

    void nextCaseWalksUnsignedCasesByHearingAndWrapsAround() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        w.show();
        auto *next = w.findChild<QAction *>(u"actionNextCase"_s);
        QVERIFY(next);
        QCOMPARE(next->shortcut(), QKeySequence(Qt::Key_F8));
        QStringList visited;
        for (int i = 0; i < 6; ++i) {
            next->trigger();
            visited << currentName(w).section(u',', 0, 0);
        }
        // Past hearings first (they still need a decision), the signed case never, and
        // after the last one the queue starts again.
        QCOMPARE(visited, (QStringList{u"Past"_s, u"Sooner"_s, u"Soon"_s, u"Fortnight"_s,
                                       u"Later"_s, u"Past"_s}));
    }

    void nextCaseKeepsItsPlaceWithinANewFilter() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        w.show();
        auto *next = w.findChild<QAction *>(u"actionNextCase"_s);
        next->trigger();
        next->trigger();
        QCOMPARE(currentName(w).section(u',', 0, 0), u"Sooner"_s);
        auto *court = w.findChild<QComboBox *>(u"courtFilter"_s);
        court->setCurrentIndex(court->findData(u"NYC"_s));
        QTRY_COMPARE(w.caseModel()->rowCount(), 2);
        next->trigger();  // after Sooner (+3 days) in NYC: Soon (+5)
        QCOMPARE(currentName(w).section(u',', 0, 0), u"Soon"_s);
        next->trigger();  // then round to Past
        QCOMPARE(currentName(w).section(u',', 0, 0), u"Past"_s);
    }

    void hearingsWithinTwoWeeksAreHighlightedAndCounted() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        w.show();
        QStringList highlighted;
        for (int r = 0; r < w.caseModel()->rowCount(); ++r) {
            const QModelIndex i = w.caseModel()->index(r, CaseTableModel::NameColumn);
            const bool soon = i.data(CaseTableModel::HearingSoonRole).toBool();
            QCOMPARE(i.data(Qt::BackgroundRole).isValid(), soon);
            if (soon)
                highlighted << i.data().toString().section(u',', 0, 0);
        }
        // Today to today + 14: not the signed case, not the past one, not today + 15.
        QCOMPARE(highlighted, (QStringList{u"Sooner"_s, u"Soon"_s}));
        auto *label = w.findChild<QLabel *>(u"hearingsSoon"_s);
        QTRY_COMPARE(label->text(), u"2 hearings within 14 days without a signed review"_s);
        auto *court = w.findChild<QComboBox *>(u"courtFilter"_s);
        court->setCurrentIndex(court->findData(u"NYC"_s));
        QTRY_COMPARE(label->text(),
                     u"1 hearing within 14 days without a signed review, in this list"_s);
    }
};

QTEST_MAIN(TestQueue)
#include "tst_queue.moc"
