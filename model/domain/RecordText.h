#pragma once

#include <QString>

// The text a record keeps (a review's notes, reasons, reviewer, an amendment's reason) is
// printed as it is kept. problem() says what it must not hold, naming the character, or is
// empty: a control character (only line breaks and tabs, in text of several lines), a
// Unicode line or paragraph separator (drawn as nothing, so words ran together in the PDF),
// or a direction override or isolate, which shows the text otherwise than it is recorded
// ("1$" for "$1").
namespace RecordText {
QString problem(const QString &text, bool multiLine);
}
