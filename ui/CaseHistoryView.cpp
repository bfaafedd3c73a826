#include "CaseHistoryView.h"

#include "audit/AuditLog.h"
#include "audit/AuditText.h"
#include "store/CaseStore.h"

#include <QHeaderView>

namespace {
constexpr int kMostShown = 500;
}

CaseHistoryView::CaseHistoryView(QWidget *parent) : QTreeWidget(parent) {
    setObjectName(QStringLiteral("historyView"));
    setAccessibleName(tr("Case history"));
    setRootIsDecorated(false);
    setWordWrap(true);
    setHeaderLabels({tr("When (UTC)"), tr("Who"), tr("What")});
    header()->setStretchLastSection(true);
    setColumnWidth(0, 150);
    setColumnWidth(1, 90);
}

void CaseHistoryView::showCase(CaseStore *store, const QString &aNumberDigits) {
    clear();
    if (!store || aNumberDigits.isEmpty())
        return;
    const QList<AuditEntry> entries =
        AuditLog(store->handle()).entriesFor(QStringLiteral("case"), aNumberDigits, kMostShown);
    for (const AuditEntry &e : entries) {
        auto *item = new QTreeWidgetItem(
            this, {e.at.left(19).replace(u'T', u' '), e.actor, AuditText::describe(e)});
        item->setToolTip(2, AuditText::describe(e));
    }
}
