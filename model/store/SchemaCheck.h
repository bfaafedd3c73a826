#pragma once

#include <sqlite3.h>
#include <QStringList>

// The docket's tables, indexes, views and triggers compared with what the migrations
// make (built afresh in memory). Triggers are where an attacker hides: a dropped one lets
// a signed review be rewritten, a foreign one can rename a case whenever the program
// writes. Each difference is named: missing, added (with its SQL) or changed.
namespace SchemaCheck {
// Compared with the schema the migrations make up to the docket's own version.
QStringList differences(sqlite3 *docket);
// Builds what the latest migrations make, kept for the first comparison: the window calls it
// on a worker thread when it starts, so that opening a docket does not (3.5 ms).
void prepare();
}  // namespace SchemaCheck
