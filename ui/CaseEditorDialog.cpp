#include "CaseEditorDialog.h"

#include "MessageBox.h"
#include "RecordTableEditor.h"
#include "domain/ANumber.h"
#include "domain/CaseFields.h"
#include "domain/Clock.h"
#include "domain/Codes.h"
#include "domain/FieldText.h"
#include "store/CaseStore.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

namespace {
const QStringList kMultiLine = {"military_service", "health_notes", "victim_witness_notes",
                                "notes"};
const char *kInvalidStyle = "border: 1px solid #b00020;";
constexpr int kStepPauseMs = 600;  // typing that pauses this long is one undo step

// One step of the form: what it showed before and after.
class FormStep : public QUndoCommand {
  public:
    FormStep(CaseEditorDialog *dialog, CaseEditorDialog::FormState before,
             CaseEditorDialog::FormState after)
        : m_dialog(dialog), m_before(std::move(before)), m_after(std::move(after)) {
        setText(QCoreApplication::translate("CaseEditorDialog", "change"));
    }
    void undo() override { m_dialog->showFormState(m_before); }
    void redo() override {
        if (!std::exchange(m_first, false))  // the first time, the form already shows it
            m_dialog->showFormState(m_after);
    }

  private:
    CaseEditorDialog *m_dialog;
    CaseEditorDialog::FormState m_before;
    CaseEditorDialog::FormState m_after;
    bool m_first = true;
};

QString isoDate(const QDate &d) {
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}
}  // namespace

CaseEditorDialog::CaseEditorDialog(CaseStore &store, const std::optional<Case> &existing,
                                   QWidget *parent)
    : QDialog(parent),
      m_store(store),
      m_case(existing.value_or(Case())),
      m_courts(store.courtCodes()),
      m_tabs(new QTabWidget(this)),
      m_summary(new QLabel(this)),
      m_undo(new QUndoStack(this)),
      m_stepTimer(new QTimer(this)) {
    setObjectName(QStringLiteral("caseEditor"));
    setWindowTitle(existing ? tr("Edit case %1").arg(ANumber::displayDigits(existing->aNumber))
                            : tr("New case"));
    m_summary->setObjectName(QStringLiteral("problemSummary"));
    m_summary->setWordWrap(true);
    m_summary->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_summary->hide();

    m_tabs->addTab(buildFieldTab({"a_number", "family_name", "given_names", "date_of_birth",
                                  "nationality", "language"}),
                   tr("&Person"));
    m_tabs->addTab(buildFieldTab({"court", "case_type", "custody", "nta_date", "next_hearing_date",
                                  "next_hearing_type"}),
                   tr("&Court"));
    m_tabs->addTab(buildFieldTab({"entry_date", "entry_manner", "first_presence_date",
                                  "apprehension_date", "apprehension_place"}),
                   tr("&Entry"));
    m_tabs->addTab(buildFieldTab({"counsel_name", "counsel_bar_number", "eoir28_date"}),
                   tr("C&ounsel"));
    m_tabs->addTab(buildFieldTab(kMultiLine), tr("Circu&mstances"));
    buildChildTables();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &CaseEditorDialog::reject);
    QPushButton *undoButton = buttons->addButton(tr("&Undo"), QDialogButtonBox::ResetRole);
    QPushButton *redoButton = buttons->addButton(tr("Re&do"), QDialogButtonBox::ResetRole);
    undoButton->setObjectName(QStringLiteral("undoButton"));
    redoButton->setObjectName(QStringLiteral("redoButton"));
    undoButton->setEnabled(false);
    redoButton->setEnabled(false);
    connect(undoButton, &QPushButton::clicked, this, &CaseEditorDialog::undo);
    connect(redoButton, &QPushButton::clicked, this, &CaseEditorDialog::redo);
    connect(m_undo, &QUndoStack::canUndoChanged, undoButton, &QPushButton::setEnabled);
    connect(m_undo, &QUndoStack::canRedoChanged, redoButton, &QPushButton::setEnabled);
    auto *undoKey = new QAction(this);
    undoKey->setShortcut(QKeySequence::Undo);
    connect(undoKey, &QAction::triggered, this, &CaseEditorDialog::undo);
    auto *redoKey = new QAction(this);
    redoKey->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    connect(redoKey, &QAction::triggered, this, &CaseEditorDialog::redo);
    addActions({undoKey, redoKey});
    m_stepTimer->setSingleShot(true);
    m_stepTimer->setInterval(kStepPauseMs);
    connect(m_stepTimer, &QTimer::timeout, this, &CaseEditorDialog::recordStep);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    load(m_case);
    m_dirty = false;
    m_lastStep = formState();
    resize(720, 520);
}

