// A JSON Lines record as the importer reads it: JSON, then every field checked.
#include "io/CaseJson.h"

#include <QJsonDocument>
#include <QJsonObject>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const QByteArray &line : bytes.split('\n')) {
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            CaseJson::fromJson(doc.object(), {QStringLiteral("LOS")});
    }
    return 0;
}
