// A signed review in the window: it opens read-only, saying who signed it; Amend… (in the
// wizard, the Case menu and the row's menu) asks why and opens the new draft version; a
// signed case is not offered for deletion; a first review asks who the reviewer is.
#include "CaseListView.h"
#include "ExampleReview.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "ReviewController.h"
#include "Settings.h"
#include "TestDocket.h"
#include "TextPrompt.h"
#include "review/ReviewSession.h"
#include "review/ReviewWizard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QTableView>
#include <QTimer>

namespace {
// Runs what to do on the next review wizard that opens, then closes it with result.
void onNextWizard(const std::function<void(ReviewWizard *)> &what) {
    QTimer::singleShot(0, qApp, [what] {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *wizard = qobject_cast<ReviewWizard *>(w); wizard && wizard->isVisible()) {
                what(wizard);
                return;
            }
        QFAIL("no review wizard opened");
    });
}
}  // namespace

class TestAmend : public QObject {
    Q_OBJECT
    TestDocket m_docket;
    std::unique_ptr<CaseStore> m_store;
    std::optional<SigningIdentity> m_identity;
    qint64 m_caseId = 0;

  private Q_SLOTS:
    void initTestCase() {
        m_store = m_docket.open();
        Case c = makeCase(u"204555101"_qs, QString::fromUtf8("Hernández"), u"Rosa"_qs);
        QString error;
        QVERIFY(m_store->saveCase(c, &error));
        m_caseId = c.id;
        m_identity = SigningIdentity::generate({u"Ana Attorney"_qs, {}, u"OPLA"_qs, {}, {}, {}},
                                               SigningIdentity::KeyType::EcP256, 365, &error);
        QVERIFY(m_identity);
        QVERIFY(signExampleReview(*m_store, m_caseId, *m_identity));
    }

    void aSignedReviewOpensReadOnly() {
        ReviewWizard w(*m_store, m_caseId, u"Ana Attorney"_qs, QDate(2026, 11, 29));
        w.show();
        QVERIFY(w.isReadOnly());
        QVERIFY(w.windowTitle().contains(u"signed, read-only"_qs));
        auto *note = w.currentPage()->findChild<QLabel *>(u"signedNote"_qs);
        QVERIFY(note && note->isVisible());
        QVERIFY2(note->text().startsWith(u"Signed by Ana Attorney on "_qs),
                 qPrintable(note->text()));
        QVERIFY(note->text().contains(u"Amend… starts version 2"_qs));
        QVERIFY(!w.button(QWizard::CustomButton1)->isVisible());  // no Save draft
        QVERIFY(w.button(QWizard::CustomButton2)->isVisible());   // Amend…
        w.next();
        w.next();  // aggravating factors: every answer shown, none can change
        const QList<QRadioButton *> answers = w.currentPage()->findChildren<QRadioButton *>();
        QVERIFY(!answers.isEmpty());
        for (QRadioButton *b : answers)
            QVERIFY2(!b->isEnabled(), qPrintable(b->objectName()));
        while (w.currentId() != ReviewWizard::DispositionId)
            w.next();
        auto *reasons = w.currentPage()->findChild<QPlainTextEdit *>();
        QVERIFY(reasons && reasons->isReadOnly());
        const QByteArray before = ReviewStore(*m_store).latest(m_caseId)->canonicalBytes();
        w.reject();  // closing writes nothing
        QCOMPARE(ReviewStore(*m_store).latest(m_caseId)->canonicalBytes(), before);
    }

    void aSignedCaseIsNotOfferedForDeletion() {
        MainWindow main;
        QVERIFY(main.openDocket(m_docket.path()));
        main.caseTable()->selectRow(0);
        MessageBox::setNextAnswer(QMessageBox::Ok);
        main.deleteCurrentCase();
        QVERIFY2(MessageBox::lastText().contains(u"has a signed review and cannot be deleted"_qs),
                 qPrintable(MessageBox::lastText()));
        QVERIFY(m_store->loadCase(m_caseId));
    }

