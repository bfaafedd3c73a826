#include "CaseHistoryView.h"

#include "ToolTip.h"

#include "audit/AuditLog.h"
#include "audit/AuditText.h"
#include "domain/LocalTime.h"
#include "store/CaseStore.h"

namespace {
constexpr int kMostShown = 500;
}

CaseHistoryView::CaseHistoryView(QWidget *parent) : QListWidget(parent) {
    setObjectName(QStringLiteral("historyView"));
    setAccessibleName(tr("Case history"));
    setWhatsThis(
        tr("Every change to this case and its reviews, newest first, from the audit "
           "log. A draft saved at several steps of the review is one line."));
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
    for (const AuditText::HistoryLine &line : AuditText::history(entries)) {
        const AuditEntry &e = line.entries.first();  // the newest of a run of draft saves
        auto *item = new QListWidgetItem(line.text + QStringLiteral("\n") + LocalTime::text(e.at) +
                                             QStringLiteral(" · ") + e.actor,
                                         this);
        QStringList details;
        for (const AuditEntry &each : line.entries)
            details << LocalTime::text(each.at) + QStringLiteral(": ") +
                           QString::fromUtf8(each.details);
        item->setToolTip(ToolTip::wrapped(details.join(u'\n')));
    }
}
