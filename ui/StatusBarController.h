#pragma once

#include <QFutureWatcher>
#include <QObject>

class CaseStore;
class CaseTableModel;
class QLabel;
class QStatusBar;
class CaseListView;

// What the status bar and the empty list say about the docket: how many cases the list
// shows, the hearings soon without a signed review, the policy a review made today
// applies, and "No cases match" over an empty list (a single match is selected at once).
class StatusBarController : public QObject {
    Q_OBJECT
  public:
    StatusBarController(QStatusBar *bar, CaseListView *table, CaseTableModel *model,
                        QObject *parent);
    void setStore(CaseStore *store);  // nullptr: no docket open
    void updateCounts(qint64 matching, bool exact);
    // Counts again off the GUI thread (a filter by name makes it a search of its own); the
    // label changes when the count arrives.
    void updateHearingsSoon();
    bool isCountingHearings() const;  // for tests

  private:
    void updatePolicyToday();
    void showHearingsSoon();
    void showReadError(qint64 matching);
    void showOverList(const QString &text, bool shown);

    CaseListView *m_table;
    CaseTableModel *m_model;
    CaseStore *m_store = nullptr;
    QLabel *m_counts;
    QLabel *m_hearingsSoon;
    QLabel *m_policyToday;
    QLabel *m_noMatches;
    QFutureWatcher<qint64> *m_hearings;
    bool m_hearingsStale = false;  // the filter or docket changed while a count ran
};
