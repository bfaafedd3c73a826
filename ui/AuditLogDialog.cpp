#include "AuditLogDialog.h"

#include "audit/AuditLog.h"
#include "domain/ANumber.h"
#include "domain/Clock.h"
#include "models/AuditTableModel.h"
#include "store/CaseStore.h"
#include "store/WorkerPool.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

AuditLogDialog::AuditLogDialog(CaseStore &store, QWidget *parent)
    : QDialog(parent),
      m_store(store),
      m_model(new AuditTableModel(store, this)),
      m_table(new QTableView(this)),
      m_verdict(new QLabel(this)) {
    setObjectName(QStringLiteral("auditLogDialog"));
    setWindowTitle(tr("Audit Log"));
    QWidget *filters = makeFilterRow();
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setAccessibleName(tr("Audit log entries"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (const auto &[column, width] : {std::pair{0, 60}, {1, 190}, {2, 140}, {3, 130}})
        m_table->setColumnWidth(column, width);
    m_verdict->setObjectName(QStringLiteral("auditVerdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setText(
        tr("The log holds %Ln entry(ies). Each entry's hash covers the one before it, so a "
           "change made outside Discretion shows up here.",
           nullptr, int(AuditLog(store.handle()).count())));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *verify = buttons->addButton(tr("&Verify Chain"), QDialogButtonBox::ActionRole);
    verify->setObjectName(QStringLiteral("verifyChainButton"));
    verify->setAutoDefault(false);  // Enter in the A-number box filters; it does not verify
    connect(verify, &QPushButton::clicked, this, &AuditLogDialog::verifyChain);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(filters);
    layout->addWidget(m_filterNote);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_verdict);
    layout->addWidget(buttons);
    resize(960, 560);

    // Which actions the log holds takes one pass over it: read beside the window, through
    // a connection of its own, so that the dialog opens at once on any docket.
    auto *actions = new QFutureWatcher<QStringList>(this);
    connect(actions, &QFutureWatcher<QStringList>::finished, this,
            [this, actions] { fillActions(actions->result()); });
    actions->setFuture(WorkerPool::run(&AuditLog::actionsInFile, store.path()));
}

QWidget *AuditLogDialog::makeFilterRow() {
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_case = new QLineEdit(row);
    m_case->setObjectName(QStringLiteral("auditCaseFilter"));
    m_case->setAccessibleName(tr("Case A-number"));
    m_case->setPlaceholderText(tr("A-number, e.g. A012-345-678"));
    m_case->setClearButtonEnabled(true);
    m_case->setMinimumWidth(200);
    auto *caseLabel = new QLabel(tr("&Case:"), row);
    caseLabel->setBuddy(m_case);
    m_action = new QComboBox(row);
    m_action->setObjectName(QStringLiteral("auditActionFilter"));
    m_action->setAccessibleName(tr("Action"));
    m_action->addItem(tr("All actions"), QString());
    m_action->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *actionLabel = new QLabel(tr("&Action:"), row);
    actionLabel->setBuddy(m_action);
    m_dateRange = new QCheckBox(tr("&Written from"), row);
    m_dateRange->setObjectName(QStringLiteral("auditDateRange"));
    m_from = new QDateEdit(Clock::today().addDays(-30), row);
    m_to = new QDateEdit(Clock::today(), row);
    m_from->setObjectName(QStringLiteral("auditFromDate"));
    m_to->setObjectName(QStringLiteral("auditToDate"));
    m_from->setAccessibleName(tr("Written from (local date)"));
    m_to->setAccessibleName(tr("Written to (local date, inclusive)"));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setEnabled(false);
        connect(edit, &QDateEdit::dateChanged, this, &AuditLogDialog::applyFilter);
    }
    connect(m_dateRange, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        applyFilter();
    });
    connect(m_case, &QLineEdit::textChanged, this, &AuditLogDialog::applyFilter);
    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditLogDialog::applyFilter);
    layout->addWidget(caseLabel);
    layout->addWidget(m_case);
    layout->addSpacing(12);
    layout->addWidget(actionLabel);
    layout->addWidget(m_action);
    layout->addSpacing(12);
    layout->addWidget(m_dateRange);
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(tr("to"), row));
    layout->addWidget(m_to);
    layout->addStretch(1);
    m_filterNote = new QLabel(this);
    m_filterNote->setObjectName(QStringLiteral("auditFilterNote"));
    m_filterNote->setWordWrap(true);
    m_filterNote->hide();
    return row;
}

void AuditLogDialog::fillActions(const QStringList &actions) {
    const QString chosen = m_action->currentData().toString();
    const QSignalBlocker blocker(m_action);
    m_action->clear();
    m_action->addItem(tr("All actions"), QString());
    for (const QString &action : actions)
        m_action->addItem(action, action);
    m_action->setCurrentIndex(qMax(0, m_action->findData(chosen)));
}

void AuditLogDialog::applyFilter() {
    AuditFilter filter;
    QString note;
    const QString typed = m_case->text().trimmed();
    if (!typed.isEmpty()) {
        const ANumber number = ANumber::parse(typed);
        if (number.isValid())
            filter.caseDigits = number.digits();
        else
            note = tr("“%1” is not a whole A-number yet (e.g. A012-345-678), so entries about "
                      "every case are shown.")
                       .arg(typed);
    }
    filter.action = m_action->currentData().toString();
    if (m_dateRange->isChecked()) {  // whole local days, the "to" day included
        filter.from = QDateTime(m_from->date(), QTime(0, 0));
        filter.until = QDateTime(m_to->date().addDays(1), QTime(0, 0));
    }
    m_model->setFilter(filter);
    if (m_dateRange->isChecked() && m_from->date() > m_to->date())
        note = tr("The \"from\" day is after the \"to\" day: no entry can match.");
    else if (m_model->rowCount() == 0)
        note = filter.isEmpty() ? tr("The audit log has no entries.")
                                : tr("No entries match these filters.");
    m_filterNote->setText(note);
    m_filterNote->setVisible(!note.isEmpty());
}

bool AuditLogDialog::verifyChain() {
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const AuditVerification v = AuditLog(m_store.handle()).verify();
    QApplication::restoreOverrideCursor();
    m_verdict->setText(
        v.ok ? tr("The chain holds: %Ln entry(ies) as written.", nullptr, int(v.checked))
             : tr("BROKEN: %1. The %Ln entry(ies) before it hold.", nullptr, int(v.checked))
                   .arg(v.problem));
    m_verdict->setStyleSheet(v.ok ? QString() : QStringLiteral("color:#a40000; font-weight:bold"));
    return v.ok;
}
