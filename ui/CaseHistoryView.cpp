#include "CaseHistoryView.h"

#include "audit/AuditLog.h"
#include "audit/AuditText.h"
#include "store/CaseStore.h"

namespace {
constexpr int kMostShown = 500;
}

CaseHistoryView::CaseHistoryView(QWidget *parent) : QListWidget(parent) {
    setObjectName(QStringLiteral("historyView"));
    setAccessibleName(tr("Case history"));
    setWordWrap(true);
    setAlternatingRowColors(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setTextElideMode(Qt::ElideNone);
    setResizeMode(QListView::Adjust);
}

void CaseHistoryView::showCase(CaseStore *store, const QString &aNumberDigits) {
    clear();
    if (!store || aNumberDigits.isEmpty())
        return;
    const QList<AuditEntry> entries =
        AuditLog(store->handle()).entriesFor(QStringLiteral("case"), aNumberDigits, kMostShown);
    for (const AuditEntry &e : entries) {
        const QString when = e.at.left(16).replace(u'T', u' ') + QStringLiteral(" UTC");
        auto *item = new QListWidgetItem(
            AuditText::describe(e) + QStringLiteral("\n") + when + QStringLiteral(" · ") + e.actor,
            this);
        item->setToolTip(QString::fromUtf8(e.details));
    }
}
