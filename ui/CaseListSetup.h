#pragma once

class CaseTableModel;
class CaseListView;

// How the case list looks and what its header offers: fixed row heights (the view never
// measures a million rows), movable columns with Counsel last taking the spare width, the
// saved layout, and a header context menu that shows or hides columns.
namespace CaseListSetup {
void configure(CaseListView *table, CaseTableModel *model);
}  // namespace CaseListSetup
