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
    if (auto answer = takeNextAnswer(text))
        return *answer;
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

void MessageBox::warning(QWidget *parent, const QString &title, const QString &text) {
    if (!takeNextAnswer(text))
        QMessageBox::warning(parent, title, text);
}

void MessageBox::information(QWidget *parent, const QString &title, const QString &text) {
    if (!takeNextAnswer(text))
        QMessageBox::information(parent, title, text);
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer) {
    nextAnswer() = answer;
}

QString MessageBox::lastText() {
    return lastMessage();
}
