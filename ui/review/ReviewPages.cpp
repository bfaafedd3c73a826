#include "ReviewPages.h"

#include "AnswerBox.h"
#include "CaseEditorDialog.h"
#include "domain/ANumber.h"
#include "review/ReviewSession.h"
#include "store/CaseStore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

ReviewPage::ReviewPage(ReviewSession &session, const QString &title, const QString &subtitle)
    : m_session(session),
      m_warning(new QLabel(this)),
      m_signed(new QLabel(this)),
      m_body(new QVBoxLayout),
      m_title(title) {
    setTitle(title);
    setSubTitle(subtitle);
    m_warning->setObjectName(QStringLiteral("policyWarning"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("background:#fff3cd; color:#664d03; padding:6px;"));
    m_signed->setObjectName(QStringLiteral("signedNote"));
    m_signed->setWordWrap(true);
    m_signed->setStyleSheet(QStringLiteral("background:#e7f1e8; color:#1e4620; padding:6px;"));
    m_signed->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_signed);
    layout->addWidget(m_warning);
    layout->addLayout(m_body, 1);
}

void ReviewPage::setStep(int step, int steps) {
    setTitle(tr("Step %1 of %2: %3").arg(step).arg(steps).arg(m_title));
}

void ReviewPage::initializePage() {
    const QString warning = m_session.policyWarning();
    m_warning->setText(tr("Warning: %1").arg(warning));
    m_warning->setVisible(!warning.isEmpty());
}

void ReviewPage::setSignedNote(const QString &note) {
    m_signed->setText(note);
    m_signed->setVisible(!note.isEmpty());
}

FactsPage::FactsPage(ReviewSession &session, CaseStore &store)
    : ReviewPage(session, tr("Facts"),
                 tr("The facts the policy relies on, as the case record shows them. Unknown means "
                    "the record does not say; correct the record if it is wrong.")),
      m_store(store),
      m_pack(new QComboBox(this)),
      m_facts(new QTextBrowser(this)) {
    m_pack->setObjectName(QStringLiteral("policyChoice"));
    m_pack->setAccessibleName(tr("Policy"));
    for (const PolicyPack &p : session.packs())
        m_pack->addItem(p.title, p.id);
    m_facts->setObjectName(QStringLiteral("factsView"));
    auto *edit = new QPushButton(tr("&Edit the case record…"), this);
    edit->setObjectName(QStringLiteral("editCaseButton"));
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("&Policy:"), this));
    static_cast<QLabel *>(row->itemAt(0)->widget())->setBuddy(m_pack);
    row->addWidget(m_pack, 1);
    row->addWidget(edit);
    body()->addLayout(row);
    body()->addWidget(m_facts, 1);
    connect(m_pack, &QComboBox::currentIndexChanged, this,
            [this] { this->session().choosePack(m_pack->currentData().toString()); });
    connect(edit, &QPushButton::clicked, this, &FactsPage::editCase);
    connect(&session, &ReviewSession::changed, this, &FactsPage::showFacts);
}

void FactsPage::initializePage() {
    const QSignalBlocker blocker(m_pack);
    m_pack->setCurrentIndex(m_pack->findData(session().pack().id));
    showFacts();
    ReviewPage::initializePage();
}

void FactsPage::showFacts() {
    const Case &c = session().caseRecord();
    QString html = QStringLiteral("<h3>%1 — %2</h3><table cellpadding='3'>")
                       .arg(c.displayName().toHtmlEscaped(), ANumber::displayDigits(c.aNumber));
    for (const DerivedFact &f : session().review().facts)
        html +=
            QStringLiteral("<tr><td><b>%1</b></td><td>%2</td><td style='color:#555'>%3</td></tr>")
                .arg(f.label.toHtmlEscaped(),
                     f.isKnown() ? f.valueText().toHtmlEscaped()
                                 : QStringLiteral("<i style='color:#8a6d3b'>unknown</i>"),
                     f.derivation.toHtmlEscaped());
    m_facts->setHtml(html + QStringLiteral("</table>"));
    ReviewPage::initializePage();
}

void FactsPage::editCase() {
    CaseEditorDialog editor(m_store, session().caseRecord(), this);
    if (editor.exec() == QDialog::Accepted)
        session().reloadCase();
}

QuestionsPage::QuestionsPage(ReviewSession &session, Kind kind)
    : ReviewPage(session,
                 kind == Kind::Priorities    ? tr("Enforcement priorities")
                 : kind == Kind::Aggravating ? tr("Aggravating factors")
                                             : tr("Mitigating factors"),
                 kind == Kind::Priorities
                     ? tr("Answer each priority yes, no or unknown, with a note. Suggestions from "
                          "the record are shown beside the question; they are not answers. "
                          "Keyboard: Tab to the answers, arrows and Space to choose.")
                     : tr("Is the factor present? Answer yes, no or unknown, with a note. "
                          "Keyboard: Tab to the answers, arrows and Space to choose.")),
      m_kind(kind) {
    // Saved: the answers on screen are the docket's, nothing is marked changed any more.
    connect(&session, &ReviewSession::saved, this, [this] {
        for (AnswerBox *box : std::as_const(m_boxes))
            box->setSavedAnswer(box->value());
    });
}

