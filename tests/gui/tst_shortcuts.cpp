#include "CaseEditorDialog.h"
#include "CaseListView.h"
#include "DialogHelpers.h"
#include "ExportPdfDialog.h"
#include "HelpDialogs.h"
#include "IdentityDialog.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "SettingsDialog.h"
#include "TestDocket.h"
#include "policy/PolicyPack.h"
#include "review/ReviewWizard.h"
#include "store/CaseStore.h"

#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace {
// Every action reachable from the menu bar, submenus included, except the entries of
// Open Recent (file names, made at run time).
QList<QAction *> menuActions(const QMenuBar *bar) {
    QList<QAction *> out;
    std::function<void(const QMenu *)> walk = [&](const QMenu *menu) {
        for (QAction *a : menu->actions()) {
            if (a->isSeparator())
                continue;
            if (a->menu()) {
                if (a->menu()->objectName() != u"recentMenu")
                    walk(a->menu());
                continue;
            }
            out << a;
        }
    };
    for (QAction *top : bar->actions())
        if (top->menu())
            walk(top->menu());
    return out;
}

// The inputs of a window whose accessible name (its own, or its form label's) is empty.
QStringList unnamedInputs(QWidget *window, bool visibleOnly = true) {
    QStringList unnamed;
    for (QWidget *w : window->findChildren<QWidget *>()) {
        const bool input = qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) ||
                           qobject_cast<QAbstractSpinBox *>(w) ||
                           qobject_cast<QPlainTextEdit *>(w) || qobject_cast<QTableView *>(w);
        // The line edit inside a combo box or spin box is named through its owner.
        const bool part = qobject_cast<QComboBox *>(w->parentWidget()) ||
                          qobject_cast<QAbstractSpinBox *>(w->parentWidget());
        if (!input || part || (visibleOnly && !w->isVisibleTo(window)))
            continue;
        QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
        if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName();
    }
    return unnamed;
}
}  // namespace

// Keyboard-first work: every action in a menu with a shortcut, the platform's standard
// keys where there are some, the list in Help, tab order and accessible names.
class TestShortcuts : public QObject {
    Q_OBJECT
    TestDocket m_docket;

  private Q_SLOTS:
    void initTestCase() { QVERIFY(m_docket.openGenerated(300, 2)); }

