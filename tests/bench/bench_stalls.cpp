// The longest time the window's event loop stood still while long work ran: opening a
// docket until its exact count is known, the dashboard, an export of the whole list and a
// CSV import. Run on demand by tests/bench/run-bench (never in the default ctest run).
// Usage: bench_stalls DOCKET.sqlite IMPORT.csv
#include "CaseListView.h"
#include "DashboardView.h"
#include "ImportDialog.h"
#include "MainWindow.h"
#include "TransferController.h"
#include "models/CaseTableModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QWindow>
#include <algorithm>
#include <functional>

namespace {
QTextStream &out() {
    static QTextStream s(stdout);
    return s;
}

// A 1 ms precise timer ticks while the work runs; the longest gap between two ticks is the
// longest the loop was busy elsewhere (a paint, a page read, a signal handler). Every 50 ms
// the list jumps to a random row meanwhile, as a person scrolling would, so page reads on
// the window's own connection are part of what is measured.
class StallWatch : public QObject {
  public:
    explicit StallWatch(CaseListView *view) : m_view(view) {
        m_tick.setTimerType(Qt::PreciseTimer);
        m_tick.setInterval(1);
        connect(&m_tick, &QTimer::timeout, this, &StallWatch::tick);
        m_scroll.setInterval(50);
        connect(&m_scroll, &QTimer::timeout, this, &StallWatch::scroll);
    }
    void start() {
        m_longest = 0;
        m_ticks = 0;
        m_clock.start();
        m_last = 0;
        m_tick.start();
        if (!qEnvironmentVariableIsSet("BENCH_NO_SCROLL"))
            m_scroll.start();
    }
    void stop() {
        tick();
        m_tick.stop();
        m_scroll.stop();
    }
    double longestMs() const { return m_longest; }
    double seconds() const { return double(m_clock.elapsed()) / 1000.0; }
    qint64 ticks() const { return m_ticks; }

  private:
    void tick() {
        const qint64 now = m_clock.nsecsElapsed();
        m_longest = std::max(m_longest, double(now - m_last) / 1e6);
        if (qEnvironmentVariableIsSet("BENCH_STALL_LOG") && now - m_last > 8'000'000)
            QTextStream(stderr) << "  stall of " << double(now - m_last) / 1e6 << " ms at "
                                << double(m_last) / 1e6 << " ms\n";
        m_last = now;
        ++m_ticks;
    }
    void scroll() {
        const int rows = m_view->caseModel()->rowCount();
        if (rows > 0)
            m_view->scrollToRow(int(m_random.bounded(rows)));
    }