void CaseEditorDialog::markDirty() {
    m_dirty = true;
    if (!m_showingState)
        m_stepTimer->start();
}

void CaseEditorDialog::recordStep() {
    m_stepTimer->stop();
    const FormState now = formState();
    if (now == m_lastStep)
        return;
    m_undo->push(new FormStep(this, m_lastStep, now));
    m_lastStep = now;
}

void CaseEditorDialog::undo() {
    recordStep();  // typing not yet paused is a step of its own
    m_undo->undo();
}

void CaseEditorDialog::redo() {
    recordStep();
    m_undo->redo();
}

CaseEditorDialog::FormState CaseEditorDialog::formState() const {
    FormState state;
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it)
        state.fields.insert(it.key(), fieldText(it.key()));
    state.charges = m_charges->records();
    state.family = m_family->records();
    state.relief = m_relief->records();
    return state;
}

void CaseEditorDialog::showFormState(const FormState &state) {
    m_showingState = true;
    for (auto it = state.fields.begin(); it != state.fields.end(); ++it)
        setFieldText(it.key(), it.value());
    m_charges->setRecords(state.charges);
    m_family->setRecords(state.family);
    m_relief->setRecords(state.relief);
    m_lastStep = state;
    m_dirty = true;
    m_showingState = false;
}

QWidget *CaseEditorDialog::buildFieldTab(const QStringList &keys) {
    auto *page = new QWidget(m_tabs);
    addFieldRows(page, new QFormLayout(page), keys, m_tabs->count());
    return page;
}

void CaseEditorDialog::addFieldRows(QWidget *page, QFormLayout *form, const QStringList &keys,
                                    int tab) {
    for (const QString &key : keys) {
        const CaseField *field = CaseFields::find(key);
        QWidget *widget = makeFieldWidget(*field);
        widget->setParent(page);
        auto *error = new QLabel(page);
        error->setObjectName(QStringLiteral("error_") + key);
        error->setStyleSheet(QStringLiteral("color: #b00020;"));
        error->setWordWrap(true);
        error->hide();
        auto *cell = new QVBoxLayout;
        cell->setSpacing(2);
        cell->addWidget(widget);
        cell->addWidget(error);
        QString label = field->label + (field->required ? QStringLiteral(" *") : QString());
        auto *labelWidget = new QLabel(label, page);
        labelWidget->setBuddy(widget);
        form->addRow(labelWidget, cell);
        m_fields.insert(key, widget);
        m_errors.insert(key, error);
        m_tabOfField.insert(key, tab);
    }
}

// A list tab: the "records checked, none found" date above the table of records.
QWidget *CaseEditorDialog::listTab(RecordTableEditor *table, const QString &checkedKey,
                                   const QString &hint) {
    auto *page = new QWidget(m_tabs);
    auto *layout = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    addFieldRows(page, form, {checkedKey}, m_tabs->count());
    auto *note = new QLabel(hint, page);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: #555;"));
    form->addRow(QString(), note);
    layout->addLayout(form);
    table->setParent(page);
    layout->addWidget(table);
    return page;
}

QWidget *CaseEditorDialog::makeFieldWidget(const CaseField &field) {
    QWidget *widget = nullptr;
    if (field.kind == FieldKind::Code || field.kind == FieldKind::Court) {
        auto *combo = new QComboBox;
        combo->addItem(tr("— not known —"), QString());
        if (field.kind == FieldKind::Code)
            for (const CodeOption &o : field.codes->options())
                combo->addItem(o.label, o.code);
        else
            for (const Court &c : m_store.courts())
                combo->addItem(QStringLiteral("%1 — %2").arg(c.code, c.name), c.code);
        connect(combo, &QComboBox::currentIndexChanged, this, &CaseEditorDialog::markDirty);
        widget = combo;
    } else if (kMultiLine.contains(field.key)) {
        auto *edit = new QPlainTextEdit;
        edit->setTabChangesFocus(true);
        connect(edit, &QPlainTextEdit::textChanged, this, &CaseEditorDialog::markDirty);
        widget = edit;
    } else {
        auto *edit = new QLineEdit;
        if (field.kind == FieldKind::Date)
            edit->setPlaceholderText(tr("YYYY-MM-DD or MM/DD/YYYY"));
        if (field.kind == FieldKind::ANumber)
            edit->setPlaceholderText(tr("A012-345-678"));
        connect(edit, &QLineEdit::textEdited, this, &CaseEditorDialog::markDirty);
        connect(edit, &QLineEdit::editingFinished, this, [this, &field] { checkField(field); });
        widget = edit;
    }
    widget->setObjectName(QStringLiteral("field_") + field.key);
    widget->setAccessibleName(field.label);
    return widget;
}

