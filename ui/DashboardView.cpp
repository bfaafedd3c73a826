#include "DashboardView.h"

#include "domain/Clock.h"
#include "domain/Codes.h"
#include "store/WorkerPool.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChartView>
#include <QCursor>
#include <QFontMetrics>
#include <QGraphicsLayout>
#include <QGridLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegendMarker>
#include <QLocale>
#include <QPieSeries>
#include <QTimer>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>

namespace {
constexpr int kCourtsShown = 12;  // 50-odd courts do not fit as bars; the rest are in the list

QChart *newChart(const QString &title) {
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);  // numbers, not a show
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0);  // the grid's spacing is gap enough
    chart->setBackgroundRoundness(0);
    // Counts on bars read as the status bar writes them ("1,498,012" in English), not as
    // Qt Charts' default six significant digits ("1.49801e+06" on a national docket).
    chart->setLocalizeNumbers(true);
    chart->setLocale(QLocale());
    return chart;
}

// A count axis from zero whose ticks are whole numbers, each label different: steps of 1,
// 2 or 5 times a power of ten, at most `mostSteps` of them (fewer in a narrow chart, and
// for labels of five digits, so that they stay apart). Small counts get every number from
// 0 to the largest (0 and 1 for one signed disposition), never 0.2 shown as "0".
// 0, 500, 20k, 1.5M: a count as a tick label. Six or more digits side by side ran into each
// other in the narrow status chart ("0 100000200000300000" at 300,000 cases). Thousands
// are written in k on an axis that reaches 10k ("8k 10k", not "8000 10k").
QString shortCount(qint64 value, qint64 axisEnd) {
    if (value >= 1'000'000)
        return QString::number(double(value) / 1e6, 'g', 4) + u'M';
    if (value >= 10'000 || (axisEnd >= 10'000 && value >= 1'000))
        return QString::number(double(value) / 1e3, 'g', 4) + u'k';
    return QString::number(value);
}

QValueAxis *countAxis(const QList<qint64> &values, qint64 mostSteps) {
    const qint64 largest =
        qMax<qint64>(1, values.isEmpty() ? 0 : *std::max_element(values.begin(), values.end()));
    if (largest >= 10000)
        mostSteps = qMin<qint64>(mostSteps, 3);
    qint64 step = 1;
    for (qint64 power = 1; step * mostSteps < largest; power *= 10)
        for (const qint64 multiple : {1, 2, 5})
            if (step * mostSteps < largest)
                step = multiple * power;
    const qint64 steps = (largest + step - 1) / step;
    // A category axis only for its labels: one "category" ending at each tick.
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setStartValue(0);
    for (qint64 i = 0; i <= steps; ++i)
        axis->append(shortCount(i * step, steps * step), qreal(i * step));
    axis->setRange(0, qreal(steps * step));
    axis->setMinorTickCount(0);
    return axis;
}

// A category label as Qt Charts draws it (rich text): escaped, and kept unique, since an
// axis drops a category it already has.
QStringList categoryLabels(const QStringList &names) {
    QStringList out;
    for (const QString &name : names) {
        QString label = name.toHtmlEscaped();
        for (int n = 2; out.contains(label); ++n)
            label = QStringLiteral("%1 (%2)").arg(name.toHtmlEscaped()).arg(n);
        out << label;
    }
    return out;
}

// One horizontal bar per category, top to bottom in the order given. The series' bar
// indexes run bottom-up, the reverse of `labels`. A narrow chart gets fewer count ticks.
QHorizontalBarSeries *barsFor(QChart *chart, const QStringList &labels, const QList<qint64> &values,
                              bool narrow) {
    auto *set = new QBarSet(QString());
    set->setColor(QColor(0x7a, 0xa6, 0xd6));  // light enough for black counts (8:1) on it
    set->setBorderColor(QColor(0x35, 0x6a, 0x9f));
    set->setLabelColor(Qt::black);
    auto *series = new QHorizontalBarSeries;
    const QStringList unique = categoryLabels(labels);
    QStringList reversed;  // a horizontal bar axis runs bottom-up
    for (qsizetype i = labels.size() - 1; i >= 0; --i) {
        *set << qreal(values[i]);
        reversed << unique[i];
    }
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPrecision(15);  // every digit of a count: no exponent
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideBase);
    // A bar as thick as a line of text or two, not half the chart when there is one.
    const auto thickness = [series, count = qMax<qsizetype>(1, labels.size())](const QRectF &plot) {
        series->setBarWidth(qBound(0.1, 36.0 * qreal(count) / qMax(1.0, plot.height()), 0.6));
    };
    QObject::connect(chart, &QChart::plotAreaChanged, series, thickness);
    chart->addSeries(series);
    auto *axis = new QBarCategoryAxis;
    axis->append(reversed);
    chart->addAxis(axis, Qt::AlignLeft);
    series->attachAxis(axis);
    QValueAxis *counts = countAxis(values, narrow ? 3 : 5);
    chart->addAxis(counts, Qt::AlignBottom);
    series->attachAxis(counts);
    // The last count's label is centred on the plot's right edge; the chart does not keep
    // room for it ("150k" was cut to "150").
    if (auto *labelled = qobject_cast<QCategoryAxis *>(counts)) {
        const int half = QFontMetrics(labelled->labelsFont())
                             .horizontalAdvance(labelled->categoriesLabels().constLast()) /
                         2;
        chart->setMargins(chart->margins() + QMargins(0, 0, half, 0));
    }
    return series;
}
}  // namespace

