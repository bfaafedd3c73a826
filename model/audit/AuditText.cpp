#include "AuditText.h"

#include "domain/CaseFields.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace AuditText {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("AuditText", text);
}

QString shown(const QJsonValue &value) {
    if (value.isArray())
        return QCoreApplication::translate("AuditText", "%n item(s)", nullptr,
                                           int(value.toArray().size()));
    const QString text = value.toVariant().toString();
    return text.isEmpty() ? tr("(empty)") : text;
}

QString fieldLabel(const QString &key) {
    const CaseField *field = CaseFields::find(key);
    return field ? field->label : key;
}

QStringList changedFields(const QJsonObject &details) {
    QStringList parts;
    const QJsonObject changes = details.value(QStringLiteral("changes")).toObject();
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const QJsonObject change = it.value().toObject();
        parts << QStringLiteral("%1: %2 → %3")
                     .arg(fieldLabel(it.key()), shown(change.value(QStringLiteral("old"))),
                          shown(change.value(QStringLiteral("new"))));
    }
    return parts;
}

QString edits(const QJsonObject &details) {
    return tr("Edited %1").arg(changedFields(details).join(QStringLiteral("; ")));
}

QString importUpdate(const QJsonObject &details) {
    const QStringList fields = changedFields(details);
    const QString source = details.value(QStringLiteral("source")).toString();
    if (!details.contains(QStringLiteral("changes")))  // written before fields were kept
        return tr("Updated by import of %1").arg(source);
    if (fields.isEmpty())
        return tr("Updated by import of %1 (no field changed)").arg(source);
    return tr("Updated by import of %1: %2").arg(source, fields.join(QStringLiteral("; ")));
}

QString shortHash(const QJsonObject &details, const char *key) {
    return details.value(QLatin1String(key)).toString().left(12) + QStringLiteral("…");
}
}  // namespace

QString describe(const AuditEntry &e) {
    const QJsonObject d = QJsonDocument::fromJson(e.details).object();
    const QString a = e.action;
    if (a == u"case.create")
        return tr("Case created");
    if (a == u"case.edit")
        return edits(d);
    if (a == u"case.delete")
        return tr("Case deleted");
    if (a == u"case.import")
        return tr("Imported from %1").arg(d.value(QStringLiteral("source")).toString());
    if (a == u"case.import_update")
        return importUpdate(d);
    if (a == u"review.save" || a == u"review.ready")
        return tr("Review version %1 saved as %2 (record %3)")
            .arg(d.value(QStringLiteral("version")).toInt())
            .arg(d.value(QStringLiteral("status")).toString(), shortHash(d, "record_sha256"));
    if (a == u"review.sign")
        return tr("Review signed by %1 (record %2)")
            .arg(d.value(QStringLiteral("signer")).toString(), shortHash(d, "record_sha256"));
    if (a == u"review.amend")
        return tr("Amendment started (version %1): %2")
            .arg(d.value(QStringLiteral("version")).toInt())
            .arg(d.value(QStringLiteral("reason")).toString());
    if (a == u"pdf.export")
        return tr("Disposition PDF written: %1%2")
            .arg(d.value(QStringLiteral("file")).toString(),
                 d.value(QStringLiteral("digitally_signed")).toBool() ? tr(", digitally signed")
                                                                      : QString());
    if (a == u"import")
        return tr("Import of %1: %2 new, %3 updated, %4 skipped, %5 rejected")
            .arg(d.value(QStringLiteral("file")).toString())
            .arg(d.value(QStringLiteral("imported")).toInteger())
            .arg(d.value(QStringLiteral("updated")).toInteger())
            .arg(d.value(QStringLiteral("skipped")).toInteger())
            .arg(d.value(QStringLiteral("rejected")).toInteger());
    if (a == u"generate")
        return tr("%1 synthetic cases generated (seed %2)")
            .arg(d.value(QStringLiteral("generated")).toInteger())
            .arg(d.value(QStringLiteral("seed")).toInteger());
    if (a == u"docket.create")
        return tr("Docket created");
    if (a == u"audit.start")
        return tr("Audit log started on a docket of %1 cases (schema %2 → %3)")
            .arg(d.value(QStringLiteral("cases")).toInteger())
            .arg(d.value(QStringLiteral("schema_from")).toInt())
            .arg(d.value(QStringLiteral("schema")).toInt());
    if (a == u"policy.load")
        return tr("Policy pack loaded: %1").arg(d.value(QStringLiteral("title")).toString());
    return a + QStringLiteral(" ") + QString::fromUtf8(e.details);
}

namespace {
QJsonObject detailsOf(const AuditEntry &e) {
    return QJsonDocument::fromJson(e.details).object();
}

bool sameDraft(const AuditEntry &a, const AuditEntry &b) {
    return a.action == u"review.save" && b.action == u"review.save" && a.actor == b.actor &&
           detailsOf(a).value(QStringLiteral("review")) ==
               detailsOf(b).value(QStringLiteral("review"));
}
}  // namespace

QList<HistoryLine> history(const QList<AuditEntry> &entries) {
    QList<HistoryLine> lines;
    for (const AuditEntry &e : entries) {
        if (!lines.isEmpty() && sameDraft(lines.last().entries.last(), e)) {
            lines.last().entries << e;
            continue;
        }
        lines.append({describe(e), {e}});
    }
    for (HistoryLine &line : lines)
        if (line.entries.size() > 1)
            line.text += QCoreApplication::translate("AuditText", " · %n save(s) of this draft",
                                                     nullptr, int(line.entries.size()));
    return lines;
}
}  // namespace AuditText