void CaseEditorDialog::buildChildTables() {
    using K = RecordColumn::Kind;
    m_charges = new RecordTableEditor(QStringLiteral("charges"),
                                      {{tr("Offense"), K::Text},
                                       {tr("Date (YYYY-MM-DD)"), K::Date},
                                       {tr("Jurisdiction"), K::Text},
                                       {tr("Disposition"), K::Code, &Codes::chargeDispositions()},
                                       {tr("Sentence"), K::Text},
                                       {tr("Weapon"), K::Bool}},
                                      m_tabs);
    m_family =
        new RecordTableEditor(QStringLiteral("family"),
                              {{tr("Name"), K::Text},
                               {tr("Relation"), K::Code, &Codes::familyRelations()},
                               {tr("Status"), K::Code, &Codes::familyStatuses()},
                               {tr("Provider or caregiver"), K::Code, &Codes::dependencies()}},
                              m_tabs);
    m_relief = new RecordTableEditor(QStringLiteral("relief"),
                                     {{tr("Relief"), K::Code, &Codes::reliefTypes()},
                                      {tr("Where pending"), K::Code, &Codes::reliefForums()},
                                      {tr("Filed (YYYY-MM-DD)"), K::Date}},
                                     m_tabs);
    m_tabs->addTab(listTab(m_charges, QStringLiteral("no_criminal_history_checked_on"),
                           tr("The date the criminal records were checked and nothing was "
                              "found. Leave it empty when no one has checked: an empty list "
                              "alone leaves convictions unknown.")),
                   tr("Criminal &history"));
    m_tabs->addTab(listTab(m_family, QStringLiteral("no_us_family_checked_on"),
                           tr("The date someone checked for family in the United States and "
                              "found none. Leave it empty when no one has checked.")),
                   tr("&Family"));
    m_tabs->addTab(m_relief, tr("&Relief"));
    for (RecordTableEditor *t : {m_charges, m_family, m_relief}) {
        connect(t, &RecordTableEditor::edited, this, &CaseEditorDialog::markDirty);
        // A row added or removed can make or clear a problem with a field ("none found").
        connect(t, &RecordTableEditor::edited, this, &CaseEditorDialog::recheckForm);
    }
}

void CaseEditorDialog::setFieldText(const QString &key, const QString &value) {
    QWidget *w = m_fields.value(key);
    if (auto *combo = qobject_cast<QComboBox *>(w))
        combo->setCurrentIndex(qMax(0, combo->findData(value)));
    else if (auto *plain = qobject_cast<QPlainTextEdit *>(w))
        plain->setPlainText(value);
    else if (auto *line = qobject_cast<QLineEdit *>(w))
        line->setText(value);
}

QString CaseEditorDialog::fieldText(const QString &key) const {
    QWidget *w = m_fields.value(key);
    if (auto *combo = qobject_cast<QComboBox *>(w))
        return combo->currentData().toString();
    if (auto *plain = qobject_cast<QPlainTextEdit *>(w))
        return plain->toPlainText();
    if (auto *line = qobject_cast<QLineEdit *>(w))
        return line->text();
    return {};
}

void CaseEditorDialog::load(const Case &c) {
    for (const CaseField &f : CaseFields::all())
        setFieldText(f.key, f.kind == FieldKind::ANumber ? ANumber::displayDigits(c.aNumber)
                                                         : CaseFields::text(c, f));
    QList<QStringList> charges, family, relief;
    for (const Charge &ch : c.charges)
        charges << QStringList{
            ch.offense,     isoDate(ch.date), ch.jurisdiction,
            ch.disposition, ch.sentence,      ch.weaponInvolved ? QStringLiteral("1") : QString()};
    for (const FamilyMember &f : c.family)
        family << QStringList{f.name, f.relation, f.status, f.dependency};
    for (const ReliefApplication &r : c.relief)
        relief << QStringList{r.type, r.forum, isoDate(r.filedDate)};
    m_charges->setRecords(charges);
    m_family->setRecords(family);
    m_relief->setRecords(relief);
}

void CaseEditorDialog::checkField(const CaseField &field) {
    // Leaving a field checks the whole form, so a problem between fields (a hearing
    // before the NTA date) shows as soon as either is left, and a fixed one goes away.
    m_visited.insert(field.key);
    recheckForm();
}

