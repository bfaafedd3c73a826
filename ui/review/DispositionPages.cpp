#include "ReviewPages.h"

#include "domain/ANumber.h"
#include "review/ReviewSession.h"

#include <QButtonGroup>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace {
QString esc(const QString &s) {
    return s.toHtmlEscaped();
}

// "What the policy says": every rule that applies, then the ones that cannot be told yet.
QString guidanceHtml(const Review &review, const PolicyPack &pack) {
    QString html;
    for (const RuleSnapshot &r : review.rules) {
        if (r.state != u"applies")
            continue;
        html +=
            QStringLiteral(
                "<p><b>%1</b>%2<br><span style='color:#555'>Because: %3. [%4]</span></p>")
                .arg(esc(r.says),
                     r.usualCourse.isEmpty() ? QString()
                                             : esc(QObject::tr(" Usual course: %1.")
                                                       .arg(pack.dispositionLabel(r.usualCourse))),
                     esc(r.because.join(QStringLiteral("; "))), esc(r.citation));
    }
    if (html.isEmpty())
        html = QObject::tr("<p>No guidance rule applies on the answers so far.</p>");
    QStringList undecided;
    for (const RuleSnapshot &r : review.rules)
        if (r.state == u"undecided")
            undecided << esc(r.says);
    if (!undecided.isEmpty())
        html += QObject::tr(
                    "<p style='color:#666'>Cannot be told yet (a fact is unknown or a question "
                    "unanswered):<br>%1</p>")
                    .arg(undecided.join(QStringLiteral("<br>")));
    return html;
}
}  // namespace

DispositionPage::DispositionPage(ReviewSession &session)
    : ReviewPage(session, tr("Disposition"),
                 tr("Choose the disposition and write the reasons. Nothing is chosen for you; "
                    "reasons are required for every disposition, declining discretion included.")),
      m_options(new QWidget(this)),
      m_guidance(new QTextBrowser(this)),
      m_considerations(new QLabel(this)),
      m_reasons(new QPlainTextEdit(this)),
      m_deviationLabel(new QLabel(this)),
      m_deviation(new QPlainTextEdit(this)) {
    m_guidance->setObjectName(QStringLiteral("policySays"));
    m_guidance->setMaximumHeight(170);
    m_reasons->setObjectName(QStringLiteral("reasonsEdit"));
    m_reasons->setAccessibleName(tr("Reasons"));
    m_reasons->setTabChangesFocus(true);
    m_reasons->setPlaceholderText(tr("Reasons for this disposition (required)"));
    m_deviation->setObjectName(QStringLiteral("deviationEdit"));
    m_deviation->setAccessibleName(tr("Why not the usual course"));
    m_deviation->setTabChangesFocus(true);
    m_deviationLabel->setWordWrap(true);
    m_deviationLabel->setStyleSheet(QStringLiteral("color:#664d03;"));
    new QVBoxLayout(m_options);
    body()->addWidget(new QLabel(tr("<b>What the policy says</b>"), this));
    body()->addWidget(m_guidance);
    m_considerations->setObjectName(QStringLiteral("policyConsiderations"));
    m_considerations->setWordWrap(true);
    m_considerations->setTextFormat(Qt::RichText);
    m_considerations->setStyleSheet(QStringLiteral("background:#f3f3f3; padding:4px;"));
    body()->addWidget(m_considerations);
    body()->addWidget(m_options);
    body()->addWidget(m_reasons, 1);
    body()->addWidget(m_deviationLabel);
    body()->addWidget(m_deviation);
    m_reasons->installEventFilter(this);
    m_deviation->installEventFilter(this);
    connect(m_reasons, &QPlainTextEdit::textChanged, this, [this] {
        this->session().setReasons(m_reasons->toPlainText());
        Q_EMIT completeChanged();
    });
    connect(m_deviation, &QPlainTextEdit::textChanged, this, [this] {
        this->session().setDeviationReason(m_deviation->toPlainText());
        Q_EMIT completeChanged();
    });
    connect(&session, &ReviewSession::changed, this, &DispositionPage::showGuidance);
}

