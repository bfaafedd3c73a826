#include "CaseListView.h"
#include "KeyInput.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "Settings.h"
#include "TestDocket.h"
#include "audit/AuditLog.h"
#include "audit/AuditText.h"
#include "io/JsonLinesImporter.h"
#include "models/CaseTableModel.h"
#include "report/DispositionDocument.h"
#include "review/AnswerBox.h"
#include "review/ReviewSession.h"
#include "review/ReviewWizard.h"
#include "store/ReviewStore.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QScreen>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>

namespace {
const QDate kReviewDate(2024, 3, 1);  // the 2021/2022 framework was in force

void key(int k, Qt::KeyboardModifiers m = Qt::NoModifier) {
    QWidget *target = QApplication::focusWidget();
    QVERIFY2(target, "nothing has keyboard focus");
    QTest::keyClick(target, Qt::Key(k), m);
}

void type(const QString &text) {
    typeText(QApplication::focusWidget(), text);
}

// Answers every question on the current page from the keyboard, the deliberate way: the
// page has the focus, Tab reaches the answers, Right moves to No or Unknown, Space chooses,
// Tab goes to the note and on. (Y, N, U in the lists below name the answer, not a key.)
void answerPage(ReviewWizard &w, const QList<std::pair<int, QString>> &answers) {
    QTRY_COMPARE(QApplication::focusWidget()->objectName(), u"questionsScroll"_qs);
    key(Qt::Key_Tab);
    for (qsizetype i = 0; i < answers.size(); ++i) {
        QVERIFY(qobject_cast<QRadioButton *>(QApplication::focusWidget()));
        const int steps = answers[i].first == Qt::Key_Y ? 0 : answers[i].first == Qt::Key_N ? 1 : 2;
        for (int step = 0; step < steps; ++step)
            key(Qt::Key_Right);
        key(Qt::Key_Space);
        key(Qt::Key_Tab);
        QVERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
        type(answers[i].second);
        if (i + 1 < answers.size())
            key(Qt::Key_Tab);
    }
    key(Qt::Key_Return);  // Enter in the last note goes on to the next step
    Q_UNUSED(w);
}
}  // namespace

class TestReviewWizard : public QObject {
    Q_OBJECT
    TestDocket m_docket;
    std::unique_ptr<CaseStore> m_store;
    qint64 m_caseId = 0;

    // A case with no review yet, saved in the docket (id 0 if it could not be).
    Case newCase(const QString &aNumber, const QString &familyName) {
        Case c = makeCase(aNumber, familyName);
        QString error;
        if (!m_store->saveCase(c, &error))
            qWarning("%s", qPrintable(error));
        return c;
    }

    // A new case's review made on 2026-12-01, shown, under the pack in force that day
    // (Executive Order 14159's); none if the case could not be saved or the pack differs.
    std::unique_ptr<ReviewWizard> todaysReview(const QString &aNumber, const QString &family) {
        const Case fresh = newCase(aNumber, family);
        if (fresh.id == 0)
            return nullptr;
        auto w = std::make_unique<ReviewWizard>(*m_store, fresh.id, u"A. Attorney"_qs,
                                                QDate(2026, 12, 1));
        if (w->session().pack().id != u"case-by-case-2025"_qs)
            return nullptr;
        w->show();
        return w;
    }

  private Q_SLOTS:
    void initTestCase() {
        m_store = m_docket.open();
        const ImportReport r = JsonLinesImporter(*m_store, DuplicatePolicy::Skip)
                                   .importFile(QStringLiteral(
                                       DISCRETION_SOURCE "/resources/policies/example-case.jsonl"));
        QCOMPARE(r.imported, 1);
        m_caseId = m_store->findCaseId(u"204555101"_qs);
    }