DashboardView::DashboardView(QWidget *parent)
    : QWidget(parent),
      m_headline(new QLabel(this)),
      m_watcher(new QFutureWatcher<DocketSummary>(this)) {
    setObjectName(QStringLiteral("dashboard"));
    auto *grid = new QGridLayout(this);
    m_headline->setObjectName(QStringLiteral("dashboardHeadline"));
    m_headline->setText(tr("Counting…"));
    // Three columns: the short charts on the left, the wide ones (twelve weeks, the long
    // disposition names, which need 40% of a chart's width) in the middle, and the twelve
    // courts on the right, both rows high so that every name has the height of a line.
    grid->addWidget(m_headline, 0, 0, 1, 3);
    m_status = addChart(QStringLiteral("statusChart"), tr("Cases by review status"), {1, 0, 1, 1});
    m_representation =
        addChart(QStringLiteral("representationChart"), tr("Representation"), {2, 0, 1, 1});
    m_weeks = addChart(QStringLiteral("weeksChart"),
                       tr("Hearings per week (from Monday), next 12 weeks"), {1, 1, 1, 1});
    m_dispositions = addChart(QStringLiteral("dispositionChart"), tr("Signed dispositions by type"),
                              {2, 1, 1, 1});
    m_courts =
        addChart(QStringLiteral("courtChart"), tr("Cases by court (largest 12)"), {1, 2, 2, 1});
    for (const auto &[column, stretch] : {std::pair{0, 1}, {1, 3}, {2, 1}})
        grid->setColumnStretch(column, stretch);
    grid->setRowStretch(1, 1);
    grid->setRowStretch(2, 1);
    connect(m_watcher, &QFutureWatcher<DocketSummary>::finished, this,
            &DashboardView::readFinished);
}

QChartView *DashboardView::addChart(const QString &objectName, const QString &title, Cells cells) {
    auto *view = new QChartView(newChart(title), this);
    view->setObjectName(objectName);
    view->setAccessibleName(title);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(200, 200);
    auto *grid = static_cast<QGridLayout *>(layout());
    grid->addWidget(view, cells.row, cells.column, cells.rows, cells.columns);
    return view;
}

void DashboardView::setNames(const QHash<QString, QString> &courts,
                             const QHash<QString, QString> &dispositions) {
    m_courtNames = courts;
    m_dispositionNames = dispositions;
}

void DashboardView::refresh(const QString &docketPath) {
    m_loaded = false;
    m_chartsToShow.clear();
    ++m_generation;
    m_headline->setText(tr("Counting…"));
    if (m_watcher->isRunning()) {
        // Never wait on the GUI thread: read again once the running read is done.
        m_pendingPath = docketPath;
        return;
    }
    m_watcher->setFuture(WorkerPool::run(DocketSummary::readFile, docketPath, Clock::today()));
}

