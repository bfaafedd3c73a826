#include "FieldText.h"

#include "ANumber.h"
#include "Codes.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace FieldText {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("FieldText", text);
}

QDate dateFromParts(int y, int m, int d, QStringView text, QString *error) {
    QDate date(y, m, d);
    if (!date.isValid() && error)
        *error = tr("'%1' is not a date that exists").arg(text);
    return date;
}

Parsed parseCode(const CaseField &field, const QString &raw) {
    const QString t = raw.trimmed();
    for (const CodeOption &o : field.codes->options())
        if (o.code.compare(t, Qt::CaseInsensitive) == 0)
            return {o.code, {}};
    return {{},
            tr("'%1' is not a known %2 (use one of: %3)")
                .arg(t, field.codes->name(), field.codes->codes().join(QStringLiteral(", ")))};
}
}  // namespace

QDate parseDate(QStringView text, QString *error) {
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    static const QRegularExpression us(QStringLiteral("^(\\d{1,2})/(\\d{1,2})/(\\d{4})$"));
    if (error)
        error->clear();
    const QString t = text.trimmed().toString();
    if (t.isEmpty())
        return {};
    if (auto m = iso.match(t); m.hasMatch())
        return dateFromParts(m.capturedView(1).toInt(), m.capturedView(2).toInt(),
                             m.capturedView(3).toInt(), t, error);
    if (auto m = us.match(t); m.hasMatch())
        return dateFromParts(m.capturedView(3).toInt(), m.capturedView(1).toInt(),
                             m.capturedView(2).toInt(), t, error);
    if (error)
        *error = tr("'%1' is not a date: write 2024-03-15 or 03/15/2024").arg(t);
    return {};
}

Parsed parse(const CaseField &field, const QString &raw, const QSet<QString> &courts) {
    const QString t = raw.trimmed();
    if (t.isEmpty())
        return {{}, field.required ? tr("%1 is required").arg(field.label) : QString()};
    switch (field.kind) {
        case FieldKind::Text:
            return {t, {}};
        case FieldKind::Date: {
            QString error;
            const QDate d = parseDate(t, &error);
            return {d.isValid() ? d.toString(Qt::ISODate) : QString(), error};
        }
        case FieldKind::Code:
            return parseCode(field, t);
        case FieldKind::ANumber: {
            QString error;
            const ANumber a = ANumber::parse(t, &error);
            return {a.digits(), error};
        }
        case FieldKind::Court: {
            const QString code = t.toUpper();
            if (!courts.contains(code))
                return {{}, tr("'%1' is not a known court code").arg(t)};
            return {code, {}};
        }
    }
    return {t, {}};
}
}  // namespace FieldText
