#include "FilterBar.h"

#include "domain/Clock.h"
#include "domain/Codes.h"
#include "store/CaseStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QTimer>
#include <vector>

namespace {
void fillCodes(QComboBox *combo, const QString &allLabel, const CodeSet &codes) {
    combo->addItem(allLabel, QString());
    for (const CodeOption &o : codes.options())
        combo->addItem(o.label, o.code);
}
}  // namespace

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent), m_search(new QLineEdit(this)), m_debounce(new QTimer(this)) {
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setAccessibleName(tr("Search"));
    m_search->setWhatsThis(
        tr("Type an A-number in any form (A 123-456-789, 123456789) or the first "
           "letters of any of a person's names (garc finds García, Muñoz García; case, accents "
           "and punctuation are ignored). Enter or Down moves into the list."));
    m_search->setToolTip(m_search->whatsThis());
    // A new user typed "z" and wondered why Muñoz was not found: it is the start of a name.
    m_search->setPlaceholderText(tr("A-number, or the start of a name…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(160);
    layout->addWidget(m_search, 2);

    m_court = addCombo(QStringLiteral("courtFilter"), tr("Court"));
    m_court->addItem(tr("All courts"), QString());
    // Long court names would make the window wider than a laptop screen; the list that
    // drops down is as wide as it needs.
    m_court->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_court->setMinimumContentsLength(10);
    m_custody = addCombo(QStringLiteral("custodyFilter"), tr("Custody"));
    fillCodes(m_custody, tr("Any custody"), Codes::custody());
    m_counsel = addCombo(QStringLiteral("counselFilter"), tr("Counsel"));
    m_counsel->addItem(tr("Any counsel"), QString());
    m_counsel->addItem(tr("Represented"), QStringLiteral("yes"));
    m_counsel->addItem(tr("Unrepresented"), QStringLiteral("no"));
    m_status = addCombo(QStringLiteral("statusFilter"), tr("Review status"));
    fillCodes(m_status, tr("Any review status"), Codes::reviewStatuses());
    m_disposition = addCombo(QStringLiteral("dispositionFilter"), tr("Signed disposition"));
    m_disposition->addItem(tr("Any disposition"), QString());
    m_disposition->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_disposition->setMinimumContentsLength(12);

    m_hearingRange = new QCheckBox(tr("Hearing from"), this);
    m_hearingRange->setObjectName(QStringLiteral("hearingRangeCheck"));
    m_hearingFrom = new QDateEdit(Clock::today(), this);
    m_hearingTo = new QDateEdit(Clock::today().addDays(30), this);
    m_hearingFrom->setObjectName(QStringLiteral("hearingFromEdit"));
    m_hearingTo->setObjectName(QStringLiteral("hearingToEdit"));
    m_hearingFrom->setAccessibleName(tr("Hearing from"));
    m_hearingTo->setAccessibleName(tr("Hearing to"));
    for (QDateEdit *edit : {m_hearingFrom, m_hearingTo}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setEnabled(false);
        connect(edit, &QDateEdit::dateChanged, this, &FilterBar::emitFilter);
    }
    layout->addWidget(m_hearingRange);
    layout->addWidget(m_hearingFrom);
    layout->addWidget(m_hearingTo);
    connect(m_hearingRange, &QCheckBox::toggled, this, [this](bool on) {
        m_hearingFrom->setEnabled(on);
        m_hearingTo->setEnabled(on);
        emitFilter();
    });

    // Connected last: filling the combos above must not emit half-built filters.
    for (QComboBox *combo : {m_court, m_custody, m_counsel, m_status, m_disposition})
        connect(combo, &QComboBox::currentIndexChanged, this, &FilterBar::emitFilter);
    m_debounce->setObjectName(QStringLiteral("searchPause"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_debounce, &QTimer::timeout, this, &FilterBar::emitFilter);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        emitFilter();
        Q_EMIT listRequested();
    });
    m_search->installEventFilter(this);
}

void FilterBar::takeTypingFrom(QWidget *list) {
    m_typingSource = list;
    list->installEventFilter(this);
}

namespace {
// Text a person types (a letter, a digit, a dash), not a shortcut or a navigation key.
bool isTyping(const QKeyEvent *key) {
    const Qt::KeyboardModifiers chord = Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier;
    return !(key->modifiers() & chord) && !key->text().isEmpty() && key->text().front().isPrint() &&
           key->key() != Qt::Key_Space;
}
}  // namespace

// Ctrl+Z and Ctrl+Shift+Z in an empty search box, or one with nothing of its own to undo, are
// the window's Undo and Redo of a case change: the box took them and did nothing, and Clear
// Filters, Find and typing in the list all leave the focus there (a new user's walk-through).
bool FilterBar::passesUndoToTheWindow(const QKeyEvent *key) const {
    if (key->matches(QKeySequence::Undo))
        return m_search->text().isEmpty() || !m_search->isUndoAvailable();
    if (key->matches(QKeySequence::Redo) ||
        key->keyCombination() == QKeyCombination(Qt::CTRL | Qt::SHIFT, Qt::Key_Z))
        return m_search->text().isEmpty() || !m_search->isRedoAvailable();
    return false;
}

bool FilterBar::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_search && event->type() == QEvent::ShortcutOverride &&
        passesUndoToTheWindow(static_cast<QKeyEvent *>(event))) {
        event->ignore();  // not taken by the box: the shortcut goes to the window
        return true;
    }
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_search && key->key() == Qt::Key_Down) {
        emitFilter();
        Q_EMIT listRequested();
        return true;
    }
    // Typing in the list goes to the search box: the view's own type-to-find reads row
    // after row on the GUI thread (a minute on 200,000 cases, found by a helper).
    if (watched == m_typingSource && isTyping(key)) {
        m_search->setFocus(Qt::OtherFocusReason);
        m_search->end(false);
        m_search->insert(key->text());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

QComboBox *FilterBar::addCombo(const QString &objectName, const QString &accessibleName) {
    auto *combo = new QComboBox(this);
    combo->setObjectName(objectName);
    combo->setAccessibleName(accessibleName);
    layout()->addWidget(combo);
    return combo;
}

namespace {
void selectData(QComboBox *combo, const QString &data) {
    const int index = combo->findData(data);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}
}  // namespace

// Each list keeps its choice when the new list has it (the first entry, "all", otherwise).
void FilterBar::setCourts(const QList<Court> &courts) {
    const QSignalBlocker blocker(m_court);
    const QString chosen = m_court->currentData().toString();
    m_court->clear();
    m_court->addItem(tr("All courts"), QString());
    for (const Court &c : courts)
        m_court->addItem(QStringLiteral("%1 — %2").arg(c.code, c.name), c.code);
    selectData(m_court, chosen);
}

void FilterBar::setDispositions(const QList<QPair<QString, QString>> &dispositions) {
    const QSignalBlocker blocker(m_disposition);
    const QString chosen = m_disposition->currentData().toString();
    m_disposition->clear();
    m_disposition->addItem(tr("Any disposition"), QString());
    for (const auto &[id, label] : dispositions)
        m_disposition->addItem(label, id);
    selectData(m_disposition, chosen);
}

void FilterBar::setFilter(const CaseFilter &f) {
    {
        // The search box is not blocked: its clear button follows its own textChanged (it
        // stayed after Clear Filters). The pause its text starts is stopped below.
        const QList<QWidget *> all = {m_court,       m_custody,     m_counsel,   m_status,
                                      m_disposition, m_hearingFrom, m_hearingTo, m_hearingRange};
        std::vector<QSignalBlocker> blockers;  // one filterChanged at the end, not nine
        blockers.reserve(all.size());
        for (QWidget *w : all)
            blockers.emplace_back(w);
        m_search->setText(f.search);
        m_debounce->stop();
        selectData(m_court, f.court);
        selectData(m_custody, f.custody);
        selectData(m_counsel, !f.represented.has_value() ? QString()
                              : *f.represented           ? QStringLiteral("yes")
                                                         : QStringLiteral("no"));
        selectData(m_status, f.reviewStatus);
        selectData(m_disposition, f.disposition);
        const bool range = f.hearingFrom.isValid() || f.hearingTo.isValid();
        m_hearingRange->setChecked(range);
        m_hearingFrom->setEnabled(range);
        m_hearingTo->setEnabled(range);
        if (range) {
            m_hearingFrom->setDate(f.hearingFrom);
            m_hearingTo->setDate(f.hearingTo);
        }
    }
    emitFilter();
}

CaseFilter FilterBar::filter() const {
    CaseFilter f;
    f.search = m_search->text().trimmed();
    f.court = m_court->currentData().toString();
    f.custody = m_custody->currentData().toString();
    const QString counsel = m_counsel->currentData().toString();
    if (!counsel.isEmpty())
        f.represented = counsel == u"yes";
    f.reviewStatus = m_status->currentData().toString();
    f.disposition = m_disposition->currentData().toString();
    if (m_hearingRange->isChecked()) {
        f.hearingFrom = m_hearingFrom->date();
        f.hearingTo = m_hearingTo->date();
    }
    return f;
}

void FilterBar::focusSearch() {
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void FilterBar::emitFilter() {
    m_debounce->stop();
    Q_EMIT filterChanged(filter());
}