    void completesAWholeReviewFromTheKeyboard() {
        ReviewWizard w(*m_store, m_caseId, u"A. Attorney"_qs, kReviewDate);
        w.show();
        w.activateWindow();  // mnemonics such as Alt+N need an active window
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(w.findChild<QLabel *>(u"policyWarning"_qs)->isHidden());  // in force on the date
        QVERIFY(w.findChild<QTextBrowser *>(u"factsView"_qs)
                    ->toPlainText()
                    .contains(u"EOIR-28 filed 2019-05-02"_qs));
        w.button(QWizard::NextButton)->setFocus();
        key(Qt::Key_Return);  // Enter goes on to the next step
        QCOMPARE(w.currentId(), int(ReviewWizard::PrioritiesId));
        answerPage(w, {{Qt::Key_N, u"no record"_qs},
                       {Qt::Key_N, u"vacated only"_qs},
                       {Qt::Key_N, u"2009 entry"_qs}});
        QCOMPARE(w.currentId(), int(ReviewWizard::AggravatingId));
        answerPage(w, QList<std::pair<int, QString>>(5, {Qt::Key_N, u"none"_qs}));
        QCOMPARE(w.currentId(), int(ReviewWizard::MitigatingId));
        answerPage(w, {{Qt::Key_N, {}},
                       {Qt::Key_Y, u"15 years"_qs},
                       {Qt::Key_U, u"no records"_qs},
                       {Qt::Key_N, {}},
                       {Qt::Key_Y, u"provider"_qs},
                       {Qt::Key_Y, u"42B pending"_qs},
                       {Qt::Key_N, {}},
                       {Qt::Key_Y, u"employed"_qs},
                       {Qt::Key_Y, u"vacated 2016"_qs}});
        QCOMPARE(w.currentId(), int(ReviewWizard::RepresentationId));
        QVERIFY(w.findChild<QLabel *>(u"representationText"_qs)
                    ->text()
                    .contains(u"applies to this case"_qs));
        key(Qt::Key_Return);
        QCOMPARE(w.currentId(), int(ReviewWizard::DispositionId));
        // The whole policy is on the page where the disposition is weighed.
        const QString rest = w.findChild<QLabel *>(u"policyConsiderations"_qs)->text();
        QVERIFY2(
            rest.contains(u"Also weigh:"_qs) && rest.contains(u"Workplace or tenant rights"_qs) &&
                rest.contains(u"Never a factor:"_qs) && rest.contains(u"Political associations"_qs),
            qPrintable(rest));
        // Nothing is pre-selected, and Next waits for a disposition and reasons.
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        QVERIFY(w.findChild<QTextBrowser *>(u"policySays"_qs)
                    ->toPlainText()
                    .contains(u"joint motion to dismiss"_qs));
        QTRY_COMPARE(QApplication::focusWidget()->objectName(), u"disposition_dismiss"_qs);
        QVERIFY(!w.findChild<QRadioButton *>(u"disposition_dismiss"_qs)->isChecked());
        key(Qt::Key_Down);  // to the next option, join a motion to dismiss; Space chooses it
        key(Qt::Key_Space);
        QVERIFY(w.findChild<QRadioButton *>(u"disposition_joint_motion_dismiss"_qs)->isChecked());
        key(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), u"reasonsEdit"_qs);
        type(u"Not a priority; long residence and US citizen children."_qs);
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());
        key(Qt::Key_Return, Qt::ControlModifier);  // Enter is a new line here; Ctrl+Enter goes on
        QCOMPARE(w.currentId(), int(ReviewWizard::SummaryId));
        QVERIFY(w.button(QWizard::FinishButton)->isEnabled());
        QTRY_COMPARE(QApplication::focusWidget(), w.button(QWizard::FinishButton));
        key(Qt::Key_Return);  // Mark ready to sign: the default button on the last page
        QTRY_VERIFY(!w.isVisible());

        const std::optional<Review> saved = ReviewStore(*m_store).latest(m_caseId);
        QVERIFY(saved);
        QCOMPARE(saved->status, u"ready"_qs);
        QVERIFY(saved->considerationsShown.contains(u"protected_characteristics"_qs));
        QVERIFY(saved->considerationsShown.contains(u"labor_tenant_rights"_qs));
        const QString printed =
            DispositionDocument::html(*DispositionDocument::forCase(*m_store, m_caseId));
        QVERIFY(printed.contains(u"Never a factor"_qs));
        QVERIFY(printed.contains(u"The reviewer was shown these while weighing"_qs));
        QCOMPARE(saved->disposition, u"joint_motion_dismiss"_qs);
        QCOMPARE(saved->answerOf(u"health"_qs), u"unknown"_qs);
        QCOMPARE(saved->answerOf(u"presence"_qs), u"yes"_qs);
        QCOMPARE(saved->answers.size(), 17);
        QCOMPARE(m_store->loadCase(m_caseId)->reviewStatus, u"ready"_qs);
    }

    void lookingThroughAReadyReviewKeepsItReady() {
        const Review before = *ReviewStore(*m_store).latest(m_caseId);
        QCOMPARE(before.status, u"ready"_qs);
        {
            ReviewWizard w(*m_store, m_caseId, u"A. Attorney"_qs, kReviewDate);
            w.show();
            while (w.currentId() != int(ReviewWizard::SummaryId)) {
                const int was = w.currentId();
                w.next();
                QVERIFY(w.currentId() != was);
            }
            w.reject();
        }
        const Review after = *ReviewStore(*m_store).latest(m_caseId);
        QCOMPARE(after.status, u"ready"_qs);
        QCOMPARE(after.id, before.id);
        QCOMPARE(after.sha256(), before.sha256());
        QCOMPARE(m_store->loadCase(m_caseId)->reviewStatus, u"ready"_qs);
    }

    void aDraftResumesWhereItWasLeft() {
        {
            ReviewSession s(*m_store, m_caseId, PolicyPack::builtIn(), kReviewDate,
                            u"A. Attorney"_qs);
            QVERIFY(s.resumed());
            s.setDisposition(u"decline_pd"_qs);
            QVERIFY(s.deviates());  // the usual course is the joint motion
            QString error;
            QVERIFY(!s.save(u"ready"_qs, &error));
            QVERIFY2(error.startsWith(u"deviation_reason"_qs), qPrintable(error));
            QVERIFY(s.save(u"draft"_qs, &error));
        }
        ReviewWizard w(*m_store, m_caseId, u"A. Attorney"_qs, kReviewDate);
        w.show();
        w.next();
        QCOMPARE(w.currentId(), int(ReviewWizard::PrioritiesId));
        QVERIFY(w.findChild<QRadioButton *>(u"national_security_no"_qs)->isChecked());
        while (w.currentId() != int(ReviewWizard::DispositionId))
            w.next();
        QVERIFY(w.findChild<QRadioButton *>(u"disposition_decline_pd"_qs)->isChecked());
        QVERIFY(w.findChild<QPlainTextEdit *>(u"deviationEdit"_qs)->isVisible());
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());  // needs a reason to depart
        w.findChild<QPlainTextEdit *>(u"deviationEdit"_qs)
            ->setPlainText(u"A new charge is pending."_qs);
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());
    }

    // The walk-through's accident: a note typed before pressing Tab changed "B. Public
    // safety" to No. Now the page has the focus, letters answer nothing, and an answer
    // changed by a click is marked until the draft is saved.
    void typingBeforeTabChangesNoAnswer() {
        const Case fresh = newCase(u"099000333"_qs, u"Typist"_qs);
        QVERIFY(fresh.id != 0);
        ReviewWizard w(*m_store, fresh.id, u"A. Attorney"_qs, kReviewDate);
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.next();
        QCOMPARE(w.currentId(), int(ReviewWizard::PrioritiesId));
        QTRY_COMPARE(QApplication::focusWidget()->objectName(), u"questionsScroll"_qs);
        type(u"No record found; Unknown yet"_qs);
        const QList<AnswerBox *> boxes = w.currentPage()->findChildren<AnswerBox *>();
        QVERIFY(!boxes.isEmpty());
        for (AnswerBox *box : boxes) {
            QVERIFY2(box->value().isEmpty(), qPrintable(box->itemId()));
            QVERIFY(!box->isMarkedChanged());
        }
        AnswerBox *first = boxes.first();
        QTest::mouseClick(first->findChild<QRadioButton *>(first->itemId() + u"_no"_qs),
                          Qt::LeftButton);
        QCOMPARE(first->value(), u"no"_qs);
        QVERIFY(first->isMarkedChanged());
        QVERIFY(first->title().endsWith(u"changed, not yet saved"_qs));
        QVERIFY(w.saveDraft());
        QVERIFY(!first->isMarkedChanged());
        QVERIFY(!first->title().contains(u"changed"_qs));
        w.reject();
    }

    void aPackOutOfForceIsFlaggedOnEveryPage() {
        const Case fresh = newCase(u"099000111"_qs, u"Newcase"_qs);
        QVERIFY(fresh.id != 0);
        // The 2021 framework chosen (Settings › Default policy) for a review made today.
        ReviewWizard w(*m_store, fresh.id, u"A. Attorney"_qs, QDate(2026, 11, 29), nullptr,
                       u"dhs-2021-guidelines-opla-2022"_qs);
        w.show();
        for (int page = 0; page < 3; ++page, w.next())
            QVERIFY(!w.currentPage()->findChild<QLabel *>(u"policyWarning"_qs)->isHidden());
    }

    // The window stays where and as large as it opened from page to page: at 1280x800 it
    // grew from 860 to 1018 pixels wide on Next (a long step description), moving the Next
    // button from under the pointer.
    void theWindowKeepsItsSizeFromPageToPage() {
        const Case fresh = newCase(u"099000919"_qs, u"Steady"_qs);
        QVERIFY(fresh.id != 0);
        // The 2021 framework asks something on every page: all seven are walked.
        ReviewWizard w(*m_store, fresh.id, u"A. Attorney"_qs, QDate(2026, 12, 1), nullptr,
                       u"dhs-2021-guidelines-opla-2022"_qs);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QSize opened = w.size();
        // As tall as the screen allows, up to 760 pixels (the disposition step was cramped at
        // 680); and "Close", since closing keeps a draft.
        const QSize room = w.screen()->availableGeometry().size() - QSize(40, 40);
        QCOMPARE(opened.height(), qMin(760, room.height()));
        QCOMPARE(w.button(QWizard::CancelButton)->text(), u"&Close"_qs);
        for (int page = 0; page < 6; ++page) {
            w.next();
            QCoreApplication::processEvents();
            QVERIFY2(w.size() == opened,
                     qPrintable(u"page %1 (%2): %3x%4, opened %5x%6"_qs.arg(page + 2)
                                    .arg(w.currentPage()->title())
                                    .arg(w.width())
                                    .arg(w.height())
                                    .arg(opened.width())
                                    .arg(opened.height())));
        }
        w.reject();
    }

    // Executive Order 14159's pack asks no priority or factor questions: those three steps
    // said only "This policy asks no questions of this kind". They are passed over and the
    // steps numbered without them; choosing a pack that asks them brings them back.
    void stepsThePolicyAsksNothingInArePassedOver() {
        const auto wizard = todaysReview(u"099000929"_qs, u"Skipped"_qs);
        QVERIFY(wizard);
        ReviewWizard &w = *wizard;
        QCOMPARE(w.currentPage()->title(), u"Step 1 of 4: Facts"_qs);
        w.next();
        QCOMPARE(w.currentId(), int(ReviewWizard::RepresentationId));
        QCOMPARE(w.currentPage()->title(), u"Step 2 of 4: Representation and procedure"_qs);
        w.back();
        QCOMPARE(w.currentId(), int(ReviewWizard::FactsId));
        auto *packs = w.currentPage()->findChild<QComboBox *>(u"policyChoice"_qs);
        QVERIFY(packs);
        packs->setCurrentIndex(packs->findData(u"dhs-2021-guidelines-opla-2022"_qs));
        QCOMPARE(w.session().pack().id, u"dhs-2021-guidelines-opla-2022"_qs);
        QCOMPARE(w.currentPage()->title(), u"Step 1 of 7: Facts"_qs);
        w.next();
        QCOMPARE(w.currentId(), int(ReviewWizard::PrioritiesId));
        QCOMPARE(w.currentPage()->title(), u"Step 2 of 7: Enforcement priorities"_qs);
        w.reject();
    }

    // Today's review defaults to the pack in force today: Executive Order 14159's.
    void todaysReviewUsesTheCurrentPack() {
        const auto w = todaysReview(u"099000444"_qs, u"Today"_qs);
        QVERIFY(w);
        QVERIFY(w->findChild<QLabel *>(u"policyWarning"_qs)->isHidden());
        w->reject();
        QVERIFY2(!ReviewStore(*m_store).latest(w->session().caseRecord().id),
                 "opened and closed: no draft");
    }

    // The title says where the attorney is; a draft reopens where it was left (Back still
    // reaches the pages before it); the History shows one line for the draft, not one per
    // page that saved it.
    void stepsResumeAndOneHistoryLinePerDraft() {
        const Case fresh = newCase(u"099000555"_qs, u"Resumed"_qs);
        QVERIFY(fresh.id != 0);
        {
            ReviewWizard w(*m_store, fresh.id, u"A. Attorney"_qs, kReviewDate);
            w.show();
            QCOMPARE(w.currentPage()->title(), u"Step 1 of 7: Facts"_qs);
            w.next();
            QCOMPARE(w.currentPage()->title(), u"Step 2 of 7: Enforcement priorities"_qs);
            auto *save = w.findChild<QAbstractButton *>(u"saveDraftButton"_qs);
            QCOMPARE(save->text(), u"Save &draft"_qs);  // nothing to save yet, nothing saved
            QVERIFY(!save->isEnabled());
            w.session().setAnswer(u"national_security"_qs, u"no"_qs, {});
            QCOMPARE(save->text(), u"Save &draft"_qs);
            QVERIFY(save->isEnabled());
            save->click();
            QCOMPARE(save->text(), u"Saved"_qs);  // the click is answered where it was made
            QVERIFY(!save->isEnabled());
            w.next();  // nothing more to save
            w.session().setAnswer(u"gravity"_qs, u"no"_qs, {});
            w.next();  // saves it again
            QCOMPARE(w.currentId(), int(ReviewWizard::MitigatingId));
            QVERIFY(w.currentPage()->title().startsWith(u"Step 4 of 7: "_qs));
            w.reject();
        }
        ReviewWizard again(*m_store, fresh.id, u"A. Attorney"_qs, kReviewDate);
        again.show();
        QCOMPARE(again.findChild<QAbstractButton *>(u"saveDraftButton"_qs)->text(), u"Saved"_qs);
        QCOMPARE(again.currentId(), int(ReviewWizard::MitigatingId));
        QVERIFY(again.currentPage()->title().startsWith(u"Step 4 of 7: "_qs));
        again.back();
        QCOMPARE(again.currentId(), int(ReviewWizard::AggravatingId));
        again.reject();

        const QList<AuditEntry> entries =
            AuditLog(m_store->handle()).entriesFor(u"case"_qs, u"099000555"_qs, 50);
        const QList<AuditText::HistoryLine> lines = AuditText::history(entries);
        qsizetype saves = 0, draftLines = 0;
        for (const AuditEntry &e : entries)
            saves += e.action == u"review.save";
        for (const AuditText::HistoryLine &line : lines)
            draftLines += line.entries.first().action == u"review.save";
        QCOMPARE(saves, 2);
        QCOMPARE(draftLines, 1);
        QVERIFY2(lines.first().text.endsWith(u" · 2 saves of this draft"_qs),
                 qPrintable(lines.first().text));
    }

    // The summary names what is missing by the question's label, and a click goes there.
    void summaryLinksGoToTheMissingQuestion() {
        const Case fresh = newCase(u"099000666"_qs, u"Missing"_qs);
        QVERIFY(fresh.id != 0);
        ReviewWizard w(*m_store, fresh.id, u"A. Attorney"_qs, kReviewDate);
        w.show();
        while (w.currentId() != int(ReviewWizard::SummaryId))
            w.next();
        auto *summary = w.findChild<QTextBrowser *>(u"reviewSummary"_qs);
        const QString text = summary->toPlainText();
        QVERIFY2(text.contains(u"B. Public safety: not answered"_qs), qPrintable(text));
        QVERIFY2(!text.contains(u"public_safety"_qs), qPrintable(text));
        QVERIFY2(summary->toHtml().contains(u"question:public_safety"_qs), "not a link");
        Q_EMIT summary->anchorClicked(QUrl(u"question:public_safety"_qs));
        QCOMPARE(w.currentId(), int(ReviewWizard::PrioritiesId));
        QTRY_VERIFY(QApplication::focusWidget() &&
                    w.findChild<QWidget *>(u"answer_public_safety"_qs)
                        ->isAncestorOf(QApplication::focusWidget()));
        while (w.currentId() != int(ReviewWizard::SummaryId))
            w.next();
        Q_EMIT summary->anchorClicked(QUrl(u"question:reasons"_qs));
        QCOMPARE(w.currentId(), int(ReviewWizard::DispositionId));
        QTRY_COMPARE(QApplication::focusWidget()->objectName(), u"reasonsEdit"_qs);
        w.reject();
    }

    // Represented, but a priority answered yes: the represented person's usual course
    // (a joint motion to dismiss) does not apply, and the page says why.
    void representationAppliesOnlyWhenEveryConditionHolds() {
        Case c = makeCase(u"099000777"_qs, u"Counsel"_qs);
        c.counselName = u"Ana Beltrán"_qs;
        c.eoir28Date = QDate(2023, 2, 1);
        QString error;
        QVERIFY2(m_store->saveCase(c, &error), qPrintable(error));
        ReviewWizard w(*m_store, c.id, u"A. Attorney"_qs, kReviewDate);
        w.show();
        w.session().setAnswer(u"national_security"_qs, u"no"_qs, {});
        w.session().setAnswer(u"public_safety"_qs, u"yes"_qs, {});
        w.session().setAnswer(u"border_security"_qs, u"no"_qs, {});
        while (w.currentId() != int(ReviewWizard::RepresentationId))
            w.next();
        QString text = w.findChild<QLabel *>(u"representationText"_qs)->text();
        QVERIFY2(!text.contains(u"applies to this case"_qs), qPrintable(text));
        QVERIFY2(text.contains(u"does not apply: B. Public safety: answered yes"_qs),
                 qPrintable(text));
        // The note for people without a lawyer says first that this person has one.
        QVERIFY2(text.contains(u"does not apply: Represented by counsel (EOIR-28 on file): yes"_qs),
                 qPrintable(text));
        QVERIFY2(text.contains(u"Guidance to OPLA Attorneys"_qs), "the citation names its source");
        w.back();
        w.session().setAnswer(u"public_safety"_qs, u"no"_qs, {});
        w.next();
        text = w.findChild<QLabel *>(u"representationText"_qs)->text();
        QVERIFY2(text.contains(u"applies to this case"_qs), qPrintable(text));
        w.reject();
    }

    void closingUntouchedLeavesNoDraft() {
        const Case fresh = newCase(u"099000222"_qs, u"Untouched"_qs);
        QVERIFY(fresh.id != 0);
        {
            ReviewWizard w(*m_store, fresh.id, u"A. Attorney"_qs, kReviewDate);
            w.show();
            w.reject();
        }
        QVERIFY(!ReviewStore(*m_store).latest(fresh.id));
        QCOMPARE(m_store->loadCase(fresh.id)->reviewStatus, u"not_reviewed"_qs);
    }

    void closingFromTheWindowUntouchedLeavesNoDraft() {
        const Case fresh = newCase(u"099000888"_qs, u"Window"_qs);
        QVERIFY(fresh.id != 0);
        MainWindow main;
        QVERIFY(main.openDocket(m_docket.path()));
        Settings::useProfileName(u"A. Attorney"_qs);
        int row = -1;
        for (int r = 0; r < main.caseModel()->rowCount(); ++r)
            if (main.caseModel()->caseId(r) == fresh.id)
                row = r;
        QVERIFY(row >= 0);
        main.caseTable()->selectRow(row);
        QTimer::singleShot(0, &main, [] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *wizard = qobject_cast<ReviewWizard *>(w))
                    wizard->reject();
        });
        main.reviewCurrentCase();
        QVERIFY2(!ReviewStore(*m_store).latest(fresh.id), "opened and closed: no draft");
    }

    void theCaseMenuOpensTheReview() {
        MainWindow main;
        QVERIFY(main.openDocket(m_docket.path()));
        main.caseTable()->selectRow(0);
        Settings::useProfileName(u"A. Attorney"_qs);
        QTimer::singleShot(0, &main, [] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *wizard = qobject_cast<ReviewWizard *>(w))
                    wizard->reject();
        });
        main.reviewCurrentCase();
        QCOMPARE(main.caseModel()
                     ->data(main.caseModel()->index(0, CaseTableModel::StatusColumn))
                     .toString(),
                 u"Draft"_qs);
    }
};

QTEST_MAIN(TestReviewWizard)
#include "tst_reviewwizard.moc"
