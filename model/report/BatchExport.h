#pragma once

#include "DispositionDocument.h"

#include <functional>

// Writes many disposition PDFs at once on every core (QtConcurrent): each one rendered,
// written through QSaveFile and, when an identity is given, digitally signed.
namespace BatchExport {
struct Item {
    DispositionDocument::Input input;
    QString path;
};
struct Result {
    int written = 0;
    QStringList failures;  // "path: reason"
};
// progress(done, total) runs on the calling thread; returning false cancels what has not started.
Result run(const QList<Item> &items, const QPageSize &pageSize, const SigningIdentity *identity,
           const std::function<bool(int, int)> &progress = {});
}  // namespace BatchExport