    void theRowMenuOffersTheCaseActions() {
        MainWindow main;
        QVERIFY(main.openDocket(m_docket.path()));
        QStringList names;
        for (QAction *a : main.rowMenu()->actions())
            if (!a->isSeparator())
                names << a->objectName();
        QCOMPARE(names,
                 (QStringList{u"actionEditCase"_qs, u"actionReview"_qs, u"actionAmend"_qs,
                              u"actionSign"_qs, u"actionCopyANumber"_qs, u"actionDeleteCase"_qs}));
        main.caseTable()->selectRow(0);
        main.findChild<QAction *>(u"actionCopyANumber"_qs)->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), u"A204-555-101"_qs);
    }

    // Amend… in the wizard asks why, then the new draft (version 2) opens, editable.
    void amendingFromTheWizardOpensTheNewVersion() {
        MainWindow main;
        QVERIFY(main.openDocket(m_docket.path()));
        main.caseTable()->selectRow(0);
        Settings::useProfileName(u"Ana Attorney"_qs);
        int version = 0;
        bool editable = false;
        onNextWizard([](ReviewWizard *w) {
            TextPrompt::setNextAnswer(u"New evidence of a pending visa petition."_qs);
            w->button(QWizard::CustomButton2)->click();
        });
        // The second wizard (the new draft) is looked at, then closed.
        QTimer::singleShot(50, qApp, [&] {
            onNextWizard([&](ReviewWizard *w) {
                version = w->session().review().version;
                editable = !w->isReadOnly();
                w->reject();
            });
        });
        main.reviewCurrentCase();
        QCOMPARE(version, 2);
        QVERIFY(editable);
        const std::optional<Review> latest = ReviewStore(*m_store).latest(m_caseId);
        QCOMPARE(latest->version, 2);
        QCOMPARE(latest->amendmentReason, u"New evidence of a pending visa petition."_qs);
        QVERIFY(TextPrompt::lastLabel().contains(u"Why is the signed review (version 1)"_qs));
    }

    // The Case menu's Amend on a review that is not signed says what to do instead.
    void amendingADraftIsExplained() {
        MainWindow main;
        QVERIFY(main.openDocket(m_docket.path()));
        main.caseTable()->selectRow(0);
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY(!main.reviews()->amend(m_caseId));
        QVERIFY(MessageBox::lastText().contains(u"Only a signed review is amended"_qs));
    }

    // With no profile name, the first review asks for one (never a placeholder), keeps it,
    // and the review records it.
    void aFirstReviewAsksWhoTheReviewerIs() {
        Case other = makeCase(u"204555102"_qs, u"Other"_qs, u"Person"_qs);
        QString error;
        QVERIFY(m_store->saveCase(other, &error));
        Settings::Preferences p = Settings::preferences();
        p.profileName.clear();
        Settings::setPreferences(p);
        MainWindow main;
        QVERIFY(main.openDocket(m_docket.path()));
        TextPrompt::setNextAnswer(u"Ben Counsel"_qs);
        QString reviewer;
        onNextWizard([&](ReviewWizard *w) {
            reviewer = w->session().review().reviewer;
            w->reject();
        });
        main.reviews()->review(other.id);
        QCOMPARE(reviewer, u"Ben Counsel"_qs);
        QCOMPARE(Settings::preferences().profileName, u"Ben Counsel"_qs);
        QVERIFY(TextPrompt::lastLabel().contains(u"Your name as it should appear"_qs));
        // Cancelled: no review opens.
        p.profileName.clear();
        Settings::setPreferences(p);
        TextPrompt::setNextAnswer(std::nullopt);
        bool opened = false;
        QTimer::singleShot(0, qApp, [&opened] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *wizard = qobject_cast<ReviewWizard *>(w); wizard && wizard->isVisible()) {
                    opened = true;
                    wizard->reject();
                }
        });
        main.reviews()->review(other.id);
        QVERIFY(!opened);
        QVERIFY(Settings::preferences().profileName.isEmpty());
    }
};

QTEST_MAIN(TestAmend)
#include "tst_amend.moc"
