#include "ANumber.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("ANumber", text);
}

bool isSeparator(char32_t c) {
    return c == u' ' || c == u'-';  // every other dash and space is folded to these first
}

// The dashes people type between digits: hyphens, figure and en dashes, the minus sign, the
// long vowel mark a Japanese input method types for the minus key.
bool isDash(char16_t c) {
    return (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0x30FC || c == 0xFF70 || c == 0xFE63;
}

// A character named so that a person can see it: a combining mark or an invisible one alone
// in quotes shows as nothing (or joins the quote), so it is given by its code.
QString shown(char32_t c) {
    const QChar::Category category = QChar::category(c);
    const bool invisible = category == QChar::Mark_NonSpacing ||
                           category == QChar::Mark_SpacingCombining ||
                           category == QChar::Mark_Enclosing || category == QChar::Other_Format ||
                           category == QChar::Other_Control || QChar::isSpace(c);
    const QString code = QStringLiteral("U+%1").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper();
    return invisible ? code : QStringLiteral("'%1' (%2)").arg(QString::fromUcs4(&c, 1), code);
}

// The input as typed, cut short when it is long (a 5,000-character value was echoed whole).
QString quoted(QStringView input) {
    constexpr qsizetype kShown = 40;
    const QStringView t = input.trimmed();
    return t.size() <= kShown ? t.toString() : t.left(kShown).toString() + u'…';
}
}  // namespace

ANumber ANumber::parse(QStringView input, QString *error) {
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return ANumber();
    };
    const QString folded = foldTyped(input);
    QStringView text = QStringView(folded).trimmed();
    if (text.isEmpty())
        return fail(tr("the A-number is empty"));
    if (text.front() == u'A' || text.front() == u'a')
        text = text.mid(1);

    QString digits;
    for (const char32_t c : text.toUcs4()) {
        if (c >= u'0' && c <= u'9')
            digits.append(QChar(c));
        else if (!isSeparator(c))
            return fail(tr("%1 is not allowed in an A-number (only an optional \"A\", digits, "
                           "spaces and dashes)")
                            .arg(shown(c)));
    }
    if (digits.size() == 8)
        digits.prepend(u'0');
    if (digits.size() != 9)
        return fail(tr("an A-number has 8 or 9 digits; \"%1\" has %2")
                        .arg(quoted(input))
                        .arg(digits.size()));
    if (digits == QLatin1String("000000000"))
        return fail(tr("A000-000-000 is not a real A-number"));
    if (error)
        error->clear();
    return ANumber(digits);
}

QString ANumber::foldTyped(QStringView text) {
    QString folded = text.toString();
    for (QChar &c : folded) {
        if (c.unicode() >= 0xFF01 && c.unicode() <= 0xFF5E)  // the full-width ASCII block
            c = QChar(c.unicode() - 0xFEE0);
        else if (c == u'\u3000' || c == u'\u00A0')  // the ideographic and no-break spaces
            c = u' ';
        else if (isDash(c.unicode()))
            c = u'-';
    }
    return folded;
}

ANumber ANumber::fromDigits(const QString &nineDigits) {
    if (nineDigits.size() != 9)
        return ANumber();
    for (QChar c : nineDigits)
        if (!c.isDigit() || c.unicode() >= 128)
            return ANumber();
    return ANumber(nineDigits);
}

QString ANumber::display() const {
    return isValid() ? displayDigits(m_digits) : QString();
}

QString ANumber::displayDigits(const QString &d) {
    if (d.size() != 9)
        return d;
    return u'A' + d.left(3) + u'-' + d.mid(3, 3) + u'-' + d.mid(6, 3);
}
