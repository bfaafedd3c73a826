#include "RecordText.h"

#include <QCoreApplication>

namespace RecordText {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("RecordText", text);
}

QString codePoint(QChar c) {
    return QStringLiteral("U+%1").arg(c.unicode(), 4, 16, QChar(u'0')).toUpper();
}

}  // namespace

// Scanned once, front to back: the first problem is named by its position.
QString problem(const QString &text, bool multiLine) {
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        const bool crlf = c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n';
        if (multiLine && (c == u'\n' || c == u'\t' || crlf))
            continue;
        const QString at = QString::number(i + 1);
        if (c.category() == QChar::Other_Control)
            return multiLine ? tr("character %1 is a control character (%2); only line breaks "
                                  "and tabs may be used")
                                   .arg(at, codePoint(c))
                             : tr("character %1 is a control character (%2, such as a line "
                                  "break or tab); a name is one line")
                                   .arg(at, codePoint(c));
        if (c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            return tr("character %1 is a Unicode line or paragraph separator (%2); use an "
                      "ordinary line break")
                .arg(at, codePoint(c));
        const char16_t u = c.unicode();
        if ((u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069))
            return tr("character %1 is a text-direction override (%2), which would show the "
                      "text otherwise than it is recorded; remove it")
                .arg(at, codePoint(c));
    }
    return {};
}

}  // namespace RecordText