void DashboardView::readFinished() {
    if (!m_pendingPath.isEmpty()) {  // the docket changed while it was read: that is stale
        refresh(std::exchange(m_pendingPath, QString()));
        return;
    }
    showSummary(m_watcher->result());
}

void DashboardView::showSummary(const DocketSummary &summary) {
    m_summary = summary;
    if (!summary.ok) {
        m_headline->setText(tr("The docket could not be read for the dashboard."));
        return;
    }
    const QLocale locale;
    const double share =
        summary.total ? 100.0 * double(summary.unrepresented) / double(summary.total) : 0;
    m_headline->setText(tr("%1 cases; %2 without a lawyer (%3%). Click a bar or a slice to "
                           "list its cases.")
                            .arg(locale.toString(summary.total),
                                 locale.toString(summary.unrepresented),
                                 locale.toString(share, 'f', 1)));
    // One chart a turn of the event loop, each drawn before the next is built: the five
    // built and drawn at once held the window 15-19 ms on a 1.5M docket (bench_stalls).
    m_chartsToShow = {&DashboardView::showStatus, &DashboardView::showCourts,
                      &DashboardView::showWeeks, &DashboardView::showDispositions,
                      &DashboardView::showRepresentation};
    showNextChart(m_generation);
}

void DashboardView::showNextChart(int generation) {
    if (generation != m_generation)
        return;
    if (m_chartsToShow.isEmpty()) {
        m_loaded = true;
        Q_EMIT loaded();
        return;
    }
    (this->*m_chartsToShow.takeFirst())();
    QTimer::singleShot(0, this, [this, generation] { showNextChart(generation); });
}

namespace {
void clear(QChartView *view) {
    QChart *chart = view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;  // removeAxis hands it back to us
    }
}

QList<qint64> casesOf(const QList<DocketSummary::Count> &counts) {
    QList<qint64> out;
    for (const DocketSummary::Count &c : counts)
        out << c.cases;
    return out;
}
}  // namespace

void DashboardView::showStatus() {
    clear(m_status);
    QStringList labels;
    for (const DocketSummary::Count &c : m_summary.byStatus)
        labels << Codes::reviewStatuses().label(c.key);
    QHorizontalBarSeries *series =
        barsFor(m_status->chart(), labels, casesOf(m_summary.byStatus), true);
    connect(series, &QAbstractBarSeries::clicked, this, [this](int index, QBarSet *) {
        CaseFilter f;
        f.reviewStatus = m_summary.byStatus.value(m_summary.byStatus.size() - 1 - index).key;
        Q_EMIT filterRequested(f);
    });
}

void DashboardView::showCourts() {
    clear(m_courts);
    const QList<DocketSummary::Count> top = m_summary.byCourt.mid(0, kCourtsShown);
    QStringList labels;
    for (const DocketSummary::Count &c : top)
        labels << m_courtNames.value(c.key, c.key);
    QHorizontalBarSeries *series = barsFor(m_courts->chart(), labels, casesOf(top), true);
    // The list shows court codes: hovering a bar gives the code with the name.
    connect(series, &QAbstractBarSeries::hovered, this,
            [this, top](bool entered, int index, QBarSet *) {
                const DocketSummary::Count court = top.value(top.size() - 1 - index);
                if (!entered || court.key.isEmpty()) {
                    QToolTip::hideText();
                    return;
                }
                QToolTip::showText(QCursor::pos(),
                                   tr("%1 (%2): %Ln case(s)", nullptr, int(court.cases))
                                       .arg(m_courtNames.value(court.key, court.key), court.key),
                                   m_courts);
            });
    connect(series, &QAbstractBarSeries::clicked, this, [this, top](int index, QBarSet *) {
        CaseFilter f;
        f.court = top.value(top.size() - 1 - index).key;
        Q_EMIT filterRequested(f);
    });
}

