#include "PoliciesDialog.h"

#include "FileDialog.h"
#include "MessageBox.h"
#include "Settings.h"
#include "policy/PolicyLibrary.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {
QString esc(const QString &s) {
    return s.toHtmlEscaped();
}

QString periods(const PolicyPack &p) {
    QStringList parts;
    for (const InForcePeriod &period : p.inForce)
        parts << period.from.toString(Qt::ISODate) + QStringLiteral(" to ") +
                     (period.until.isValid() ? period.until.toString(Qt::ISODate)
                                             : QObject::tr("open"));
    return parts.join(QStringLiteral(", "));
}

QString itemsHtml(const QString &heading, const QList<PolicyItem> &items) {
    if (items.isEmpty())
        return {};
    QString html = QStringLiteral("<h4>%1</h4>").arg(esc(heading));
    for (const PolicyItem &i : items)
        html +=
            QStringLiteral(
                "<p><b>%1</b> <code>%2</code><br>%3 <span style='color:#666'>[%4, %5]</span></p>")
                .arg(esc(i.label), esc(i.id), esc(i.help), esc(i.citation.source),
                     esc(i.citation.section));
    return html;
}

QString packHtml(const PolicyPack &p) {
    QString html =
        QStringLiteral(
            "<h3>%1</h3><p>%2</p><p><code>%3</code><br>SHA-256 <code>%4</code><br>In force: %5</p>")
            .arg(esc(p.title), esc(p.summary), esc(p.id), p.sha256(), esc(periods(p)));
    html += QObject::tr("<h4>Sources</h4>");
    for (const PolicySource &s : p.sources)
        html += QStringLiteral("<p><code>%1</code> %2 — %3, dated %4</p>")
                    .arg(esc(s.id), esc(s.title), esc(s.author), s.dated.toString(Qt::ISODate));
    html += itemsHtml(QObject::tr("Enforcement priorities"), p.priorities) +
            itemsHtml(QObject::tr("Aggravating factors"), p.aggravating) +
            itemsHtml(QObject::tr("Mitigating factors"), p.mitigating) +
            itemsHtml(QObject::tr("Other considerations"), p.considerations) +
            itemsHtml(QObject::tr("Never a factor"), p.neverFactors) +
            itemsHtml(QObject::tr("Dispositions"), p.dispositions);
    html += QObject::tr("<h4>Guidance rules</h4>");
    for (const PolicyRule &r : p.rules)
        html +=
            QStringLiteral(
                "<p><b>%1</b><br><code>%2</code><br><span style='color:#666'>[%3, %4]</span></p>")
                .arg(esc(r.says),
                     esc(QString::fromUtf8(QJsonDocument(r.when).toJson(QJsonDocument::Compact))),
                     esc(r.citation.source), esc(r.citation.section));
    return html;
}
}  // namespace

PoliciesDialog::PoliciesDialog(CaseStore &store, QWidget *parent)
    : QDialog(parent),
      m_store(store),
      m_list(new QListWidget(this)),
      m_view(new QTextBrowser(this)) {
    setObjectName(QStringLiteral("policiesDialog"));
    setWindowTitle(tr("Policies"));
    m_list->setObjectName(QStringLiteral("policyList"));
    m_list->setAccessibleName(tr("Policy packs"));
    m_view->setObjectName(QStringLiteral("policyView"));
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_view);
    splitter->setSizes({280, 620});
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *load = buttons->addButton(tr("&Load from File…"), QDialogButtonBox::ActionRole);
    QPushButton *check = buttons->addButton(tr("&Validate File…"), QDialogButtonBox::ActionRole);
    load->setObjectName(QStringLiteral("loadPolicyButton"));
    check->setObjectName(QStringLiteral("validatePolicyButton"));
    connect(load, &QPushButton::clicked, this, &PoliciesDialog::loadFromFile);
    connect(check, &QPushButton::clicked, this, &PoliciesDialog::validateFile);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &PoliciesDialog::showPack);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    refresh();
    resize(960, 620);
}

void PoliciesDialog::refresh() {
    m_packs = PolicyLibrary::available(m_store);
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const PolicyPack &p : m_packs)
        m_list->addItem(QStringLiteral("%1\n%2").arg(p.title, periods(p)));
    m_list->setCurrentRow(0);
    showPack(0);
}

void PoliciesDialog::showPack(int row) {
    m_view->setHtml(row >= 0 && row < m_packs.size() ? packHtml(m_packs[row]) : QString());
}

void PoliciesDialog::loadFromFile() {
    const QString path = FileDialog::openFile(this, tr("Load Policy Pack"), Settings::lastFolder(),
                                              tr("Policy packs (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    const std::optional<PolicyPack> pack = PolicyLibrary::load(m_store, path, &error);
    if (!pack) {
        MessageBox::warning(this, tr("Policy pack not loaded"), error);
        return;
    }
    refresh();
    for (int i = 0; i < m_packs.size(); ++i)
        if (m_packs[i].sha256() == pack->sha256())
            m_list->setCurrentRow(i);
}

void PoliciesDialog::validateFile() {
    const QString path =
        FileDialog::openFile(this, tr("Validate Policy Pack"), Settings::lastFolder(),
                             tr("Policy packs (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    const std::optional<PolicyPack> pack = PolicyPack::fromFile(path, &error);
    if (pack)
        MessageBox::information(
            this, tr("Policy pack is valid"),
            tr("%1 is a valid policy pack: %2 (SHA-256 %3).").arg(path, pack->id, pack->sha256()));
    else
        MessageBox::warning(this, tr("Policy pack is not valid"), error);
}
