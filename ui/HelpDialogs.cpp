#include "HelpDialogs.h"

#include "domain/Clock.h"
#include "policy/PolicyLibrary.h"
#include "store/CaseStore.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

UserGuideDialog::UserGuideDialog(QWidget *parent) : QDialog(parent) {
    setObjectName(QStringLiteral("userGuide"));
    setWindowTitle(tr("Discretion User Guide"));
    auto *browser = new QTextBrowser(this);
    browser->setObjectName(QStringLiteral("guideText"));
    browser->setAccessibleName(tr("User guide"));
    browser->setMarkdown(guideMarkdown());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(browser);
    layout->addWidget(buttons);
    resize(720, 760);
}

QString UserGuideDialog::guideMarkdown() {
    QFile file(QStringLiteral(":/guide/user-guide.md"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

namespace {
QString withoutMnemonic(QString text) {
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    return text.remove(u'…');
}

void addRows(QTableWidget *table, const QMenu *menu, const QString &menuName) {
    for (QAction *action : menu->actions()) {
        if (action->isSeparator() || action->shortcut().isEmpty())
            continue;  // submenus (Open Recent) have no keys of their own
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(menuName));
        table->setItem(row, 1, new QTableWidgetItem(withoutMnemonic(action->text())));
        table->setItem(row, 2,
                       new QTableWidgetItem(action->shortcut().toString(QKeySequence::NativeText)));
    }
}
}  // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menus, QWidget *parent) : QDialog(parent) {
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto *table = new QTableWidget(0, 3, this);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setAccessibleName(tr("Keyboard shortcuts"));
    table->setHorizontalHeaderLabels({tr("Menu"), tr("Action"), tr("Keys")});
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    for (QAction *top : menus->actions())
        if (const QMenu *menu = top->menu())
            addRows(table, menu, withoutMnemonic(top->text()));
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(560, 640);
}

QString HelpText::policyInForce(CaseStore *store, const QDate &date) {
    QString title;
    if (store)
        for (const PolicyPack &p : PolicyLibrary::available(*store))
            if (p.isInForceOn(date))
                title = p.title;  // the last in force, as a new review chooses
    return title.isEmpty() ? QCoreApplication::translate("HelpText", "no policy pack is in force")
                           : title;
}

QString HelpText::about(CaseStore *store) {
    QStringList packs;
    if (store)
        for (const PolicyPack &p : PolicyLibrary::available(*store))
            packs << QStringLiteral("  • %1 (%2, SHA-256 %3…)")
                         .arg(p.title, p.id, p.sha256().left(12));
    return QCoreApplication::translate("HelpText",
                                       "Discretion %1\n\nCase review for prosecutorial discretion. "
                                       "The attorney decides; the program never scores a case.\n\n"
                                       "Qt %2 (built with %3), SQLite %4.\n\nPolicy packs:\n%5"
                                       "\n\nIn force today (%6): %7")
        .arg(QStringLiteral(DISCRETION_VERSION), QString::fromLatin1(qVersion()),
             QStringLiteral(QT_VERSION_STR), CaseStore::sqliteVersion(),
             packs.isEmpty() ? QCoreApplication::translate("HelpText", "  none (no docket open)")
                             : packs.join(u'\n'),
             QLocale().toString(Clock::today(), QLocale::ShortFormat),
             policyInForce(store, Clock::today()));
}
