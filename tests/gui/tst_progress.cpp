#include "BackgroundTask.h"

#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;

// runBehindProgress: the dialog stays until the work has ended. An import reaches the end of
// its file and then builds its indexes and commits for a second or two; the dialog used to
// close at 100 % and the import dialog behind it offered Import again (a second import of the
// same file started; a new-user helper found it). Past the maximum it says the work is
// finishing, and Cancel, which could no longer stop anything, is gone.
class TestProgress : public QObject {
    Q_OBJECT

    static QProgressDialog *dialogOf(QWidget &parent) {
        return parent.findChild<QProgressDialog *>(u"testProgress"_s);
    }

  private Q_SLOTS:
    void theDialogStaysAndDropsCancelWhileTheWorkFinishes() {
        QWidget parent;
        parent.show();
        std::atomic<bool> release{false};
        bool sawFinishing = false, cancelGone = false, stillVisible = false, barFull = false;
        QTimer look;
        look.setInterval(20);
        connect(&look, &QTimer::timeout, &parent, [&] {
            QProgressDialog *dialog = dialogOf(parent);
            if (!dialog || !dialog->isVisible())
                return;
            const QString label = dialog->findChild<QLabel *>()->text();
            if (!label.contains(u"Finishing"_s))
                return;
            sawFinishing = true;
            cancelGone = dialog->findChildren<QPushButton *>().isEmpty();
            barFull = dialog->value() == dialog->maximum();  // not reset to empty at 100 %
            QTest::qWait(200);  // the work is still finishing: the dialog must stay
            stillVisible = dialog->isVisible();
            release = true;
            look.stop();
        });
        look.start();
        bool cancelled = true;
        const std::optional<int> result = runBehindProgress<int>(
            &parent, u"Working"_s, u"testProgress"_s, 10,
            [&release](QPromise<int> &promise) {
                promise.setProgressRange(0, 10);
                promise.setProgressValue(10);  // the measured part is done at once
                for (int i = 0; i < 500 && !release; ++i)
                    std::this_thread::sleep_for(std::chrono::milliseconds(10));
                promise.addResult(7);
            },
            &cancelled);
        QVERIFY(sawFinishing);
        QVERIFY(cancelGone);
        QVERIFY(stillVisible);
        QVERIFY(barFull);
        QCOMPARE(result, std::optional<int>(7));
        QVERIFY(!cancelled);
    }
};

QTEST_MAIN(TestProgress)
#include "tst_progress.moc"