void QuestionsPage::initializePage() {
    if (m_builtFor != session().pack().sha256())
        build();
    for (AnswerBox *box : m_boxes)
        for (const ReviewAnswer &a : session().review().answers)
            if (a.itemId == box->itemId())
                box->setAnswer(a.value, a.note);
    // After QWizard has placed its own focus: the page itself takes the keyboard, not an
    // answer, so that nothing typed before a deliberate Tab can change one.
    if (auto *scroll = findChild<QScrollArea *>())
        QTimer::singleShot(0, scroll, qOverload<>(&QWidget::setFocus));
    ReviewPage::initializePage();
}

void QuestionsPage::build() {
    delete m_content;
    m_boxes.clear();
    m_content = new QWidget;
    auto *layout = new QVBoxLayout(m_content);
    const PolicyPack &pack = session().pack();
    const QList<PolicyItem> &items = m_kind == Kind::Priorities    ? pack.priorities
                                     : m_kind == Kind::Aggravating ? pack.aggravating
                                                                   : pack.mitigating;
    if (items.isEmpty())
        layout->addWidget(new QLabel(tr("This policy asks no questions of this kind."), m_content));
    for (const PolicyItem &item : items) {
        auto *box = new AnswerBox(item, pack.citationText(item.citation), session().review().facts,
                                  m_content);
        connect(box, &AnswerBox::answered, &session(), &ReviewSession::setAnswer);
        layout->addWidget(box);
        m_boxes << box;
    }
    layout->addStretch();
    auto *scroll = findChild<QScrollArea *>();
    if (!scroll) {
        scroll = new QScrollArea(this);
        scroll->setObjectName(QStringLiteral("questionsScroll"));
        scroll->setAccessibleName(tr("Questions"));
        scroll->setFocusPolicy(Qt::StrongFocus);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        body()->addWidget(scroll, 1);
    }
    scroll->setWidget(m_content);
    m_builtFor = pack.sha256();
}

RepresentationPage::RepresentationPage(ReviewSession &session)
    : ReviewPage(session, tr("Representation and procedure"),
                 tr("Whether the person has counsel, and what the policy says follows.")),
      m_text(new QLabel(this)) {
    m_text->setObjectName(QStringLiteral("representationText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    body()->addWidget(m_text);
    body()->addStretch();
}

namespace {
// Whether the pack's rules about people with (or without) counsel hold for this case:
// a note applies only when every condition of such a rule holds, not on the fact alone.
RuleSnapshot representationRule(const ReviewSession &session, bool represented) {
    const QJsonObject fact{{QStringLiteral("fact"), QStringLiteral("represented")},
                           {QStringLiteral("is"), represented}};
    RuleSnapshot best;
    for (const PolicyRule &rule : session.pack().rules) {
        const QByteArray when = QJsonDocument(rule.when).toJson(QJsonDocument::Compact);
        if (!when.contains(QJsonDocument(fact).toJson(QJsonDocument::Compact)))
            continue;
        for (const RuleSnapshot &r : session.review().rules)
            if (r.ruleId == rule.id && (best.state.isEmpty() || r.state == u"applies" ||
                                        (r.state == u"undecided" && best.state != u"applies")))
                best = r;
    }
    return best;  // state empty: the pack has no such rule
}
}  // namespace

void RepresentationPage::initializePage() {
    DerivedFact represented;
    for (const DerivedFact &f : session().review().facts)
        if (f.id == u"represented")
            represented = f;
    const PolicyPack &pack = session().pack();
    auto note = [&](const QString &heading, const ProcedureNote &n, bool forRepresented) {
        RuleSnapshot rule = representationRule(session(), forRepresented);
        const bool applies = rule.state == u"applies";
        // The note is about counsel: when the person's representation is the other way, that
        // is the reason it does not apply, whatever else also fails.
        if (represented.isKnown() && represented.value.toBool() != forRepresented &&
            rule.state == u"does_not_apply")
            rule.because =
                QStringList{represented.label + QStringLiteral(": ") + represented.valueText()};
        const QString state =
            applies ? tr(" — applies to this case")
            : rule.state == u"undecided"
                ? tr(" — may apply: %1").arg(rule.because.join(QStringLiteral("; ")))
            : rule.state == u"does_not_apply"
                ? tr(" — does not apply: %1").arg(rule.because.join(QStringLiteral("; ")))
                : QString();
        return QStringLiteral(
                   "<p style='%1'><b>%2</b>%3<br>%4 <span style='color:#666'>[%5]</span></p>")
            .arg(applies ? QStringLiteral("background:#eef4fb; padding:4px") : QString(),
                 heading.toHtmlEscaped(), state.toHtmlEscaped(), n.text.toHtmlEscaped(),
                 pack.citationText(n.citation).toHtmlEscaped());
    };
    m_text->setText(QStringLiteral("<p><b>%1:</b> %2 (%3)</p>")
                        .arg(represented.label.toHtmlEscaped(),
                             represented.valueText().toHtmlEscaped(),
                             represented.derivation.toHtmlEscaped()) +
                    note(tr("Represented"), pack.represented, true) +
                    note(tr("Unrepresented"), pack.unrepresented, false));
    ReviewPage::initializePage();
}
