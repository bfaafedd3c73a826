#include "FieldText.h"

#include <QLocale>

#include "ANumber.h"
#include "Codes.h"

#include <QCoreApplication>

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

int digitsAt(QStringView t, qsizetype from, qsizetype count) {
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        if (t[i] < u'0' || t[i] > u'9')
            return -1;
        value = value * 10 + (t[i].unicode() - u'0');
    }
    return value;
}

// Reads "dddd-dd-dd" (year, month, day) or "d{1,2}/d{1,2}/dddd" (month, day, year).
bool splitNumbers(QStringView t, int parts[3]) {
    if (t.size() == 10 && t[4] == u'-' && t[7] == u'-') {
        parts[0] = digitsAt(t, 0, 4);
        parts[1] = digitsAt(t, 5, 2);
        parts[2] = digitsAt(t, 8, 2);
    } else {
        const qsizetype first = t.indexOf(u'/');
        const qsizetype second = t.indexOf(u'/', first + 1);
        if (first < 1 || first > 2 || second - first < 2 || second - first > 3 ||
            t.size() - second != 5)
            return false;
        parts[0] = digitsAt(t, 0, first);
        parts[1] = digitsAt(t, first + 1, second - first - 1);
        parts[2] = digitsAt(t, second + 1, 4);
    }
    return parts[0] >= 0 && parts[1] >= 0 && parts[2] >= 0;
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
    if (error)
        error->clear();
    const QStringView t = text.trimmed();
    if (t.isEmpty())
        return {};
    int parts[3] = {0, 0, 0};
    if (!splitNumbers(t, parts)) {
        if (error)
            *error = tr("'%1' is not a date: write 2024-03-15 or 03/15/2024").arg(t);
        return {};
    }
    const bool iso = t.size() == 10 && t[4] == u'-';
    if (iso)
        return dateFromParts(parts[0], parts[1], parts[2], t, error);
    const QDate date = dateFromParts(parts[2], parts[0], parts[1], t, error);
    // 15/03/2027 is a European day/month: say which way round the slashes are read.
    if (!date.isValid() && error && QDate(parts[2], parts[1], parts[0]).isValid())
        *error = tr("'%1' is not a date that exists: with slashes the month comes first "
                    "(%2/%3/%4)")
                     .arg(t)
                     .arg(parts[1], 2, 10, QLatin1Char('0'))
                     .arg(parts[0], 2, 10, QLatin1Char('0'))
                     .arg(parts[2]);
    return date;
}

bool isoDateDigits(const QDate &date, char out[10]) {
    int y = 0, m = 0, d = 0;
    date.getDate(&y, &m, &d);
    if (!date.isValid() || y < 1 || y > 9999)
        return false;
    auto put = [out](int value, int digits, int at) {
        for (int i = digits - 1; i >= 0; --i, value /= 10)
            out[at + i] = char('0' + value % 10);
    };
    put(y, 4, 0);
    out[4] = '-';
    put(m, 2, 5);
    out[7] = '-';
    put(d, 2, 8);
    return true;
}

QString isoDate(const QDate &date) {
    char digits[10];
    if (isoDateDigits(date, digits))
        return QString::fromLatin1(digits, 10);
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

Parsed parse(const CaseField &field, const QString &raw, const QSet<QString> &courts) {
    const QString t = raw.trimmed();
    if (t.size() > kMaxFieldLength)
        return {{},
                tr("%1 is %2 characters long; a field holds at most %3")
                    .arg(field.label, QLocale(QLocale::English).toString(t.size()),
                         QLocale(QLocale::English).toString(kMaxFieldLength))};
    if (t.isEmpty())
        return {{}, field.required ? tr("%1 is required").arg(field.label) : QString()};
    switch (field.kind) {
        case FieldKind::Text:
            return {t, {}};
        case FieldKind::Date: {
            QString error;
            const QDate d = parseDate(t, &error);
            return {isoDate(d), error};
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
