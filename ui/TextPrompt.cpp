#include "TextPrompt.h"

#include <QInputDialog>

namespace {
struct Advance {
    bool set = false;
    std::optional<QString> answer;
};
Advance &advance() {
    static Advance a;
    return a;
}
QString &lastAsked() {
    static QString label;
    return label;
}

std::optional<QString> nonBlank(bool ok, const QString &text) {
    return ok && !text.trimmed().isEmpty() ? std::optional<QString>(text.trimmed()) : std::nullopt;
}
}  // namespace

bool TextPrompt::answeredInAdvance(const QString &label, std::optional<QString> *answer) {
    lastAsked() = label;
    if (!advance().set)
        return false;
    *answer = advance().answer ? nonBlank(true, *advance().answer) : std::nullopt;
    advance() = {};
    return true;
}

std::optional<QString> TextPrompt::line(QWidget *parent, const QString &title, const QString &label,
                                        const QString &text) {
    std::optional<QString> answer;
    if (answeredInAdvance(label, &answer))
        return answer;
    bool ok = false;
    const QString typed = QInputDialog::getText(parent, title, label, QLineEdit::Normal, text, &ok);
    return nonBlank(ok, typed);
}

std::optional<QString> TextPrompt::paragraph(QWidget *parent, const QString &title,
                                             const QString &label) {
    std::optional<QString> answer;
    if (answeredInAdvance(label, &answer))
        return answer;
    bool ok = false;
    const QString typed = QInputDialog::getMultiLineText(parent, title, label, {}, &ok);
    return nonBlank(ok, typed);
}

void TextPrompt::setNextAnswer(const std::optional<QString> &answer) {
    advance() = {true, answer};
}

QString TextPrompt::lastLabel() {
    return lastAsked();
}
