#include "ANumber.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("ANumber", text);
}

bool isSeparator(QChar c) {
    return c == u' ' || c == u'-' || c == u'\u2010' || c == u'\u2013';
}
}  // namespace

ANumber ANumber::parse(QStringView input, QString *error) {
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return ANumber();
    };
    const QString folded = foldWidth(input);
    QStringView text = QStringView(folded).trimmed();
    if (text.isEmpty())
        return fail(tr("the A-number is empty"));
    if (text.front() == u'A' || text.front() == u'a')
        text = text.mid(1);

    QString digits;
    for (QChar c : text) {
        if (c.isDigit() && c.unicode() < 128)
            digits.append(c);
        else if (!isSeparator(c))
            return fail(tr("'%1' is not allowed in an A-number (only an optional \"A\", digits, "
                           "spaces and dashes)")
                            .arg(c));
    }
    if (digits.size() == 8)
        digits.prepend(u'0');
    if (digits.size() != 9)
        return fail(tr("an A-number has 8 or 9 digits; \"%1\" has %2")
                        .arg(input.trimmed().toString())
                        .arg(digits.size()));
    if (digits == QLatin1String("000000000"))
        return fail(tr("A000-000-000 is not a real A-number"));
    if (error)
        error->clear();
    return ANumber(digits);
}

QString ANumber::foldWidth(QStringView text) {
    QString folded = text.toString();
    for (QChar &c : folded) {
        if (c.unicode() >= 0xFF01 && c.unicode() <= 0xFF5E)  // the full-width ASCII block
            c = QChar(c.unicode() - 0xFEE0);
        else if (c == u'\u3000')  // the ideographic space
            c = u' ';
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
