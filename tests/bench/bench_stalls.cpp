// The longest time the window's event loop stood still while long work ran: opening a
// docket until its exact count is known, the dashboard, searches by one letter, an export of
// the whole list and a CSV import; beside them the same window with nothing else running (the
// floor), and the machine's own pauses in the same run (MachineWatch), taken out in a column of
// their own. Run on demand by tests/bench/run-bench (never in the default ctest run). Usage:
// bench_stalls DOCKET.sqlite IMPORT.csv
#include "CaseListView.h"
#include "DashboardView.h"
#include "ImportDialog.h"
#include "MachineWatch.h"
#include "MainWindow.h"
#include "TransferController.h"
#include "models/CaseTableModel.h"
#include "store/HeapSettings.h"

#include <sys/resource.h>
#include <time.h>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
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
// the window's own connection are part of what is measured. Each gap is also told apart from
// the machine's own pauses (MachineWatch), seen by a thread that does nothing else.
class StallWatch : public QObject {
  public:
    StallWatch(CaseListView *view, const MachineWatch &machine) : m_view(view), m_machine(machine) {
        m_tick.setTimerType(Qt::PreciseTimer);
        m_tick.setInterval(1);
        connect(&m_tick, &QTimer::timeout, this, &StallWatch::tick);
        m_scroll.setObjectName(QStringLiteral("benchScroll"));
        m_scroll.setInterval(50);
        connect(&m_scroll, &QTimer::timeout, this, &StallWatch::scroll);
    }
    void start() {
        m_longest = 0;
        m_longestShort = 0;
        m_ticks = 0;
        m_long.clear();
        m_started = m_last = MachineWatch::now();
        m_tick.start();
        if (!qEnvironmentVariableIsSet("BENCH_NO_SCROLL"))
            m_scroll.start();
    }
    void stop() {
        tick();
        m_tick.stop();
        m_scroll.stop();
        m_stopped = MachineWatch::now();
        // The watcher records a pause when it wakes after it: give it that moment.
        QThread::msleep(60);
        if (qEnvironmentVariableIsSet("BENCH_STALL_LOG"))
            for (const auto &[cpu, gap] : m_machine.pauses(m_started, m_stopped))
                QTextStream(stderr) << "  CPU " << cpu << " paused " << (gap.to - gap.from) * 1e3
                                    << " ms at " << (gap.from - m_started) * 1e3 << " ms\n";
    }
    double longestMs() const { return m_longest; }
    // The longest stall once the machine's pauses inside it are taken out.
    double longestOwnMs() const {
        double longest = m_longestShort;
        for (const MachineWatch::Span &stall : m_long)
            longest = std::max(longest, ownPartMs(stall));
        return longest;
    }
    // How many stalls were over one frame (16 ms) once the machine's pauses are taken out.
    int ownOverFrame() const {
        return int(std::count_if(
            m_long.begin(), m_long.end(),
            [this](const MachineWatch::Span &stall) { return ownPartMs(stall) > 16.0; }));
    }
    double machinePauseMs() const { return m_machine.longestPauseMs(m_started, m_stopped); }
    double seconds() const { return m_stopped - m_started; }
    qint64 ticks() const { return m_ticks; }

  private:
    void tick() {
        const double now = MachineWatch::now();
        const double ms = (now - m_last) * 1e3;
        m_longest = std::max(m_longest, ms);
        if (ms > MachineWatch::kGapMs)
            m_long.push_back({m_last, now});
        else
            m_longestShort = std::max(m_longestShort, ms);
        if (qEnvironmentVariableIsSet("BENCH_STALL_LOG") && ms > 8)
            QTextStream(stderr) << "  stall of " << ms << " ms at " << (m_last - m_started) * 1e3
                                << " ms (monotonic " << QString::number(m_last, 'f', 6)
                                << " s) on CPU " << m_lastCpu << " → " << sched_getcpu() << "\n";
        m_last = now;
        m_lastCpu = sched_getcpu();
        ++m_ticks;
    }
    void scroll() {
        const int rows = m_view->caseModel()->rowCount();
        if (rows > 0)
            m_view->scrollToRow(int(m_random.bounded(rows)));
    }

