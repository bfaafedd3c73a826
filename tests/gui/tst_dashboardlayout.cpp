#include "DashboardView.h"
#include "ExampleReview.h"
#include "MainWindow.h"
#include "TestDocket.h"

#include <QAbstractBarSeries>
#include <QAction>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChartView>
#include <QDir>
#include <QGraphicsTextItem>
#include <QLegendMarker>
#include <QTabWidget>
#include <QTest>
#include <QTextDocumentFragment>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

// The dashboard at a laptop's size (1280x800) and a desktop's (1600x1000), on a generated
// docket: every label reads whole (no axis category, legend entry or title cut to an
// ellipsis, none hidden), the court axis names the courts, and every count axis ticks at
// distinct whole numbers (one signed disposition: 0 and 1, nothing between). A PNG of the
// window at each size is left in the test's working folder, to look at.
class TestDashboardLayout : public QObject {
    Q_OBJECT
    TestDocket m_docket;

    struct Text {
        QString text;  // plain, whitespace simplified
        QRectF rect;   // in chart coordinates
    };

    static QString plain(const QString &richText) {
        return QTextDocumentFragment::fromHtml(richText).toPlainText().simplified();
    }

    // Every text the chart draws and shows: axis labels, legend entries, the title, bar
    // values.
    static QList<Text> shownTexts(QChart *chart) {
        QList<Text> out;
        QList<QGraphicsItem *> pending = chart->childItems();
        while (!pending.isEmpty()) {
            QGraphicsItem *item = pending.takeLast();
            pending += item->childItems();
            const auto *text = dynamic_cast<const QGraphicsTextItem *>(item);
            if (text && text->isVisible() && !text->toPlainText().isEmpty())
                out.append({text->toPlainText().simplified(),
                            chart->mapRectFromScene(text->sceneBoundingRect())});
        }
        return out;
    }

    // The tick values of a value axis, as Qt Charts places them.
    static QList<qreal> ticksOf(const QValueAxis *axis) {
        QList<qreal> ticks;
        // categoriesLabels() is not const in Qt 6.4; it only reads.
        if (auto *labelled = qobject_cast<QCategoryAxis *>(const_cast<QValueAxis *>(axis))) {
            for (const QString &label : labelled->categoriesLabels())
                ticks << labelled->endValue(label);
        } else if (axis->tickType() == QValueAxis::TicksFixed) {
            for (int i = 0; i < axis->tickCount(); ++i)
                ticks << axis->min() + i * (axis->max() - axis->min()) / (axis->tickCount() - 1);
        } else {
            const qreal first = axis->tickAnchor() + std::ceil((axis->min() - axis->tickAnchor()) /
                                                               axis->tickInterval()) *
                                                         axis->tickInterval();
            for (qreal t = first; t <= axis->max() + 1e-9; t += axis->tickInterval())
                ticks << t;
        }
        return ticks;
    }

