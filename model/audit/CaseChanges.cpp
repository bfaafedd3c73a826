#include "CaseChanges.h"

#include "domain/CaseFields.h"
#include "domain/CaseSnapshot.h"

#include <QJsonArray>

namespace CaseChanges {
namespace {
const QString kChanges = QStringLiteral("changes");
const char *const kLists[] = {"charges", "family", "relief"};

QJsonObject values(const Case &c) {
    QJsonObject out;
    for (const CaseField &field : CaseFields::all())
        if (const QString text = CaseFields::text(c, field); !text.isEmpty())
            out.insert(field.key, text);
    const QJsonObject json = CaseSnapshot::toJson(c);
    for (const char *list : kLists)
        if (const QJsonArray items = json.value(QLatin1String(list)).toArray(); !items.isEmpty())
            out.insert(QLatin1String(list), items);
    return out;
}

QJsonObject change(const QJsonValue &before, const QJsonValue &after) {
    return {{QStringLiteral("old"), before}, {QStringLiteral("new"), after}};
}
}  // namespace

QJsonObject created(const Case &c) {
    return {{QStringLiteral("values"), values(c)}};
}

QJsonObject deleted(const Case &c) {
    return {{QStringLiteral("values"), values(c)}};
}

QJsonObject edited(const Case &before, const Case &after) {
    QJsonObject changes;
    for (const CaseField &field : CaseFields::all()) {
        const QString old = CaseFields::text(before, field);
        const QString now = CaseFields::text(after, field);
        if (old != now)
            changes.insert(field.key, change(old, now));
    }
    const QJsonObject oldJson = CaseSnapshot::toJson(before);
    const QJsonObject newJson = CaseSnapshot::toJson(after);
    for (const char *list : kLists) {
        const QJsonValue old = oldJson.value(QLatin1String(list));
        const QJsonValue now = newJson.value(QLatin1String(list));
        if (old != now)
            changes.insert(QLatin1String(list), change(old, now));
    }
    return {{kChanges, changes}};
}

bool any(const QJsonObject &edit) {
    return !edit.value(kChanges).toObject().isEmpty();
}
}  // namespace CaseChanges