void DashboardView::showWeeks() {
    clear(m_weeks);
    auto *set = new QBarSet(tr("Hearings"));
    set->setColor(QColor(0x4e, 0x8a, 0x3e));
    QStringList labels;
    QList<qint64> counts;
    for (const DocketSummary::Week &w : m_summary.upcomingWeeks) {
        *set << qreal(w.hearings);
        counts << w.hearings;
        labels << w.from.toString(QStringLiteral("M/d"));  // the Monday; short enough to fit
    }
    auto *series = new QBarSeries;
    series->append(set);
    QChart *chart = m_weeks->chart();
    chart->addSeries(series);
    auto *axis = new QBarCategoryAxis;
    axis->append(labels);
    QFont small = axis->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    axis->setLabelsFont(small);
    chart->addAxis(axis, Qt::AlignBottom);
    series->attachAxis(axis);
    QValueAxis *values = countAxis(counts, 5);
    chart->addAxis(values, Qt::AlignLeft);
    series->attachAxis(values);
    connect(series, &QAbstractBarSeries::clicked, this, [this](int index, QBarSet *) {
        const DocketSummary::Week week = m_summary.upcomingWeeks.value(index);
        CaseFilter f;
        f.hearingFrom = week.from;
        f.hearingTo = week.until;
        Q_EMIT filterRequested(f);
    });
}

void DashboardView::showDispositions() {
    clear(m_dispositions);
    if (m_summary.signedByDisposition.isEmpty()) {
        m_dispositions->chart()->setTitle(tr("Signed dispositions by type: none signed yet"));
        return;
    }
    m_dispositions->chart()->setTitle(tr("Signed dispositions by type"));
    QStringList labels;
    for (const DocketSummary::Count &c : m_summary.signedByDisposition)
        labels << m_dispositionNames.value(c.key, c.key);
    QHorizontalBarSeries *series =
        barsFor(m_dispositions->chart(), labels, casesOf(m_summary.signedByDisposition), false);
    connect(series, &QAbstractBarSeries::clicked, this, [this](int index, QBarSet *) {
        const QList<DocketSummary::Count> &d = m_summary.signedByDisposition;
        CaseFilter f;
        f.disposition = d.value(d.size() - 1 - index).key;
        Q_EMIT filterRequested(f);
    });
}

void DashboardView::showRepresentation() {
    clear(m_representation);
    auto *series = new QPieSeries;
    const qint64 represented = m_summary.total - m_summary.unrepresented;
    const auto percent = [this](qint64 n) {
        return m_summary.total ? 100.0 * double(n) / double(m_summary.total) : 0.0;
    };
    const QLocale locale;
    QPieSlice *without =
        series->append(tr("Unrepresented: %1").arg(locale.toString(m_summary.unrepresented)),
                       qreal(m_summary.unrepresented));
    QPieSlice *with =
        series->append(tr("Represented: %1").arg(locale.toString(represented)), qreal(represented));
    without->setColor(QColor(0xc0, 0x5a, 0x1e));
    with->setColor(QColor(0x35, 0x6a, 0x9f));
    series->setPieSize(0.75);
    QChart *chart = m_representation->chart();
    chart->addSeries(series);  // the legend takes the slice labels from here
    // Inside each slice only its share, in white; names and counts are in the legend.
    for (QPieSlice *slice : {without, with}) {
        slice->setLabel(locale.toString(percent(qint64(slice->value())), 'f', 1) + u'%');
        slice->setLabelVisible(slice->value() > 0);
        slice->setLabelPosition(QPieSlice::LabelInsideHorizontal);
        slice->setLabelColor(Qt::white);
    }
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    // Each entry in two lines (legend labels are rich text): side by side they fit a
    // narrow chart, where "Unrepresented: 8,999" on one line was cut short.
    const QList<QLegendMarker *> markers = chart->legend()->markers(series);
    markers.value(0)->setLabel(
        tr("Unrepresented<br>%1").arg(locale.toString(m_summary.unrepresented)));
    markers.value(1)->setLabel(tr("Represented<br>%1").arg(locale.toString(represented)));
    for (QPieSlice *slice : {without, with}) {
        const bool hasLawyer = slice == with;
        connect(slice, &QPieSlice::clicked, this, [this, hasLawyer] {
            CaseFilter f;
            f.represented = hasLawyer;
            Q_EMIT filterRequested(f);
        });
    }
}
