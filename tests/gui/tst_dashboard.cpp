#include "DashboardView.h"
#include "ExampleReview.h"
#include "HeldPool.h"
#include "MainWindow.h"
#include "ShownWindow.h"
#include "TestDocket.h"
#include "models/CaseTableModel.h"

#include <QAction>
#include <QBarSet>
#include <QChartView>
#include <QComboBox>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QPieSeries>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QtMath>

using namespace Qt::StringLiterals;

// The dashboard in the window: it shows the docket's numbers, and a click on a bar or a
// slice (a real mouse click at the bar's place on screen) filters the case list.
class TestDashboard : public QObject {
    Q_OBJECT
    TestDocket m_docket;

    static QChartView *chart(MainWindow &w, const char *name) {
        return w.dashboard()->findChild<QChartView *>(QLatin1String(name));
    }

    // Clicks the middle of a bar of a horizontal bar chart (categories bottom-up).
    static void clickHorizontalBar(QChartView *view, int barIndex) {
        auto *series = qobject_cast<QAbstractBarSeries *>(view->chart()->series().first());
        const qreal value = series->barSets().first()->at(barIndex);
        const QPointF inChart = view->chart()->mapToPosition(QPointF(value / 2, barIndex), series);
        click(view, inChart);
    }

    static void clickVerticalBar(QChartView *view, int barIndex) {
        auto *series = qobject_cast<QAbstractBarSeries *>(view->chart()->series().first());
        const qreal value = series->barSets().first()->at(barIndex);
        const QPointF inChart = view->chart()->mapToPosition(QPointF(barIndex, value / 2), series);
        click(view, inChart);
    }

    static void clickSlice(QChartView *view, int sliceIndex) {
        auto *series = qobject_cast<QPieSeries *>(view->chart()->series().first());
        const QPieSlice *slice = series->slices().at(sliceIndex);
        const QRectF plot = view->chart()->plotArea();
        const qreal radius = series->pieSize() * qMin(plot.width(), plot.height()) / 2;
        // Pie angles run clockwise from twelve o'clock.
        const qreal middle = qDegreesToRadians(slice->startAngle() + slice->angleSpan() / 2);
        click(view, plot.center() + QPointF(qSin(middle), -qCos(middle)) * radius * 0.6);
    }

    static void click(QChartView *view, const QPointF &inChart) {
        const QPoint at = view->mapFromScene(view->chart()->mapToScene(inChart));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    }

    static void openDashboard(MainWindow &w) {
        w.findChild<QAction *>(u"actionDashboard"_s)->trigger();
        QTRY_VERIFY(w.dashboard()->isLoaded());
        QCOMPARE(w.findChild<QTabWidget *>(u"mainTabs"_s)->currentWidget(), w.dashboard());
    }

    static QStringList column(MainWindow &w, int c) {
        QStringList out;
        for (int r = 0; r < w.caseModel()->rowCount(); ++r)
            out << w.caseModel()->data(w.caseModel()->index(r, c)).toString();
        return out;
    }

  private Q_SLOTS:
    void initTestCase() {
        auto store = m_docket.openGenerated(1200, 5);
        QString error;
        const auto id = SigningIdentity::generate({u"Dash"_s, {}, u"OPLA"_s, {}, {}, {}},
                                                  SigningIdentity::KeyType::EcP256, 30, &error);
        QVERIFY2(id, qPrintable(error));
        QVERIFY(signExampleReview(*store, 10, *id, u"dismiss"_s));
        QVERIFY(signExampleReview(*store, 20, *id, u"dismiss"_s));
        QVERIFY(signExampleReview(*store, 30, *id, u"continuance"_s));
    }

    // The count, the hearings soon and the dashboard's numbers are read on WorkerPool: with
    // Qt's global pool held (where paints split their fills), each still arrives. Nothing
    // is shown meanwhile: a paint would wait for the held pool.
    void backgroundWorkDoesNotWaitForQtsGlobalPool() {
        MainWindow w;
        const HeldPool held;
        QVERIFY(w.openDocket(m_docket.path()));
        QTRY_VERIFY(w.caseModel()->isCountExact());
        QCOMPARE(w.caseModel()->rowCount(), 1200);
        const auto *soon = w.findChild<QLabel *>(u"hearingsSoon"_s);
        QTRY_VERIFY(!soon->text().isEmpty());
        w.dashboard()->refresh(m_docket.path());
        QTRY_VERIFY(w.dashboard()->isLoaded());
    }

