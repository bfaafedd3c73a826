#include "MessageBox.h"

namespace {
std::optional<QMessageBox::StandardButton> &nextAnswer() {
    static std::optional<QMessageBox::StandardButton> answer;
    return answer;
}
QString &lastMessage() {
    static QString text;
    return text;
}
}  // namespace

QString MessageBox::sentence(const QString &text) {
    // Messages from the model are written to follow "field: " or "cannot save: "; shown on
    // their own, they start a sentence.
    if (text.isEmpty() || !text.front().isLower())
        return text;
    return text.front().toUpper() + text.mid(1);
}

std::optional<QMessageBox::StandardButton> MessageBox::takeNextAnswer(const QString &text) {
    lastMessage() = text;
    std::optional<QMessageBox::StandardButton> answer = nextAnswer();
    nextAnswer().reset();
    return answer;
}

QMessageBox::StandardButton MessageBox::question(QWidget *parent, const QString &title,
                                                 const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton) {
    if (auto answer = takeNextAnswer(sentence(text)))
        return *answer;
    return QMessageBox::question(parent, title, sentence(text), buttons, defaultButton);
}

void MessageBox::warning(QWidget *parent, const QString &title, const QString &text) {
    if (!takeNextAnswer(sentence(text)))
        QMessageBox::warning(parent, title, sentence(text));
}

void MessageBox::information(QWidget *parent, const QString &title, const QString &text) {
    if (!takeNextAnswer(sentence(text)))
        QMessageBox::information(parent, title, sentence(text));
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer) {
    nextAnswer() = answer;
}

QString MessageBox::lastText() {
    return lastMessage();
}
