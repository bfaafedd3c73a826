#pragma once

class QTextDocument;

// QTextDocument splits a table row across a page break whenever the row's first line
// fits on the page. A disposition's answer and its note belong together, so after the
// document is laid out, a table whose row would straddle a page break is cut in two
// before that row: the rest of the table, with its header rows repeated, starts the
// next page. A row taller than a page is left to flow.
namespace KeepRowsTogether {
// Returns how many tables were cut.
int apply(QTextDocument &document);
}  // namespace KeepRowsTogether
