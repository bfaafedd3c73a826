#pragma once

#include <QCoreApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QProgressDialog>
#include "store/WorkerPool.h"

#include <QtConcurrent/QtConcurrentRun>
#include <optional>

// Long work (an import, an export) runs on a worker thread while the window keeps
// painting: work(QPromise<Result> &) runs there behind a window-modal progress dialog
// (shown after 300 ms; a busy bar when maximum is 0) whose Cancel sets
// promise.isCanceled(). The dialog stays until the work ends: at the maximum it says the
// work is finishing and drops Cancel (an import still builds its indexes and commits for a
// second or two there; the dialog used to close and offer Import again meanwhile). Returns
// the result the work added, or nothing; *cancelled says whether Cancel was pressed, which
// the work may have seen too late to stop: its result says what happened.
template <typename Result, typename Work>
std::optional<Result> runBehindProgress(QWidget *parent, const QString &label,
                                        const QString &objectName, int maximum, Work work,
                                        bool *cancelled) {
    QProgressDialog progress(label, QCoreApplication::translate("BackgroundTask", "Cancel"), 0,
                             maximum, parent);
    progress.setObjectName(objectName);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    QFutureWatcher<Result> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<Result>::progressValueChanged, &progress,
                     &QProgressDialog::setValue);
    QObject::connect(&progress, &QProgressDialog::canceled, &watcher,
                     &QFutureWatcher<Result>::cancel);
    QObject::connect(&watcher, &QFutureWatcher<Result>::progressValueChanged, &progress,
                     [&progress, label, maximum](int value) {
                         if (maximum <= 0 || value < maximum || progress.wasCanceled())
                             return;
                         progress.setLabelText(
                             label + u'\n' +
                             QCoreApplication::translate(
                                 "BackgroundTask", "Finishing; this can no longer be cancelled."));
                         progress.setCancelButton(nullptr);
                         progress.show();  // the rows may have taken less than 300 ms
                     });
    QObject::connect(&watcher, &QFutureWatcher<Result>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(WorkerPool::run(std::move(work)));
    if (!watcher.isFinished())
        loop.exec();
    watcher.waitForFinished();
    progress.reset();
    *cancelled = watcher.future().isCanceled();
    if (watcher.future().resultCount() == 0)
        return std::nullopt;
    return watcher.future().result();
}