void DispositionPage::buildOptions() {
    QLayout *layout = m_options->layout();
    while (QLayoutItem *item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    delete m_group;
    m_group = new QButtonGroup(this);
    const PolicyPack &pack = session().pack();
    for (int i = 0; i < pack.dispositions.size(); ++i) {
        const PolicyItem &d = pack.dispositions[i];
        auto *button = new QRadioButton(d.label, m_options);
        button->setObjectName(QStringLiteral("disposition_") + d.id);
        button->setToolTip(
            QStringLiteral("<p>%1 [%2]</p>").arg(esc(d.help), esc(pack.citationText(d.citation))));
        m_group->addButton(button, i);
        layout->addWidget(button);
    }
    // Options are rebuilt after the text boxes exist: restore the reading order for Tab.
    QWidget *previous = m_guidance;
    for (QAbstractButton *button : m_group->buttons()) {
        setTabOrder(previous, button);
        previous = button;
    }
    setTabOrder(previous, m_reasons);
    setTabOrder(m_reasons, m_deviation);
    connect(m_group, &QButtonGroup::idClicked, this, [this](int id) {
        this->session().setDisposition(this->session().pack().dispositions[id].id);
        Q_EMIT completeChanged();
    });
    m_builtFor = pack.sha256();
}

void DispositionPage::initializePage() {
    if (m_builtFor != session().pack().sha256())
        buildOptions();
    const Review &r = session().review();
    for (int i = 0; i < session().pack().dispositions.size(); ++i)
        if (session().pack().dispositions[i].id == r.disposition)
            m_group->button(i)->setChecked(true);
    if (m_reasons->toPlainText() != r.reasons)
        m_reasons->setPlainText(r.reasons);
    if (m_deviation->toPlainText() != r.deviationReason)
        m_deviation->setPlainText(r.deviationReason);
    showGuidance();
    showConsiderations();
    ReviewPage::initializePage();
    // The options take the keyboard (arrows choose); focus alone selects nothing.
    QAbstractButton *first =
        m_group->checkedButton() ? m_group->checkedButton() : m_group->button(0);
    if (first)
        QTimer::singleShot(0, first, qOverload<>(&QWidget::setFocus));
}

void DispositionPage::showConsiderations() {
    // The rest of the policy, where the disposition is weighed; the record keeps that it was
    // shown.
    const PolicyPack &pack = session().pack();
    auto list = [](const QList<PolicyItem> &items) {
        QStringList out;
        for (const PolicyItem &item : items)
            out << QStringLiteral("<span title='%1'>%2</span>")
                       .arg(esc(item.help), esc(item.label));
        return out.join(QStringLiteral("; "));
    };
    QString html;
    if (!pack.considerations.isEmpty())
        html += tr("<b>Also weigh:</b> %1.").arg(list(pack.considerations));
    if (!pack.neverFactors.isEmpty())
        html += tr("<br><b>Never a factor:</b> %1.").arg(list(pack.neverFactors));
    m_considerations->setText(html);
    m_considerations->setVisible(!html.isEmpty());
    session().noteConsiderationsShown();
}

void DispositionPage::showGuidance() {
    m_guidance->setHtml(guidanceHtml(session().review(), session().pack()));
    const bool deviates = session().deviates();
    QStringList usual;
    for (const QString &id : session().review().usualCourses())
        usual << session().pack().dispositionLabel(id);
    m_deviationLabel->setText(
        tr("The policy's usual course here is %1. Say why you chose otherwise (required):")
            .arg(usual.join(tr(" or "))));
    m_deviationLabel->setVisible(deviates);
    m_deviation->setVisible(deviates);
    Q_EMIT completeChanged();
}

bool DispositionPage::eventFilter(QObject *watched, QEvent *event) {
    // Enter makes a new line in the reasons; Ctrl+Enter goes on, as in other forms.
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers() == Qt::ControlModifier) {
            if (isComplete())
                wizard()->next();
            return true;
        }
    }
    return ReviewPage::eventFilter(watched, event);
}