    void showsTheDocketNumbers() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        w.resize(1360, 860);
        w.show();
        openDashboard(w);
        const DocketSummary &s = w.dashboard()->summary();
        QCOMPARE(s.total, 1200);
        auto *status =
            qobject_cast<QAbstractBarSeries *>(chart(w, "statusChart")->chart()->series().first());
        qint64 shown = 0;
        for (int i = 0; i < status->barSets().first()->count(); ++i)
            shown += qint64(status->barSets().first()->at(i));
        QCOMPARE(shown, 1200);
        QCOMPARE(s.byStatus.last().key, u"signed"_s);
        QCOMPARE(s.byStatus.last().cases, 3);
        auto *pie =
            qobject_cast<QPieSeries *>(chart(w, "representationChart")->chart()->series().first());
        QCOMPARE(qint64(pie->slices().at(0)->value()), s.unrepresented);
    }

    void followsChangesMadeByAnotherProgram() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        w.show();
        openDashboard(w);
        const qint64 before = w.dashboard()->summary().total;
        {
            auto other =
                CaseStore::open(m_docket.path(), CaseStore::OpenMode::OpenExisting, nullptr);
            Case c = makeCase(u"098765432"_s, u"Elsewhere"_s);
            QString error;
            QVERIFY2(other->saveCase(c, &error), qPrintable(error));
        }
        // The window looks every two seconds; the visible dashboard reads again.
        QTRY_COMPARE_WITH_TIMEOUT(w.dashboard()->summary().total, before + 1, 8000);

        // Asked again while a read runs, it ends with what the docket holds after the last ask.
        w.dashboard()->refresh(m_docket.path());
        {
            auto other =
                CaseStore::open(m_docket.path(), CaseStore::OpenMode::OpenExisting, nullptr);
            Case c = makeCase(u"098765433"_s, u"Later"_s);
            QString error;
            QVERIFY2(other->saveCase(c, &error), qPrintable(error));
        }
        w.dashboard()->refresh(m_docket.path());
        QTRY_VERIFY(w.dashboard()->isLoaded());
        QCOMPARE(w.dashboard()->summary().total, before + 2);
    }

    // The charts are drawn one a turn of the event loop (five at once held the window
    // 15-19 ms at 1.5M). A refresh in the middle ends that drawing: only the new numbers
    // are announced as loaded, once, with every chart drawn.
    void aRefreshWhileChartsAreDrawnEndsTheOldDrawing() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        w.show();
        QSignalSpy loaded(w.dashboard(), &DashboardView::loaded);
        w.findChild<QAction *>(u"actionDashboard"_s)->trigger();
        QDeadlineTimer deadline(10'000);
        while (chart(w, "statusChart")->chart()->series().isEmpty() && !deadline.hasExpired())
            QCoreApplication::processEvents();
        QVERIFY(!chart(w, "statusChart")->chart()->series().isEmpty());
        QVERIFY(!w.dashboard()->isLoaded());
        QVERIFY(chart(w, "representationChart")->chart()->series().isEmpty());
        w.dashboard()->refresh(m_docket.path());
        QTRY_VERIFY(w.dashboard()->isLoaded());
        QTest::qWait(50);  // anything the first drawing still had queued has run by now
        QCOMPARE(loaded.count(), 1);
        for (const char *name :
             {"statusChart", "courtChart", "weeksChart", "dispositionChart", "representationChart"})
            QVERIFY2(!chart(w, name)->chart()->series().isEmpty(), name);
    }

    void clickingABarOrSliceFiltersTheList() {
        MainWindow w;
        QVERIFY(showOnDocket(w, m_docket.path(), {1360, 860}));
        openDashboard(w);
        const DocketSummary s = w.dashboard()->summary();

        // The top bar of the court chart is the court with most cases (bar index n-1).
        QChartView *courts = chart(w, "courtChart");
        const int bars = qobject_cast<QAbstractBarSeries *>(courts->chart()->series().first())
                             ->barSets()
                             .first()
                             ->count();
        clickHorizontalBar(courts, bars - 1);
        QCOMPARE(w.findChild<QTabWidget *>(u"mainTabs"_s)->currentIndex(), 0);
        auto *court = w.findChild<QComboBox *>(u"courtFilter"_s);
        QCOMPARE(court->currentData().toString(), s.byCourt.first().key);
        QTRY_VERIFY(w.caseModel()->isCountExact());
        QCOMPARE(w.caseModel()->rowCount(), s.byCourt.first().cases);
        QCOMPARE(column(w, CaseTableModel::CourtColumn).removeDuplicates(),
                 int(s.byCourt.first().cases) - 1);

        // A dashboard click replaces the whole filter: the unrepresented slice.
        openDashboard(w);
        clickSlice(chart(w, "representationChart"), 0);
        QCOMPARE(court->currentIndex(), 0);
        QCOMPARE(w.findChild<QComboBox *>(u"counselFilter"_s)->currentData().toString(), u"no"_s);
        QTRY_VERIFY(w.caseModel()->isCountExact());
        QCOMPARE(w.caseModel()->rowCount(), s.unrepresented);

        // The signed-dispositions chart: "dismiss" has two cases, the top bar.
        openDashboard(w);
        clickHorizontalBar(chart(w, "dispositionChart"), 1);
        QCOMPARE(w.findChild<QComboBox *>(u"dispositionFilter"_s)->currentData().toString(),
                 u"dismiss"_s);
        QTRY_COMPARE(w.caseModel()->rowCount(), 2);
        QCOMPARE(column(w, CaseTableModel::StatusColumn), (QStringList{u"Signed"_s, u"Signed"_s}));

        // A week: the list shows hearings from that Monday to that Sunday.
        openDashboard(w);
        int busiest = 0;
        for (int i = 0; i < s.upcomingWeeks.size(); ++i)
            if (s.upcomingWeeks[i].hearings > s.upcomingWeeks[busiest].hearings)
                busiest = i;
        clickVerticalBar(chart(w, "weeksChart"), busiest);
        QTRY_VERIFY(w.caseModel()->isCountExact());
        QCOMPARE(w.caseModel()->rowCount(), s.upcomingWeeks[busiest].hearings);
        const QString from = s.upcomingWeeks[busiest].from.toString(Qt::ISODate);
        const QString until = s.upcomingWeeks[busiest].until.toString(Qt::ISODate);
        for (const QString &hearing : column(w, CaseTableModel::HearingColumn))
            QVERIFY2(hearing.left(10) >= from && hearing.left(10) <= until, qPrintable(hearing));
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
