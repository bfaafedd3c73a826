#include "AuditLogDialog.h"

#include "audit/AuditLog.h"
#include "models/AuditTableModel.h"
#include "store/CaseStore.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
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
        tr("%n entry(ies). Each entry's hash covers the one before it, so a change "
           "made outside Discretion shows up here.",
           nullptr, int(AuditLog(store.handle()).count())));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *verify = buttons->addButton(tr("&Verify Chain"), QDialogButtonBox::ActionRole);
    verify->setObjectName(QStringLiteral("verifyChainButton"));
    connect(verify, &QPushButton::clicked, this, &AuditLogDialog::verifyChain);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_verdict);
    layout->addWidget(buttons);
    resize(960, 560);
}

bool AuditLogDialog::verifyChain() {
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const AuditVerification v = AuditLog(m_store.handle()).verify();
    QApplication::restoreOverrideCursor();
    m_verdict->setText(
        v.ok ? tr("The chain holds: all %1 entries are as they were written.").arg(v.checked)
             : tr("BROKEN: %1. The %2 entries before it hold.").arg(v.problem).arg(v.checked));
    m_verdict->setStyleSheet(v.ok ? QString() : QStringLiteral("color:#a40000; font-weight:bold"));
    return v.ok;
}