    // What a person would find wrong in one chart; empty when every label reads whole.
    static QStringList problemsIn(const QChartView *view) {
        QStringList problems;
        QChart *chart = view->chart();
        const QString chartName = view->objectName();
        const QRectF plot = chart->plotArea();
        const QList<Text> texts = shownTexts(chart);
        for (const Text &t : texts)
            if (t.text.endsWith(u"..."_s) || t.text.contains(QChar(0x2026)))
                problems << chartName + u": cut to \""_s + t.text + u'"';
        const auto shown = [&texts](const QString &text, auto where) {
            return std::any_of(texts.cbegin(), texts.cend(),
                               [&](const Text &t) { return t.text == text && where(t.rect); });
        };
        const auto anywhere = [](const QRectF &) { return true; };
        if (!chart->title().isEmpty() && !shown(plain(chart->title()), anywhere))
            problems << chartName + u": the title is not shown whole"_s;
        for (QAbstractAxis *axis : chart->axes()) {
            if (axis->labelsTruncated())
                problems << chartName + u": Qt Charts truncated labels of an axis"_s;
            if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis)) {
                for (const QString &category : categories->categories())
                    if (!shown(plain(category), anywhere))
                        problems << chartName + u": category \""_s + plain(category) +
                                        u"\" is not shown whole"_s;
            }
            const auto *values = qobject_cast<const QValueAxis *>(axis);
            if (!values)
                continue;
            QStringList labels;
            for (const qreal tick : ticksOf(values)) {
                if (std::abs(tick - std::round(tick)) > 1e-9)
                    problems << chartName + u": a tick at %1, not a whole number"_s.arg(tick);
                labels << QString::number(qint64(std::round(tick)));
            }
            if (auto *labelled = qobject_cast<QCategoryAxis *>(axis))
                labels = labelled->categoriesLabels();  // 20k, 1.5M
            if (labels.size() < 2 || labels.removeDuplicates() > 0)
                problems << chartName + u": tick labels repeat or are missing"_s;
            // Each tick's label is shown beside the plot (below it, or left of it).
            const bool below = axis->alignment() == Qt::AlignBottom;
            for (const QString &label : std::as_const(labels))
                if (!shown(label, [&](const QRectF &r) {
                        return below ? r.top() >= plot.bottom() - 1 : r.right() <= plot.left() + 1;
                    }))
                    problems << chartName + u": tick label "_s + label + u" is not shown"_s;
            // ... and apart from the others ("0 100000200000300000" at 300,000 cases).
            QList<QRectF> placed;
            for (const Text &t : texts)
                if (labels.contains(t.text) &&
                    (below ? t.rect.top() >= plot.bottom() - 1 : t.rect.right() <= plot.left() + 1))
                    placed << t.rect;
            for (const QRectF &r : std::as_const(placed))
                if (!chart->rect().contains(r))  // "150k" drawn as "150" at the edge
                    problems << chartName + u": a tick label runs off the chart"_s;
            for (qsizetype i = 0; i < placed.size(); ++i)
                for (qsizetype j = i + 1; j < placed.size(); ++j)
                    if (placed[i].intersects(placed[j]))
                        problems << chartName + u": two tick labels overlap"_s;
        }
        if (chart->legend()->isVisible())
            for (const QLegendMarker *marker : chart->legend()->markers())
                if (!shown(plain(marker->label()), anywhere))
                    problems << chartName + u": legend entry \""_s + plain(marker->label()) +
                                    u"\" is not shown whole"_s;
        return problems;
    }

    static QStringList problemsIn(MainWindow &w) {
        QStringList problems;
        for (const QChartView *view : w.dashboard()->findChildren<QChartView *>())
            problems += problemsIn(view);
        return problems;
    }

    static QStringList categoriesOf(MainWindow &w, const char *chartName) {
        auto *view = w.dashboard()->findChild<QChartView *>(QLatin1String(chartName));
        for (QAbstractAxis *axis : view->chart()->axes())
            if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis)) {
                QStringList out;
                for (const QString &c : categories->categories())
                    out << plain(c);
                return out;
            }
        return {};
    }

  private Q_SLOTS:
    void initTestCase() {
        QString error;
        const auto id = SigningIdentity::generate({u"Dash"_s, {}, u"OPLA"_s, {}, {}, {}},
                                                  SigningIdentity::KeyType::EcP256, 30, &error);
        QVERIFY2(id, qPrintable(error));
        {
            auto store = m_docket.openGenerated(1200, 5);
            // One signed disposition: the axis that read "0 0 0 0 0 1".
            QVERIFY(signExampleReview(*store, 10, *id, u"continuance"_s));
        }
        // A busier docket: 20,000 cases and seven kinds of signed disposition, the longest
        // names among them.
        auto store = m_docket.open(u"busy.sqlite"_s);
        QVERIFY2(DocketGenerator::fill(*store, 20000, 11, PinnedClock::today(), &error),
                 qPrintable(error));
        const QStringList kinds = {u"dismiss"_s,
                                   u"dismiss"_s,
                                   u"dismiss"_s,
                                   u"joint_motion_dismiss"_s,
                                   u"joint_motion_dismiss"_s,
                                   u"continuance"_s,
                                   u"stipulate"_s,
                                   u"administrative_closure"_s,
                                   u"decline_nta"_s,
                                   u"decline_pd"_s};
        for (qsizetype i = 0; i < kinds.size(); ++i)
            QVERIFY(signExampleReview(*store, 100 + 37 * i, *id, kinds[i]));
        // Six-digit counts: the status chart's axis read "0 100000200000300000".
        auto large = m_docket.open(u"large.sqlite"_s);
        QVERIFY2(DocketGenerator::fill(*large, 120000, 12, PinnedClock::today(), &error),
                 qPrintable(error));
    }

    void everyLabelReadsWhole_data() {
        QTest::addColumn<QString>("docket");
        QTest::addColumn<QSize>("size");
        QTest::newRow("1280x800") << u"docket.sqlite"_s << QSize(1280, 800);
        QTest::newRow("1600x1000") << u"docket.sqlite"_s << QSize(1600, 1000);
        QTest::newRow("busy 1280x800") << u"busy.sqlite"_s << QSize(1280, 800);
        QTest::newRow("large 1280x800") << u"large.sqlite"_s << QSize(1280, 800);
    }

    void everyLabelReadsWhole() {
        QFETCH(QString, docket);
        QFETCH(QSize, size);
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path(docket)));
        w.resize(size);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.size(), size);
        w.findChild<QAction *>(u"actionDashboard"_s)->trigger();
        QTRY_VERIFY(w.dashboard()->isLoaded());
        QCOMPARE(w.findChild<QTabWidget *>(u"mainTabs"_s)->currentWidget(), w.dashboard());

        // The charts lay themselves out after the numbers arrive: a few event loop turns.
        if (!QTest::qWaitFor([&w] { return problemsIn(w).isEmpty(); }, 3000))
            qInfo("still not right after 3 seconds");
        const QString png = QDir::current().absoluteFilePath(
            u"dashboard-%1x%2%3.png"_s.arg(size.width())
                .arg(size.height())
                .arg(docket == u"docket.sqlite"_s ? QString()
                                                  : u'-' + QFileInfo(docket).baseName()));
        QVERIFY2(w.grab().save(png), qPrintable(png));
        qInfo("dashboard at %dx%d: %s", size.width(), size.height(), qPrintable(png));
        const QStringList problems = problemsIn(w);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

        // The court axis names the twelve largest courts, in full.
        const DocketSummary &s = w.dashboard()->summary();
        QStringList expected;
        for (const Court &court : w.store()->courts())
            for (const DocketSummary::Count &c : s.byCourt.mid(0, 12))
                if (c.key == court.code)
                    expected << court.name;
        QStringList courts = categoriesOf(w, "courtChart");
        courts.sort();
        expected.sort();
        QCOMPARE(courts.size(), 12);
        QCOMPARE(courts, expected);

        // The list shows court codes: the top bar's tooltip gives its code with its name.
        auto *courtView = w.dashboard()->findChild<QChartView *>(u"courtChart"_s);
        auto *bars = qobject_cast<QAbstractBarSeries *>(courtView->chart()->series().value(0));
        QVERIFY(bars);
        const DocketSummary::Count top = s.byCourt.first();
        QString topName;
        for (const Court &court : w.store()->courts())
            if (court.code == top.key)
                topName = court.name;
        Q_EMIT bars->hovered(true, bars->barSets().first()->count() - 1, bars->barSets().first());
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), u"%1 (%2): %L3 cases"_s.arg(topName, top.key).arg(top.cases));
        Q_EMIT bars->hovered(false, bars->barSets().first()->count() - 1, bars->barSets().first());
        QTRY_VERIFY(!QToolTip::isVisible());

        if (docket != u"docket.sqlite"_s)
            return;
        // One signed disposition: ticks 0 and 1 and nothing between.
        auto *dispositions = w.dashboard()->findChild<QChartView *>(u"dispositionChart"_s);
        const auto *counts =
            qobject_cast<const QValueAxis *>(dispositions->chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(counts);
        QCOMPARE(ticksOf(counts), (QList<qreal>{0, 1}));
    }

    // A count on a bar is written as the status bar writes it. Qt Charts' default was six
    // significant digits: "1.49801e+06" on the Not reviewed bar of a national docket, and
    // "110234" beside the status bar's "110,234".
    void countsOnBarsAreWrittenInFull() {
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path(u"large.sqlite"_s)));
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.findChild<QAction *>(u"actionDashboard"_s)->trigger();
        QTRY_VERIFY(w.dashboard()->isLoaded());
        auto *status = w.dashboard()->findChild<QChartView *>(u"statusChart"_s);
        w.grab();  // bar values are laid out when drawn
        QStringList shown;
        for (const Text &t : shownTexts(status->chart()))
            shown << t.text;
        QLocale::setDefault(before);
        const DocketSummary &s = w.dashboard()->summary();
        QVERIFY(s.byStatus.first().cases >= 100000);
        // Seven digits (a docket of a million cases, too slow to make here) need more than
        // the six significant digits Qt Charts writes by default.
        auto *bars = qobject_cast<QAbstractBarSeries *>(status->chart()->series().value(0));
        QVERIFY(bars && bars->labelsPrecision() >= 10);
        QVERIFY2(shown.contains(u"%L1"_s.arg(s.byStatus.first().cases)),
                 qPrintable(shown.join(u" | ")));
    }
};

QTEST_MAIN(TestDashboardLayout)
#include "tst_dashboardlayout.moc"
