#pragma once

#include <QByteArray>
#include <QString>

// JSON as people write it may name a key twice; Qt's reader then silently keeps one of
// the values, so what a policy pack, an answers file or an imported record says would
// depend on a rule nobody sees. Files are read strictly instead: a key twice in one object
// is refused, naming the key and where it is. nlohmann/json's SAX parser (no tree, no
// recursion) reads the text for this; Qt's reader still builds the values.
namespace StrictJson {
// Empty when no object names a key twice (or the text is not JSON at all: the normal
// reader then says why); otherwise "the key "reasons" appears twice in answers[3]".
QString duplicateKey(const QByteArray &json);
}  // namespace StrictJson
