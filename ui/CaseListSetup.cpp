#include "CaseListSetup.h"

#include "CaseCellDelegate.h"

#include "CaseListView.h"
#include "Settings.h"
#include "models/CaseTableModel.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QTableView>
#include <algorithm>

namespace CaseListSetup {
namespace {
// Room for the widest text the column shows and the cell's margins on both sides.
int hearingColumnWidth(const QFontMetrics &metrics) {
    constexpr int kCellMargins = 16;
    return metrics.horizontalAdvance(CaseTableModel::widestHearingText()) + kCellMargins;
}

void configureColumns(QTableView *table) {
    QHeaderView *header = table->horizontalHeader();
    header->setSectionsMovable(true);
    // Extra width goes to a column that holds long text, not to Review: by default Counsel
    // is shown last, and the last column takes what is left.
    header->setStretchLastSection(true);
    header->moveSection(header->visualIndex(CaseTableModel::StatusColumn),
                        header->visualIndex(CaseTableModel::CounselColumn));
    header->setSortIndicator(CaseTableModel::HearingColumn, Qt::AscendingOrder);
    table->setSortingEnabled(true);
    int widths[] = {100, 155, 100, 45, 150, 105, 150, 95};
    widths[CaseTableModel::HearingColumn] =
        std::max(widths[CaseTableModel::HearingColumn], hearingColumnWidth(table->fontMetrics()));
    for (int c = 0; c < CaseTableModel::ColumnCount; ++c)
        table->setColumnWidth(c, widths[c]);
    header->restoreState(Settings::caseTableHeader());
    // Never narrower than the title and the sort arrow, as set or as saved: sorted by court,
    // "Court" showed as "Cour▾" (from a new user's look at the window).
    for (int c = 0; c < CaseTableModel::ColumnCount; ++c)
        if (header->sectionSize(c) > 0 && header->sectionSize(c) < header->sectionSizeHint(c))
            header->resizeSection(c, header->sectionSizeHint(c));
}

// Right-click on the header: a checkable entry per column. The A-number and Name always
// stay: a list without them cannot say which case a row is.
void addColumnMenu(QTableView *table, CaseTableModel *model) {
    QHeaderView *header = table->horizontalHeader();
    auto *menu = new QMenu(header);
    menu->setObjectName(QStringLiteral("headerMenu"));
    for (int c = 0; c < CaseTableModel::ColumnCount; ++c) {
        auto *action =
            menu->addAction(model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
        action->setObjectName(QStringLiteral("showColumn%1").arg(c));
        action->setData(c);
        action->setCheckable(true);
        action->setEnabled(c != CaseTableModel::ANumberColumn && c != CaseTableModel::NameColumn);
        QObject::connect(action, &QAction::toggled, header,
                         [header, c](bool shown) { header->setSectionHidden(c, !shown); });
    }
    QObject::connect(menu, &QMenu::aboutToShow, header, [menu, header] {
        // In the order the columns stand on screen, each checked when shown.
        QList<QAction *> actions = menu->actions();
        std::sort(actions.begin(), actions.end(), [header](QAction *a, QAction *b) {
            return header->visualIndex(a->data().toInt()) < header->visualIndex(b->data().toInt());
        });
        for (QAction *action : actions) {
            menu->removeAction(action);
            menu->addAction(action);
            action->setChecked(!header->isSectionHidden(action->data().toInt()));
        }
    });
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(header, &QWidget::customContextMenuRequested, menu,
                     [menu, header](const QPoint &pos) { menu->popup(header->mapToGlobal(pos)); });
}
}  // namespace

void configure(CaseListView *table, CaseTableModel *model) {
    table->setObjectName(QStringLiteral("caseTable"));
    table->setAccessibleName(QObject::tr("Cases"));
    table->setWhatsThis(
        QObject::tr("The cases of the docket, as many as it holds. Click a column title to sort; "
                    "right-click it to show or hide columns. Enter edits the case, Ctrl+R "
                    "reviews it, F8 goes to the next case to review."));
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::ExtendedSelection);  // for batch export
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->setItemDelegate(new CaseCellDelegate(table));
    table->verticalHeader()->hide();
    // Fixed row heights: how many rows fit on screen is a division.
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->setCaseModel(model);
    configureColumns(table);
    addColumnMenu(table, model);
}
}  // namespace CaseListSetup
