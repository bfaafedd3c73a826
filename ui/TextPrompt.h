#pragma once

#include <QString>
#include <optional>

class QWidget;

// Asks for a line or a paragraph of text, behind one seam so GUI tests can give the answer
// in advance (like MessageBox and FileDialog). nullopt when cancelled or left blank.
class TextPrompt {
  public:
    static std::optional<QString> line(QWidget *parent, const QString &title, const QString &label,
                                       const QString &text = {});
    static std::optional<QString> paragraph(QWidget *parent, const QString &title,
                                            const QString &label);

    // Tests: the next prompt returns this at once (nullopt = cancelled) without showing.
    static void setNextAnswer(const std::optional<QString> &answer);
    // Tests: the label of the last prompt shown or answered.
    static QString lastLabel();

  private:
    static bool answeredInAdvance(const QString &label, std::optional<QString> *answer);
};
