#include "BatchExport.h"

#include "domain/ANumber.h"
#include "sign/PdfSigner.h"

#include <QThread>
#include <QtConcurrent/QtConcurrentMap>

namespace BatchExport {
namespace {
// One PDF, start to end; returns the problem, or an empty string.
QString exportOne(const Item &item, const QPageSize &pageSize, const SigningIdentity *identity) {
    QString error;
    if (!DispositionDocument::write(item.input, pageSize, item.path, &error))
        return error;
    if (!identity)
        return {};
    const PdfSignatureDetails details{QStringLiteral("Disposition in the matter of %1")
                                          .arg(ANumber::displayDigits(item.input.theCase.aNumber)),
                                      item.input.signer.office, item.input.review.sha256()};
    return PdfSigner::sign(item.path, item.path, *identity, details, &error) ? QString() : error;
}
}  // namespace

Result run(const QList<Item> &items, const QPageSize &pageSize, const SigningIdentity *identity,
           const std::function<bool(int, int)> &progress) {
    QFuture<QString> future = QtConcurrent::mapped(items, [pageSize, identity](const Item &item) {
        return exportOne(item, pageSize, identity);
    });
    while (!future.isFinished()) {
        if (progress && !progress(future.progressValue(), int(items.size())))
            future.cancel();
        QThread::msleep(20);
    }
    future.waitForFinished();
    Result result;
    if (future.isCanceled()) {
        result.failures << QStringLiteral("cancelled");
        return result;
    }
    const QList<QString> problems = future.results();
    for (qsizetype i = 0; i < problems.size(); ++i) {
        if (problems[i].isEmpty())
            ++result.written;
        else
            result.failures << items[i].path + QStringLiteral(": ") + problems[i];
    }
    if (progress)
        progress(int(items.size()), int(items.size()));
    return result;
}
}  // namespace BatchExport