bool DispositionPage::isComplete() const {
    const Review &r = session().review();
    return !r.disposition.isEmpty() && !r.reasons.trimmed().isEmpty() &&
           (!session().deviates() || !r.deviationReason.trimmed().isEmpty());
}

SummaryPage::SummaryPage(ReviewSession &session)
    : ReviewPage(session, tr("Summary"),
                 tr("The whole review. Save it as a draft, or mark it ready to sign once nothing "
                    "required is missing.")),
      m_summary(new QTextBrowser(this)) {
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_summary->setOpenLinks(false);
    connect(m_summary, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == u"question")
            Q_EMIT questionRequested(url.path());
    });
    body()->addWidget(m_summary);
}

QString SummaryPage::questionLabel(const QString &question) const {
    const PolicyPack &pack = session().pack();
    for (const QList<PolicyItem> *items : {&pack.priorities, &pack.aggravating, &pack.mitigating})
        for (const PolicyItem &item : *items)
            if (item.id == question)
                return item.label;
    if (question == u"disposition")
        return tr("Disposition");
    if (question == u"reasons")
        return tr("Reasons");
    if (question == u"deviation_reason")
        return tr("Why not the usual course");
    if (question == u"policy")
        return tr("Policy");
    return question;
}

void SummaryPage::initializePage() {
    const Review &r = session().review();
    const PolicyPack &pack = session().pack();
    QString html =
        QStringLiteral("<h3>%1</h3><p>%2<br>Policy: %3 (sha256 %4)<br>Reviewer: %5, %6</p>")
            .arg(esc(session().caseRecord().displayName()), ANumber::displayDigits(r.aNumber),
                 esc(pack.title), r.policySha256.left(16), esc(r.reviewer),
                 r.reviewDate.toString(Qt::ISODate));
    const QList<ReviewIssue> missing = session().missing();
    if (!missing.isEmpty()) {
        QStringList lines;
        for (const ReviewIssue &i : missing)  // each a link to the question it names
            lines << QStringLiteral("<a href='question:%1'>%2</a>: %3")
                         .arg(esc(i.question), esc(questionLabel(i.question)), esc(i.message));
        html += tr("<p style='color:#b00020'><b>Missing before it can be marked ready</b> "
                   "(click one to go to it):<br>%1</p>")
                    .arg(lines.join(QStringLiteral("<br>")));
    }
    html += QStringLiteral("<table cellpadding='2'>");
    for (const QList<PolicyItem> *items : {&pack.priorities, &pack.aggravating, &pack.mitigating})
        for (const PolicyItem &item : *items) {
            QString note;
            for (const ReviewAnswer &a : r.answers)
                if (a.itemId == item.id)
                    note = a.note;
            const QString answer = r.answerOf(item.id);
            html += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td><td>%3</td></tr>")
                        .arg(esc(item.label),
                             answer.isEmpty() ? tr("<i>not answered</i>") : esc(answer), esc(note));
        }
    html += QStringLiteral("</table><p><b>Disposition:</b> %1</p><p><b>Reasons:</b> %2</p>")
                .arg(esc(pack.dispositionLabel(r.disposition)), esc(r.reasons));
    if (!r.deviationReason.isEmpty())
        html += QStringLiteral("<p><b>Why not the usual course:</b> %1</p>")
                    .arg(esc(r.deviationReason));
    m_summary->setHtml(html);
    ReviewPage::initializePage();
    Q_EMIT completeChanged();
    // Enter on the summary marks the review ready when it can be, else saves the draft.
    QAbstractButton *target =
        wizard()->button(missing.isEmpty() ? QWizard::FinishButton : QWizard::CustomButton1);
    QTimer::singleShot(0, target, qOverload<>(&QWidget::setFocus));
}

bool SummaryPage::isComplete() const {
    return session().missing().isEmpty();
}