    void everyMenuActionHasItsOwnShortcut() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        const QList<QAction *> actions = menuActions(w.menuBar());
        QVERIFY(actions.size() >= 30);
        QHash<QKeySequence, QString> seen;
        for (QAction *a : actions) {
            if (a->objectName() == u"actionAbout")
                continue;  // as on every desktop, About has no key of its own
            QVERIFY2(!a->shortcut().isEmpty(), qPrintable(a->text() + u" has no shortcut"_s));
            QVERIFY2(!a->objectName().isEmpty(), qPrintable(a->text() + u" has no name"_s));
            QVERIFY2(!seen.contains(a->shortcut()),
                     qPrintable(a->text() + u" and "_s + seen.value(a->shortcut())));
            seen.insert(a->shortcut(), a->text());
        }
        // Everything on the toolbar shows an icon drawn from its SVG.
        const QList<QAction *> onToolbar = w.findChild<QToolBar *>(u"mainToolBar"_s)->actions();
        QVERIFY(onToolbar.size() >= 8);
        for (QAction *a : onToolbar)
            QVERIFY2(a->isSeparator() || !a->icon().pixmap(32).isNull(), qPrintable(a->text()));
    }

    void standardActionsUseThePlatformKeys() {
        MainWindow w;
        const auto keys = [&w](const char *name) {
            return w.findChild<QAction *>(QLatin1String(name))->shortcut();
        };
        QCOMPARE(keys("actionOpenDocket"), QKeySequence(QKeySequence::Open));
        QCOMPARE(keys("actionNewCase"), QKeySequence(QKeySequence::New));
        QCOMPARE(keys("actionFind"), QKeySequence(QKeySequence::Find));
        QCOMPARE(keys("actionUndo"), QKeySequence(QKeySequence::Undo));
        // Some platforms (offscreen among them) bind no key to Quit: then Ctrl+Q.
        QCOMPARE(keys("actionQuit"), QKeySequence::keyBindings(QKeySequence::Quit)
                                         .value(0, QKeySequence(Qt::CTRL | Qt::Key_Q)));
        QCOMPARE(keys("actionDeleteCase"), QKeySequence(QKeySequence::Delete));
        QCOMPARE(keys("actionUserGuide"), QKeySequence(QKeySequence::HelpContents));
        QCOMPARE(keys("actionRefresh"), QKeySequence(QKeySequence::Refresh));
        QCOMPARE(keys("actionNextCase"), QKeySequence(Qt::Key_F8));
        // What's This? keeps Shift+F1, and the list and its search say what they are for.
        QCOMPARE(keys("actionWhatsThis"), QKeySequence(Qt::SHIFT | Qt::Key_F1));
        QVERIFY(w.findChild<QAction *>(u"actionWhatsThis"_s)->isCheckable());
        QVERIFY(keys("actionAbout").isEmpty());
        QVERIFY(!w.caseTable()->whatsThis().isEmpty());
        QVERIFY(!w.findChild<QWidget *>(u"searchEdit"_s)->whatsThis().isEmpty());
    }

    void helpListsEveryShortcut() {
        MainWindow w;
        const QList<QAction *> actions = menuActions(w.menuBar());
        QStringList listed;
        whenDialogOpens<ShortcutsDialog>([&listed](ShortcutsDialog *d) {
            auto *table = d->findChild<QTableWidget *>(u"shortcutsTable"_s);
            for (int r = 0; r < table->rowCount(); ++r)
                listed << table->item(r, 2)->text();
            d->reject();
        });
        w.findChild<QAction *>(u"actionShortcuts"_s)->trigger();
        QList<QAction *> withKeys;
        for (QAction *a : actions)
            if (!a->shortcut().isEmpty())
                withKeys << a;
        QCOMPARE(withKeys.size(), actions.size() - 1);  // all but About
        QCOMPARE(listed.size(), withKeys.size());
        for (QAction *a : withKeys)
            QVERIFY2(listed.contains(a->shortcut().toString(QKeySequence::NativeText)),
                     qPrintable(a->text()));
    }

    void helpShowsTheGuideAndAbout() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        w.findChild<QAction *>(u"actionUserGuide"_s)->trigger();
        auto *guide = w.findChild<UserGuideDialog *>();
        QVERIFY(guide && guide->isVisible());
        const QString text = guide->findChild<QTextBrowser *>(u"guideText"_s)->toPlainText();
        QVERIFY(text.contains(u"Your first review"_s));
        // The review's steps are numbered 1 to 7, each once, in order (not "3 and 4").
        QFile guideSource(u":/guide/user-guide.md"_s);
        QVERIFY(guideSource.open(QIODevice::ReadOnly));
        const QString markdown = QString::fromUtf8(guideSource.readAll());
        const QString steps = markdown.section(u"## 3. Review"_s, 1).section(u"## 4."_s, 0, 0);
        static const QRegularExpression item(u"^(\\d+)\\. \\*\\*"_s,
                                             QRegularExpression::MultilineOption);
        QList<int> numbers;
        for (const QRegularExpressionMatch &m : item.globalMatch(steps))
            numbers << m.captured(1).toInt();
        QCOMPARE(numbers, QList<int>({1, 2, 3, 4, 5, 6, 7}));
        QVERIFY(!steps.contains(u" and 4."_s));
        QVERIFY(text.contains(u"F8"_s));
        guide->close();

        MessageBox::setNextAnswer(QMessageBox::Ok);
        w.findChild<QAction *>(u"actionAbout"_s)->trigger();
        const QString about = MessageBox::lastText();
        QVERIFY(about.contains(QStringLiteral(DISCRETION_VERSION)));
        QVERIFY(about.contains(QString::fromLatin1(qVersion())));
        QVERIFY(about.contains(CaseStore::sqliteVersion()));
        for (const PolicyPack &p : PolicyPack::builtIn())
            QVERIFY2(about.contains(p.title), qPrintable(p.title));
        // Today's policy (the clock is pinned to 2026-11-29): in About and the status bar.
        const QString today =
            u"Case-by-case prosecutorial discretion after Executive Order 14159 (from 2025-01-20)"_s;
        QVERIFY2(about.contains(u"In force today ("_s) && about.contains(u"): "_s + today),
                 qPrintable(about));
        auto *status = w.findChild<QLabel *>(u"policyToday"_s);
        QVERIFY(status->text().startsWith(u"Policy today: Case-by-case"_s));
        QCOMPARE(status->toolTip(), u"<p>"_s + today + u"</p>"_s);  // rich text: it wraps
    }

    void tabWalksTheFilterBarIntoTheList() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.findChild<QAction *>(u"actionFind"_s)->trigger();
        QStringList order{QApplication::focusWidget()->objectName()};
        for (int i = 0; i < 7; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            order << QApplication::focusWidget()->objectName();
        }
        QCOMPARE(order, (QStringList{u"searchEdit"_s, u"courtFilter"_s, u"custodyFilter"_s,
                                     u"counselFilter"_s, u"statusFilter"_s, u"dispositionFilter"_s,
                                     u"hearingRangeCheck"_s, u"caseTable"_s}));
    }

    void everyInputHasAnAccessibleName() {
        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        w.show();
        QCOMPARE(unnamedInputs(&w), QStringList());
        SettingsDialog settings(w.store(), &w);
        settings.show();
        QCOMPARE(unnamedInputs(&settings), QStringList());
        CaseEditorDialog editor(*w.store(), w.store()->loadCase(1), &w);
        editor.show();
        QCOMPARE(unnamedInputs(&editor), QStringList());
        ReviewWizard wizard(*w.store(), 1, u"Reviewer"_s, QDate(2026, 11, 29), &w);
        wizard.show();
        for (int id : wizard.pageIds())  // pages not yet shown included
            QCOMPARE(unnamedInputs(wizard.page(id), false), QStringList());
        ExportPdfDialog exportDialog(*w.store(), {1}, &w);
        exportDialog.show();
        QCOMPARE(unnamedInputs(&exportDialog), QStringList());
        IdentityDialog identity(&w);
        identity.show();
        QCOMPARE(unnamedInputs(&identity), QStringList());
    }

    void theWindowFitsALaptopScreen() {
        MainWindow w;
        // The program's own icon, drawn from its SVG at any size.
        const QImage icon = w.windowIcon().pixmap(QSize(256, 256)).toImage();
        QCOMPARE(icon.size(), QSize(256, 256));
        QCOMPARE(icon.pixelColor(128, 20), QColor(0x2d, 0x4a, 0x66));  // the blue tile
        QVERIFY(w.openDocket(m_docket.path()));
        w.show();
        QVERIFY2(w.minimumSizeHint().width() <= 1280,
                 qPrintable(QString::number(w.minimumSizeHint().width())));
    }
};

QTEST_MAIN(TestShortcuts)
#include "tst_shortcuts.moc"
