// Work still running on WorkerPool when main() returns ends before the application object
// goes, as work on Qt's global pool does. A count of hearings still reading when a person
// quit (Ctrl+Q right after opening the dashboard of a 600,000-case docket) crashed the
// program at exit: the pool was a static destroyed after QtSql's connections, and its
// thread read through them. Not a QTest: what is checked happens after main() returns, so
// the test passes when the process exits 0 having printed the count (CMake checks both).
#include "TestDocket.h"
#include "store/DocketFile.h"
#include "store/ReviewQueue.h"
#include "store/WorkerPool.h"

#include <QCoreApplication>
#include <QThread>
#include <cstdio>

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    // The pool first, then QtSql's connections: the order the window makes them in.
    WorkerPool::instance();
    static TestDocket docket;  // outlives the application object, and the work
    docket.openGenerated(300, 4).reset();
    const QString path = docket.path();
    if (!DocketFile::readOnThisThread(
            path, [](QSqlDatabase &) {}, DocketFile::Priority::Foreground))
        return 2;
    WorkerPool::instance()->start([path] {
        QThread::msleep(300);  // still asleep when main() returns
        const qint64 soon = ReviewQueue::hearingsWithoutDecisionInFile(
            path, {}, QDate(2026, 11, 29), QDate(2026, 12, 13));
        std::printf("hearings soon counted after main returned: %lld\n", soon);
        std::fflush(stdout);
    });
    return 0;
}