    CaseListView *m_view;
    const MachineWatch &m_machine;
    QTimer m_tick, m_scroll;
    double m_started = 0, m_stopped = 0, m_last = 0;
    double ownPartMs(const MachineWatch::Span &stall) const { return m_machine.ownPartMs(stall); }
    std::vector<MachineWatch::Span> m_long;  // stalls long enough to hold a machine's pause
    int m_lastCpu = -1;                      // for the log: the CPU of the tick before
    qint64 m_ticks = 0;
    double m_longest = 0, m_longestShort = 0;
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
        StallWatch watch(m_window.caseTable(), m_machine);
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
        // The reference: the same window, the list jumping, nothing else running. What the
        // machine itself adds (a late timer, another program) shows here as well.
        measure(watch, QStringLiteral("nothing else (the machine's own floor, 20 s)"), [] {
            QElapsedTimer idle;
            idle.start();
            waitUntil([&idle] { return idle.elapsed() >= 20'000; });
        });
        measure(watch,
                QStringLiteral(
                    "search: the first letter of the selected case typed, then cleared, 12 times"),
                [this] { searchByLetters(); });
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
                 "50 ms) | took | longest event-loop stall | the same, the machine's pauses "
                 "taken out | stalls over 16 ms (the machine's taken out) | the machine's longest "
                 "pause meanwhile | target |\n|---|---:|---:|---:|---:|---:|---|\n";
        const auto ms = [](double value) -> QString {
            return QString::number(value, 'f', 1) + u" ms"_qs;
        };
        for (const auto &[what, seconds, longest, own, over, pause] : m_rows)
            out() << "| " << what << " | " << QString::number(seconds, 'f', 1) << " s | "
                  << ms(longest) << " | " << ms(own) << " | " << over << " | " << ms(pause)
                  << " | ≤ 16 ms |\n";
        out() << "\nThe machine's pauses: a thread of the benchmark "
              << (m_machine.realTime() ? "at real-time priority" : "(real-time priority refused)")
              << " per CPU, pinned to it, sleeps 1 ms at a time; a gap over "
              << MachineWatch::kGapMs
              << " ms is a time that CPU did not run; the pauses of every CPU are taken out (the "
                 "window waits "
                 "on the other core's work too).\n";
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

    // A person on a case deep in the list types the first letter of its name in the search
    // box, waits for the rows, and clears it, twelve times: the search with the most matches
    // a name can have, the case kept selected in the new list (looked up among up to a million
    // rows before it) and again when the search is cleared. FilterBar's pause before searching
    // is included.
    void searchByLetters() {
        auto *search = m_window.findChild<QLineEdit *>(u"searchEdit"_qs);
        CaseTableModel *model = m_window.caseModel();
        QRandomGenerator random(12);
        for (int round = 0; round < 12; ++round) {
            const int row = model->rowCount() / 3 + int(random.bounded(model->rowCount() * 2 / 3));
            m_window.caseTable()->selectRow(row);
            const QString name =
                model->data(model->index(row, CaseTableModel::NameColumn)).toString();
            for (const QString &text : {name.left(1).toLower(), QString()}) {
                search->setText(text);
                waitUntil(
                    [&] { return model->filter().search == text && !model->isReadingFirstPage(); });
                QElapsedTimer shown;  // the rows drawn, the case selected, its details read
                shown.start();
                waitUntil([&] { return shown.elapsed() >= 150; });
            }
        }
    }

    // BENCH_ONLY=floor,export (any of open, dashboard, floor, export, import, search) measures
    // those parts alone, after the opening, for profiling.
    void measure(StallWatch &watch, const QString &what, const std::function<void()> &work) {
        const QStringList only = qEnvironmentVariable("BENCH_ONLY").split(u',', Qt::SkipEmptyParts);
        const auto named = [&what](const QString &part) { return what.contains(part); };
        if (!only.isEmpty() && !std::any_of(only.begin(), only.end(), named) &&
            !what.contains(u"open"))
            return;
        watch.start();
        work();
        watch.stop();
        m_rows.append({what, watch.seconds(), watch.longestMs(), watch.longestOwnMs(),
                       watch.ownOverFrame(), watch.machinePauseMs()});
        QTextStream(stderr) << what << ": " << watch.longestMs() << " ms (without the machine's "
                            << "pauses " << watch.longestOwnMs() << " ms) over " << watch.ticks()
                            << " ticks\n";
    }

    struct Result {
        QString what;
        double seconds;
        double longestMs;
        double ownMs;           // the machine's pauses taken out
        int ownOverFrame;       // stalls over 16 ms, the machine's pauses taken out
        double machinePauseMs;  // the machine's longest pause meanwhile
    };
    MachineWatch m_machine;
    QString m_docket, m_csv;
    MainWindow m_window;
    QList<Result> m_rows;
    bool m_exported = false;
    qint64 m_importRows = 0;
    std::pair<double, double> m_repaint;  // median, p95
};
}  // namespace

// The calling thread's CPU time, context switches and page faults so far.
struct ThreadUsage {
    double cpuMs = 0;
    long waits = 0;      // voluntary switches: the thread blocked (a lock, the disk)
    long preempted = 0;  // involuntary: the kernel ran something else
    long majorFaults = 0;
    long minorFaults = 0;
    static ThreadUsage now() {
        ThreadUsage usage;
        timespec cpu{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
        usage.cpuMs = double(cpu.tv_sec) * 1e3 + double(cpu.tv_nsec) / 1e6;
        rusage r{};
        getrusage(RUSAGE_THREAD, &r);
        usage.waits = r.ru_nvcsw;
        usage.preempted = r.ru_nivcsw;
        usage.majorFaults = r.ru_majflt;
        usage.minorFaults = r.ru_minflt;
        return usage;
    }
};

// BENCH_SLOW_EVENTS=1 names each event that kept the loop 2 ms or more, and what got it:
// where a stall comes from.
class TimedApplication : public QApplication {
  public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override {
        if (!m_log)
            return QApplication::notify(receiver, event);
        const QEvent::Type type = event->type();
        const ThreadUsage before = ThreadUsage::now();
        QElapsedTimer t;
        t.start();
        const bool result = QApplication::notify(receiver, event);
        if (const double ms = double(t.nsecsElapsed()) / 1e6; ms >= 2.0) {
            // Time on the CPU and the switches tell work from waiting: a paint that took
            // 17 ms with 3 ms on the CPU and an involuntary switch was put off, not slow.
            const ThreadUsage after = ThreadUsage::now();
            QTextStream(stderr) << "  event " << int(type) << " to "
                                << receiver->metaObject()->className() << " '"
                                << receiver->objectName() << "': " << ms << " ms (on the CPU "
                                << after.cpuMs - before.cpuMs << " ms, switches: waited "
                                << after.waits - before.waits << ", put off "
                                << after.preempted - before.preempted << ", page faults "
                                << after.majorFaults - before.majorFaults << " major "
                                << after.minorFaults - before.minorFaults << " minor)\n";
        }
        return result;
    }

  private:
    bool m_log = qEnvironmentVariableIsSet("BENCH_SLOW_EVENTS");
};

int main(int argc, char **argv) {
    HeapSettings::apply();  // as the program's own main does
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
