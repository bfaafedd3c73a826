#pragma once

#include <QString>

namespace ToolTip {
// A tooltip that wraps: Qt shows plain text on one line however long it is, and rich text
// wrapped to a readable width. Line breaks in the text are kept.
inline QString wrapped(const QString &plain) {
    return QStringLiteral("<p>") + plain.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>")) +
           QStringLiteral("</p>");
}
}  // namespace ToolTip
