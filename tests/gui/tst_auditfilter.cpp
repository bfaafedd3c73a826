#include "AuditLogDialog.h"
#include "ExampleReview.h"
#include "TestDocket.h"
#include "audit/AuditLog.h"
#include "domain/ANumber.h"
#include "models/AuditTableModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

// The audit viewer's filter: by case (an A-number in any form), by action and by a range
// of days, alone and together, down to nothing ("No entries match"). The entries are
// written at three moments of a pinned clock, so the test means the same on any day.
class TestAuditFilter : public QObject {
    Q_OBJECT
    TestDocket m_docket;
    QString m_first, m_second;  // A-number digits of cases 1 and 2
    QDateTime m_generated, m_edited, m_latest;

    // The rows the table shows, as "action about-whom day", newest first.
    static QStringList rows(const AuditLogDialog &dialog) {
        const AuditTableModel *model = dialog.model();
        auto *table = dialog.findChild<QTableView *>(u"auditTable"_s);
        if (table->model() != model)
            return {u"the table shows another model"_s};
        QStringList out;
        for (int r = 0; r < model->rowCount(); ++r) {
            const AuditEntry &e = model->entry(r);
            out << e.action + u' ' + e.entityId + u' ' +
                       QDateTime::fromString(e.at, Qt::ISODate).date().toString(Qt::ISODate);
        }
        return out;
    }

    QString row(const QString &action, const QString &who, const QDateTime &when) const {
        return action + u' ' + who + u' ' + when.date().toString(Qt::ISODate);
    }

    static bool edit(CaseStore &store, qint64 id, const QString &nationality) {
        Case c = *store.loadCase(id);
        c.nationality = nationality;
        QString error;
        if (!store.saveCase(c, &error))
            qWarning("%s", qPrintable(error));
        return error.isEmpty();
    }

  private Q_SLOTS:
    void initTestCase() {
        m_latest = PinnedClock::now();
        m_edited = m_latest.addDays(-14).addSecs(-2 * 3600);
        m_generated = m_latest.addDays(-28);
        auto store = m_docket.open();
        QVERIFY(store);
        QString error;
        Clock::setFixed(m_generated);  // the docket as it stood four weeks ago
        QVERIFY2(DocketGenerator::fill(*store, 20, 3, m_generated.date(), &error),
                 qPrintable(error));
        m_first = store->loadCase(1)->aNumber;
        m_second = store->loadCase(2)->aNumber;
        Clock::setFixed(m_edited);
        QVERIFY(edit(*store, 1, u"Honduras"_s));
        QVERIFY(edit(*store, 2, u"Guatemala"_s));
        PinnedClock::restore();
        QVERIFY(edit(*store, 1, u"El Salvador"_s));
        QVERIFY(recordExampleReview(*store, 2, u"draft"_s));
    }

    void cleanupTestCase() { PinnedClock::restore(); }

    void filtersByCaseActionAndDays() {
        auto store = m_docket.open();
        AuditLogDialog dialog(*store);
        dialog.show();
        auto *caseEdit = dialog.findChild<QLineEdit *>(u"auditCaseFilter"_s);
        auto *action = dialog.findChild<QComboBox *>(u"auditActionFilter"_s);
        auto *days = dialog.findChild<QCheckBox *>(u"auditDateRange"_s);
        auto *from = dialog.findChild<QDateEdit *>(u"auditFromDate"_s);
        auto *to = dialog.findChild<QDateEdit *>(u"auditToDate"_s);
        auto *note = dialog.findChild<QLabel *>(u"auditFilterNote"_s);
        QVERIFY(caseEdit && action && days && from && to && note);
        const int all = int(AuditLog(store->handle()).count());
        QCOMPARE(dialog.model()->rowCount(), all);  // fewer than a page: every entry
        QVERIFY(note->isHidden());

        // The actions present in the log, and only those.
        QTRY_VERIFY(action->count() > 1);
        QStringList actions;
        for (int i = 1; i < action->count(); ++i)
            actions << action->itemData(i).toString();
        QCOMPARE(action->itemData(0).toString(), QString());
        QVERIFY2(actions.contains(u"case.edit"_s) && actions.contains(u"review.save"_s) &&
                     actions.contains(u"case.import"_s) && !actions.contains(u"review.sign"_s) &&
                     !actions.contains(u"case.delete"_s),
                 qPrintable(actions.join(u", "_s)));

        // Case 1 as typed with the A and dashes: its import and its two edits.
        QTest::keyClicks(caseEdit, ANumber::fromDigits(m_first).display());
        QCOMPARE(rows(dialog), (QStringList{row(u"case.edit"_s, m_first, m_latest),
                                            row(u"case.edit"_s, m_first, m_edited),
                                            row(u"case.import"_s, m_first, m_generated)}));
        QVERIFY(note->isHidden());

        // The same case typed as bare digits in groups, and only its edits.
        caseEdit->clear();
        QTest::keyClicks(caseEdit,
                         m_first.left(3) + u' ' + m_first.mid(3, 3) + u' ' + m_first.mid(6));
        action->setCurrentIndex(action->findData(u"case.edit"_s));
        QCOMPARE(rows(dialog), (QStringList{row(u"case.edit"_s, m_first, m_latest),
                                            row(u"case.edit"_s, m_first, m_edited)}));

        // And only within the days around the first edit: all three filters at once.
        from->setDate(m_edited.toLocalTime().date().addDays(-3));
        to->setDate(m_edited.toLocalTime().date().addDays(3));
        QTest::mouseClick(days, Qt::LeftButton);
        QVERIFY(days->isChecked());
        QCOMPARE(rows(dialog), (QStringList{row(u"case.edit"_s, m_first, m_edited)}));

        // Every case's edits in those days: cases 2 and 1, newest first.
        caseEdit->clear();
        QCOMPARE(rows(dialog), (QStringList{row(u"case.edit"_s, m_second, m_edited),
                                            row(u"case.edit"_s, m_first, m_edited)}));

        // A filter that matches nothing says so.
        days->setChecked(false);
        QTest::keyClicks(caseEdit, m_first);
        action->setCurrentIndex(action->findData(u"review.save"_s));
        QCOMPARE(rows(dialog), QStringList());
        QVERIFY(note->isVisible());
        QCOMPARE(note->text(), u"No entries match these filters."_s);

        // Case 2 has the review that was saved.
        caseEdit->clear();
        QTest::keyClicks(caseEdit, u"A"_s + m_second);
        QCOMPARE(rows(dialog), (QStringList{row(u"review.save"_s, m_second, m_latest)}));
        QVERIFY(note->isHidden());

        // Half an A-number filters no case, and says why.
        action->setCurrentIndex(0);
        caseEdit->clear();
        QTest::keyClicks(caseEdit, u"A0"_s);
        QCOMPARE(dialog.model()->rowCount(), all);
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(u"not a whole A-number"_s), qPrintable(note->text()));
        caseEdit->clear();
        QCOMPARE(dialog.model()->rowCount(), all);
        QVERIFY(note->isHidden());
    }
};

QTEST_MAIN(TestAuditFilter)
#include "tst_auditfilter.moc"
