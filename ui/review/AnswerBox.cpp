#include "AnswerBox.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace {
const QStringList kValues = {"yes", "no", "unknown"};

QString suggestionsHtml(const PolicyItem &item, const QList<DerivedFact> &facts) {
    QStringList lines;
    for (const DerivedFact &f : facts)
        if (item.facts.contains(f.id))
            lines << QStringLiteral("<b>%1:</b> %2 <span style='color:#555'>(%3)</span>")
                         .arg(f.label.toHtmlEscaped(), f.valueText().toHtmlEscaped(),
                              f.derivation.toHtmlEscaped());
    if (lines.isEmpty())
        return {};
    return QObject::tr("From the record (a suggestion, not an answer): ") +
           lines.join(QStringLiteral("; "));
}
}  // namespace

AnswerBox::AnswerBox(const PolicyItem &item, const QString &citation,
                     const QList<DerivedFact> &facts, QWidget *parent)
    : QGroupBox(item.label, parent),
      m_itemId(item.id),
      m_group(new QButtonGroup(this)),
      m_note(new QLineEdit(this)),
      m_label(item.label) {
    setObjectName(QStringLiteral("answer_") + item.id);
    auto *layout = new QVBoxLayout(this);
    auto *help = new QLabel(QStringLiteral("%1 <span style='color:#666'>[%2]</span>")
                                .arg(item.help.toHtmlEscaped(), citation.toHtmlEscaped()),
                            this);
    help->setWordWrap(true);
    layout->addWidget(help);
    const QString suggestion = suggestionsHtml(item, facts);
    if (!suggestion.isEmpty()) {
        auto *hint = new QLabel(suggestion, this);
        hint->setObjectName(QStringLiteral("suggestion_") + item.id);
        hint->setWordWrap(true);
        hint->setStyleSheet(QStringLiteral("background:#eef4fb; padding:4px;"));
        layout->addWidget(hint);
    }
    auto *row = new QHBoxLayout;
    const QStringList labels = {tr("Yes"), tr("No"), tr("Unknown")};
    for (int i = 0; i < 3; ++i) {
        auto *button = new QRadioButton(labels[i], this);
        button->setObjectName(item.id + u'_' + kValues[i]);
        button->setAccessibleName(item.label + u' ' + labels[i]);
        m_group->addButton(button, i);
        m_buttons << button;
        row->addWidget(button);
    }
    m_note->setObjectName(QStringLiteral("note_") + item.id);
    m_note->setPlaceholderText(tr("Note (what the answer rests on)"));
    m_note->setAccessibleName(item.label + tr(" note"));
    row->addWidget(m_note, 1);
    // The note was created first; put it after the answer in the tab order.
    for (QRadioButton *button : m_buttons)
        setTabOrder(button, m_note);
    layout->addLayout(row);
    connect(m_group, &QButtonGroup::idClicked, this, &AnswerBox::emitAnswer);
    connect(m_note, &QLineEdit::editingFinished, this, &AnswerBox::emitAnswer);
}

QString AnswerBox::value() const {
    const int id = m_group->checkedId();
    return id >= 0 ? kValues[id] : QString();
}

QString AnswerBox::note() const {
    return m_note->text();
}

void AnswerBox::setAnswer(const QString &value, const QString &note) {
    const int index = int(kValues.indexOf(value));
    if (index >= 0)
        m_buttons[index]->setChecked(true);
    m_note->setText(note);
    setSavedAnswer(value);
}

QWidget *AnswerBox::firstInput() const {
    return m_buttons.first();
}

void AnswerBox::setSavedAnswer(const QString &value) {
    m_saved = value;
    showChanged();
}

void AnswerBox::showChanged() {
    m_changed = value() != m_saved;
    setTitle(m_changed ? tr("%1 — changed, not yet saved").arg(m_label) : m_label);
    setStyleSheet(m_changed ? QStringLiteral("AnswerBox { border-left: 4px solid #b26a00; }")
                            : QString());
}

void AnswerBox::emitAnswer() {
    showChanged();
    Q_EMIT answered(m_itemId, value(), note());
}
