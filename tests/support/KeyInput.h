#pragma once

#include <QTest>
#include <QWidget>

// Types text into a widget as key events that carry it, one character at a time.
// QTest::keyClicks maps each character to a key code and asserts on anything outside
// ASCII, so a name such as "Ólafsdóttir" from a generated docket cannot go through it.
inline void typeText(QWidget *widget, const QString &text) {
    for (const QChar ch : text) {
        const char16_t upper = ch.toUpper().unicode();
        // Latin-1 letters have key codes equal to their upper-case code point.
        const Qt::Key key = upper < 0x100 ? Qt::Key(upper) : Qt::Key_unknown;
        QTest::sendKeyEvent(QTest::Press, widget, key, QString(ch), Qt::NoModifier);
        QTest::sendKeyEvent(QTest::Release, widget, key, QString(ch), Qt::NoModifier);
    }
}
