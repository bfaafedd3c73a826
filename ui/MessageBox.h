#pragma once

#include <QMessageBox>
#include <optional>

// Every message box of the program goes through here, so GUI tests can answer the
// next one in advance instead of blocking on a modal dialog (the KeePassXC habit).
class MessageBox {
  public:
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title,
                                                const QString &text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton);
    static void warning(QWidget *parent, const QString &title, const QString &text);
    static void information(QWidget *parent, const QString &title, const QString &text);

    // Tests: the next box returns this at once without showing itself.
    static void setNextAnswer(QMessageBox::StandardButton answer);
    // Tests: the text of the last box shown or answered.
    static QString lastText();
    // The text as a sentence: its first letter a capital.
    static QString sentence(const QString &text);

  private:
    static std::optional<QMessageBox::StandardButton> takeNextAnswer(const QString &text);
};
