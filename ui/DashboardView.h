#pragma once

#include "store/CaseQuery.h"
#include "store/DocketSummary.h"

#include <QFutureWatcher>
#include <QHash>
#include <QWidget>

class QChartView;
class QLabel;

// How the docket stands, at a glance: cases by review status and by court, hearings per
// week for the next twelve weeks, signed dispositions by type and the share of people
// without a lawyer. Clicking a bar or a slice asks for the case list filtered to it.
// The numbers are read on a worker thread (DocketSummary), so the window never waits.
class DashboardView : public QWidget {
    Q_OBJECT
  public:
    explicit DashboardView(QWidget *parent = nullptr);

    // Names to show instead of codes: courts and policy dispositions.
    void setNames(const QHash<QString, QString> &courts,
                  const QHash<QString, QString> &dispositions);
    void refresh(const QString &docketPath);  // reads again in the background
    bool isLoaded() const { return m_loaded; }
    const DocketSummary &summary() const { return m_summary; }

  Q_SIGNALS:
    void filterRequested(const CaseFilter &filter);
    void loaded();

  private:
    void readFinished();
    void showSummary(const DocketSummary &summary);
    void showNextChart(int generation);
    struct Cells {  // where a chart sits in the grid
        int row, column, rows, columns;
    };
    QChartView *addChart(const QString &objectName, const QString &title, Cells cells);
    void showStatus();
    void showCourts();
    void showWeeks();
    void showDispositions();
    void showRepresentation();

    QHash<QString, QString> m_courtNames;
    QHash<QString, QString> m_dispositionNames;
    DocketSummary m_summary;
    bool m_loaded = false;
    QList<void (DashboardView::*)()> m_chartsToShow;  // one a turn of the event loop
    int m_generation = 0;  // a refresh ends the showing of an older summary
    QLabel *m_headline;
    QChartView *m_status;
    QChartView *m_courts;
    QChartView *m_weeks;
    QChartView *m_dispositions;
    QChartView *m_representation;
    QFutureWatcher<DocketSummary> *m_watcher;
    QString m_pendingPath;  // a refresh asked for while a read was running
};
