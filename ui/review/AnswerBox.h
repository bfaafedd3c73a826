#pragma once

#include "policy/DerivedFacts.h"
#include "policy/PolicyPack.h"

#include <QGroupBox>

class QButtonGroup;
class QLineEdit;
class QRadioButton;

// One question of the policy: its label, help and citation, the facts from the record
// that bear on it (as suggestions, never as the answer), Yes / No / Unknown, and a note.
// Nothing is selected until the attorney answers, and only a deliberate act changes an
// answer: a click, or Tab to the answers then arrow keys and Space (no single-letter keys:
// typing meant for a note must never answer). An answer changed since the last save is
// marked until it is saved.
class AnswerBox : public QGroupBox {
    Q_OBJECT
  public:
    // citation: the item's citation as people read it (PolicyPack::citationText).
    AnswerBox(const PolicyItem &item, const QString &citation, const QList<DerivedFact> &facts,
              QWidget *parent = nullptr);

    const QString &itemId() const { return m_itemId; }
    QString value() const;  // "yes", "no", "unknown" or empty
    QString note() const;
    void setAnswer(const QString &value, const QString &note);
    QWidget *firstInput() const;
    // The answer as last saved: the box is marked while its answer differs.
    void setSavedAnswer(const QString &value);
    bool isMarkedChanged() const { return m_changed; }

  Q_SIGNALS:
    void answered(const QString &itemId, const QString &value, const QString &note);

  private:
    void emitAnswer();
    void showChanged();

    QString m_itemId;
    QButtonGroup *m_group;
    QList<QRadioButton *> m_buttons;  // yes, no, unknown
    QLineEdit *m_note;
    QString m_label;
    QString m_saved;
    bool m_changed = false;
};