    CaseListView *m_view;
    QTimer m_tick, m_scroll;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_ticks = 0;
    double m_longest = 0;
    QRandomGenerator m_random{15};
};

void waitUntil(const std::function<bool()> &done) {
    while (!done())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

class Bench {
  public:
    Bench(QString docket, QString csv) : m_docket(std::move(docket)), m_csv(std::move(csv)) {
        m_window.resize(1280, 800);
        // BENCH_QT_DELEGATE=1: the list's cells drawn by Qt's own delegate, the reference.
        if (qEnvironmentVariableIsSet("BENCH_QT_DELEGATE"))
            m_window.caseTable()->setItemDelegate(new QStyledItemDelegate(m_window.caseTable()));
        m_window.show();
        // The window's first showing (40 ms here: fonts, styles, the first expose) is not
        // part of opening a docket in it.
        QElapsedTimer shown;
        shown.start();
        while (!(m_window.windowHandle() && m_window.windowHandle()->isExposed()) ||
               shown.elapsed() < 500)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }

    void run() {
        StallWatch watch(m_window.caseTable());
        measure(watch, QStringLiteral("open the docket (File › Open: the call itself)"),
                [this] { m_window.openDocket(m_docket); });
        measure(watch, QStringLiteral("after the opening, until the exact count is known"),
                [this] { waitUntil([this] { return m_window.caseModel()->isCountExact(); }); });
        measureRepaint();
        measure(watch, QStringLiteral("the dashboard: read and draw its five charts"), [this] {
            m_window.showDashboard();
            waitUntil([this] { return m_window.dashboard()->isLoaded(); });
        });
        m_window.showCaseList();
        QTemporaryDir dir;  // removed after the measure: unlinking 290 MB is not the window's
        measure(watch, QStringLiteral("export the whole list to CSV"), [this, &dir] {
            m_exported = m_window.transfer()->exportFile(dir.filePath(u"all.csv"_qs), false);
        });
        measure(watch, QStringLiteral("import a CSV (every row already in the docket: skipped)"),
                [this] {
                    ImportDialog dialog(m_docket, m_csv, ImportDialog::Format::Csv, &m_window);
                    dialog.setDuplicatePolicy(DuplicatePolicy::Skip);
                    m_importRows = dialog.runImport().skipped;
                });
    }

    void report() const {
        out() << "| while this runs (1280×800 window, the list jumping to a random row every "
                 "50 ms) | took | longest event-loop stall | target |\n|---|---:|---:|---|\n";
        for (const auto &[what, seconds, longest] : m_rows)
            out() << "| " << what << " | " << QString::number(seconds, 'f', 1) << " s | "
                  << QString::number(longest, 'f', 1) << " ms | ≤ 16 ms |\n";
        out() << "\nThe list's rows on screen, read, drawn again (a jump's paint, without the "
                 "read): median "
              << QString::number(m_repaint.first, 'f', 1) << " ms, p95 "
              << QString::number(m_repaint.second, 'f', 1) << " ms.\n";
        out() << "\nExport " << (m_exported ? "succeeded" : "FAILED") << "; the import read "
              << m_importRows << " rows.\n";
    }

  private:
    // What drawing the list costs, apart from reading it: the rows of a random place are read,
    // then the list's viewport is painted at once, 41 times.
    void measureRepaint() {
        CaseListView *list = m_window.caseTable();
        QRandomGenerator random(7);
        QList<double> times;
        const int times41 = qEnvironmentVariableIntValue("BENCH_REPAINTS");
        for (int i = 0; i < (times41 > 0 ? times41 : 41); ++i) {
            const int row = int(random.bounded(m_window.caseModel()->rowCount()));
            // Not drawn while its rows are read: the paint timed is the first of these rows
            // (what a jump costs), not a second one of rows already drawn.
            list->viewport()->setUpdatesEnabled(false);
            list->scrollToRow(row, QAbstractItemView::PositionAtTop);
            const int top = list->firstShownRow();
            const int bottom =
                qMin(top + list->rowsOnScreen(), m_window.caseModel()->rowCount() - 1);
            waitUntil([&] {
                return m_window.caseModel()->isRowRead(top) &&
                       m_window.caseModel()->isRowRead(bottom);
            });
            list->viewport()->setUpdatesEnabled(true);
            QElapsedTimer t;
            t.start();
            list->viewport()->repaint();
            times << double(t.nsecsElapsed()) / 1e6;
            QCoreApplication::processEvents();
        }
        std::sort(times.begin(), times.end());
        m_repaint = {times[times.size() / 2], times[times.size() * 95 / 100]};
    }

    // BENCH_ONLY=open (or dashboard, export, import) measures that part alone, for profiling.
    void measure(StallWatch &watch, const QString &what, const std::function<void()> &work) {
        const QString only = qEnvironmentVariable("BENCH_ONLY");
        if (!only.isEmpty() && !what.contains(only) && !what.contains(u"open"))
            return;
        watch.start();
        work();
        watch.stop();
        m_rows.append({what, watch.seconds(), watch.longestMs()});
        QTextStream(stderr) << what << ": " << watch.longestMs() << " ms over " << watch.ticks()
                            << " ticks\n";
    }

    struct Result {
        QString what;
        double seconds;
        double longestMs;
    };
    QString m_docket, m_csv;
    MainWindow m_window;
    QList<Result> m_rows;
    bool m_exported = false;
    qint64 m_importRows = 0;
    std::pair<double, double> m_repaint;  // median, p95
};
}  // namespace

// BENCH_SLOW_EVENTS=1 names each event that kept the loop 2 ms or more, and what got it:
// where a stall comes from.
class TimedApplication : public QApplication {
  public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override {
        if (!m_log)
            return QApplication::notify(receiver, event);
        const QEvent::Type type = event->type();
        QElapsedTimer t;
        t.start();
        const bool result = QApplication::notify(receiver, event);
        if (const double ms = double(t.nsecsElapsed()) / 1e6; ms >= 2.0)
            QTextStream(stderr) << "  event " << int(type) << " to "
                                << receiver->metaObject()->className() << " '"
                                << receiver->objectName() << "': " << ms << " ms\n";
        return result;
    }

  private:
    bool m_log = qEnvironmentVariableIsSet("BENCH_SLOW_EVENTS");
};

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    TimedApplication app(argc, argv);
    if (argc < 3) {
        QTextStream(stderr) << "usage: bench_stalls DOCKET.sqlite IMPORT.csv\n";
        return 2;
    }
    Bench bench(QString::fromLocal8Bit(argv[1]), QString::fromLocal8Bit(argv[2]));
    bench.run();
    bench.report();
    return 0;
}
