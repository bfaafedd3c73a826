#include "StatusBarController.h"

#include "CaseListView.h"

#include "HelpDialogs.h"
#include "ToolTip.h"
#include "domain/Clock.h"
#include "models/CaseTableModel.h"
#include "store/CaseStore.h"
#include "store/ReviewQueue.h"
#include "store/WorkerPool.h"

#include <QFontMetrics>
#include <QLabel>
#include <QLocale>
#include <QStatusBar>
#include <utility>

StatusBarController::StatusBarController(QStatusBar *bar, CaseListView *table,
                                         CaseTableModel *model, QObject *parent)
    : QObject(parent),
      m_table(table),
      m_model(model),
      m_counts(new QLabel(bar)),
      m_hearingsSoon(new QLabel(bar)),
      m_policyToday(new QLabel(bar)),
      m_noMatches(new QLabel(tr("No cases match the filters."), table->viewport())),
      m_hearings(new QFutureWatcher<qint64>(this)) {
    m_hearingsSoon->setObjectName(QStringLiteral("hearingsSoon"));
    m_policyToday->setObjectName(QStringLiteral("policyToday"));
    m_counts->setObjectName(QStringLiteral("caseCounts"));
    bar->addPermanentWidget(m_hearingsSoon);
    bar->addPermanentWidget(m_policyToday);
    bar->addPermanentWidget(m_counts);
    m_noMatches->setObjectName(QStringLiteral("noMatches"));
    m_noMatches->setStyleSheet(QStringLiteral("color:#666; padding:24px;"));
    m_noMatches->hide();
    connect(m_model, &CaseTableModel::countChanged, this, &StatusBarController::updateCounts);
    connect(m_model, &QAbstractItemModel::modelReset, this,
            &StatusBarController::updateHearingsSoon);
    connect(m_hearings, &QFutureWatcher<qint64>::finished, this,
            &StatusBarController::showHearingsSoon);
}

void StatusBarController::setStore(CaseStore *store) {
    m_store = store;
    m_hearingsSoon->clear();  // the docket closed had its own: not shown beside this one's
    updatePolicyToday();
    updateHearingsSoon();
    // A list shorter than one page is counted exactly before the store is set here, and
    // no later count follows: counted now, or a docket of 255 cases read "0 cases".
    if (m_store)
        updateCounts(m_model->rowCount(), m_model->isCountExact());
}

void StatusBarController::updateCounts(qint64 matching, bool exact) {
    if (!m_model->readError().isEmpty()) {
        showReadError(matching);
        return;
    }
    // An empty list says why (or that its first rows are still being read); a single match is
    // selected, so its details show at once.
    const bool reading = m_model->isReadingFirstPage();
    showOverList(reading ? tr("Searching…") : tr("No cases match the filters."),
                 matching == 0 && (exact || reading));
    m_counts->setToolTip({});
    if (matching == 1 && exact && m_table->currentRow() < 0)
        m_table->selectRow(0);
    const qint64 total = m_store ? m_store->caseCount() : 0;
    const QString count = reading ? tr("searching…")
                          : exact ? QLocale().toString(matching)
                                  : tr("at least %1").arg(QLocale().toString(matching));
    // Without a filter every case matches: the docket's total is known before the count.
    m_counts->setText(m_model->filter().isEmpty()
                          ? tr("%Ln case(s)", nullptr, int(total))
                          : tr("Matching: %1 of %Ln case(s)", nullptr, int(total)).arg(count));
}

// Over the empty list, wrapped to its width.
void StatusBarController::showOverList(const QString &text, bool shown) {
    m_noMatches->setText(text);
    m_noMatches->setWordWrap(true);
    m_noMatches->setFixedWidth(qMax(200, m_table->viewport()->width()));
    m_noMatches->adjustSize();
    m_noMatches->setVisible(shown);
}

// Rows that could not be read are never shown as "no cases match": the person searched for
// may be in the docket (a name index removed by hand read as an empty search).
void StatusBarController::showReadError(qint64 matching) {
    const QString why = tr("The cases could not be read (%1). The docket may have been changed "
                           "outside Discretion: File › Verify Audit Log lists what is wrong.")
                            .arg(m_model->readError());
    showOverList(why, matching == 0);
    m_counts->setText(tr("Cases could not be read"));
    m_counts->setToolTip(why);
}

void StatusBarController::updateHearingsSoon() {
    if (!m_store) {
        m_hearingsSoon->clear();
        return;
    }
    // The number shown belongs to the list before: greyed until the new one comes (a new user
    // read 3,766 for 1.5 s beside a list that had 1,176).
    m_hearingsSoon->setEnabled(false);
    m_hearingsSoon->setToolTip(tr("Counting again for the list shown now…"));
    if (m_hearings->isRunning()) {  // never wait on the GUI thread: count again after
        m_hearingsStale = true;
        return;
    }
    const QDate today = Clock::today();
    m_hearings->setFuture(WorkerPool::run(ReviewQueue::hearingsWithoutDecisionInFile,
                                          m_store->path(), m_model->filter(), today,
                                          today.addDays(ReviewQueue::kSoonDays)));
}

bool StatusBarController::isCountingHearings() const {
    return m_hearings->isRunning() || m_hearingsStale;
}

void StatusBarController::showHearingsSoon() {
    if (std::exchange(m_hearingsStale, false) || !m_store) {
        updateHearingsSoon();
        return;
    }
    const qint64 soon = m_hearings->result();
    const QString text =
        tr("%Ln hearing(s) within %1 days without a signed review", nullptr, int(soon))
            .arg(ReviewQueue::kSoonDays);
    // A new user read 553 beside a one-letter search as the docket's number (2,505).
    m_hearingsSoon->setText(soon <= 0                     ? QString()
                            : m_model->filter().isEmpty() ? text
                                                          : tr("%1, in this list").arg(text));
    m_hearingsSoon->setEnabled(true);
    m_hearingsSoon->setToolTip(tr("Highlighted in the list. Next Case (F8) takes them in order."));
}

void StatusBarController::updatePolicyToday() {
    // Which policy a review made today will apply, always in sight (the full title on hover).
    if (!m_store) {
        m_policyToday->clear();
        return;
    }
    const QString inForce = HelpText::policyInForce(m_store, Clock::today());
    m_policyToday->setText(
        tr("Policy today: %1")
            .arg(QFontMetrics(m_policyToday->font()).elidedText(inForce, Qt::ElideRight, 220)));
    m_policyToday->setToolTip(ToolTip::wrapped(inForce));
}