void CaseEditorDialog::recheckForm() {
    QList<FieldIssue> issues;
    collect(issues);
    const bool banner = m_summary->isVisible();  // after a refused Save: keep it current
    QList<FieldIssue> shown;
    for (const FieldIssue &issue : std::as_const(issues))
        if (banner || m_visited.contains(issue.field))
            shown.append(issue);
    showIssues(shown, banner);
}

Case CaseEditorDialog::collect(QList<FieldIssue> &issues) const {
    Case c = m_case;
    for (const CaseField &f : CaseFields::all()) {
        const FieldText::Parsed parsed = FieldText::parse(f, fieldText(f.key), m_courts);
        if (!parsed.ok())
            issues.append({f.key, parsed.error});
        CaseFields::setText(c, f, parsed.value);
    }
    collectChildren(c, issues);
    for (const FieldIssue &issue : CaseValidator(m_courts, Clock::today()).validate(c)) {
        const bool known = std::any_of(issues.begin(), issues.end(),
                                       [&](const FieldIssue &i) { return i.field == issue.field; });
        if (!known)
            issues.append(issue);
    }
    return c;
}

void CaseEditorDialog::collectChildren(Case &c, QList<FieldIssue> &issues) const {
    auto date = [&issues](const QString &text, const QString &field) {
        QString error;
        const QDate d = FieldText::parseDate(text, &error);
        if (!error.isEmpty())
            issues.append({field, error});
        return d;
    };
    c.charges.clear();
    c.family.clear();
    c.relief.clear();
    const QList<QStringList> charges = m_charges->records();
    for (qsizetype i = 0; i < charges.size(); ++i) {
        const QStringList &r = charges[i];
        c.charges.append({r[0], date(r[1], QStringLiteral("charges[%1].date").arg(i + 1)), r[2],
                          r[3], r[4], !r[5].isEmpty()});
    }
    for (const QStringList &r : m_family->records())
        c.family.append({r[0], r[1], r[2], r[3]});
    const QList<QStringList> relief = m_relief->records();
    for (qsizetype i = 0; i < relief.size(); ++i)
        c.relief.append({relief[i][0], relief[i][1],
                         date(relief[i][2], QStringLiteral("relief[%1].filed_date").arg(i + 1))});
}

void CaseEditorDialog::showIssues(const QList<FieldIssue> &issues, bool banner) {
    for (auto it = m_errors.begin(); it != m_errors.end(); ++it) {
        it.value()->hide();
        m_fields.value(it.key())->setStyleSheet(QString());
    }
    QStringList lines;
    for (const FieldIssue &issue : issues) {
        const CaseField *field = CaseFields::find(issue.field);
        lines << (field ? field->label : issue.field) + QStringLiteral(": ") + issue.message;
        if (QLabel *error = m_errors.value(issue.field)) {
            error->setText(MessageBox::sentence(issue.message));
            error->show();
            m_fields.value(issue.field)->setStyleSheet(QLatin1String(kInvalidStyle));
        }
    }
    m_summary->setText(
        tr("Please correct %n problem(s) before saving:", nullptr, int(issues.size())) +
        QStringLiteral("\n• ") + lines.join(QStringLiteral("\n• ")));
    m_summary->setVisible(banner && !issues.isEmpty());
}

void CaseEditorDialog::showTabOf(const QString &field) {
    const auto tabOf = [this](QWidget *table) { return m_tabs->indexOf(table->parentWidget()); };
    m_tabs->setCurrentIndex(
        m_tabOfField.value(field, field.startsWith(u"charges")  ? tabOf(m_charges)
                                  : field.startsWith(u"family") ? tabOf(m_family)
                                                                : m_tabs->indexOf(m_relief)));
}

bool CaseEditorDialog::save() {
    QList<FieldIssue> issues;
    Case c = collect(issues);
    showIssues(issues, true);
    if (!issues.isEmpty()) {
        showTabOf(issues.first().field);
        return false;
    }
    QString error;
    if (!m_store.saveCase(c, &error)) {
        MessageBox::warning(this, tr("Case not saved"), error);
        return false;
    }
    m_case = c;
    m_dirty = false;
    return true;
}

void CaseEditorDialog::reject() {
    if (m_dirty &&
        MessageBox::question(this, tr("Discard changes?"),
                             tr("This case has changes that are not saved. Discard them?"),
                             QMessageBox::Discard | QMessageBox::Cancel,
                             QMessageBox::Cancel) != QMessageBox::Discard)
        return;
    QDialog::reject();
}
