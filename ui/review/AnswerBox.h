#pragma once

#include "policy/DerivedFacts.h"
#include "policy/PolicyPack.h"

#include <QGroupBox>

class QButtonGroup;
class QLineEdit;
class QRadioButton;

// One question of the policy: its label, help and citation, the facts from the record
// that bear on it (as suggestions, never as the answer), Yes / No / Unknown, and a note.
// Nothing is selected until the attorney answers. Y, N and U answer from the keyboard.
class AnswerBox : public QGroupBox {
    Q_OBJECT
  public:
    AnswerBox(const PolicyItem &item, const QList<DerivedFact> &facts, QWidget *parent = nullptr);

    const QString &itemId() const { return m_itemId; }
    QString value() const;  // "yes", "no", "unknown" or empty
    QString note() const;
    void setAnswer(const QString &value, const QString &note);
    QWidget *firstInput() const;

  Q_SIGNALS:
    void answered(const QString &itemId, const QString &value, const QString &note);

  protected:
    void keyPressEvent(QKeyEvent *event) override;

  private:
    void emitAnswer();

    QString m_itemId;
    QButtonGroup *m_group;
    QList<QRadioButton *> m_buttons;  // yes, no, unknown
    QLineEdit *m_note;
};
