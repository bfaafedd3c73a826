#include "BatchExport.h"

#include "audit/AuditLog.h"
#include "domain/ANumber.h"
#include "sign/PdfSigner.h"
#include "store/CaseStore.h"
#include "store/Transaction.h"
#include "store/WorkerPool.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QSet>
#include <QThread>
#include <QtConcurrent/QtConcurrentMap>
#include <atomic>

namespace BatchExport {
QString fileName(const DispositionDocument::Input &input) {
    return QStringLiteral("disposition-A%1-v%2.pdf")
        .arg(input.theCase.aNumber)
        .arg(input.review.version);
}

QString exportOne(const Item &item, const PdfFormat &format, const SigningIdentity *identity) {
    QString error;
    if (!identity)
        return DispositionDocument::write(item.input, format, item.path, &error)
                   ? QString()
                   : (error.isEmpty()
                          ? QCoreApplication::translate("BatchExport", "cannot write %1")
                                .arg(item.path)
                          : error);
    if (!item.input.signature)
        return QCoreApplication::translate("BatchExport",
                                           "the review is not signed; sign it first");
    if (identity->certificateDer() != item.input.signature->certificate)
        return QCoreApplication::translate("BatchExport",
                                           "this identity is not the one that signed the "
                                           "review (%1)")
            .arg(item.input.signature->signer);
    // Rendered and signed in memory, written once.
    PdfSignatureDetails details = DispositionDocument::signatureDetails(item.input);
    details.timestampAuthority = format.timestampAuthority;
    details.validation = format.validation;
    details.archiveTimestamp = format.archiveTimestamp;
    const QByteArray signedPdf = PdfSigner::sign(DispositionDocument::render(item.input, format),
                                                 *identity, details, &error);
    if (signedPdf.isEmpty())
        return error;
    if (PdfSigner::writeFile(item.path, signedPdf, &error))
        return {};
    // An empty reason here once read as success ("wrote", an audit entry) on a full disk.
    return error.isEmpty()
               ? QCoreApplication::translate("BatchExport", "cannot write %1").arg(item.path)
               : error;
}

Plan plan(CaseStore &store, const QList<qint64> &caseIds, const QString &folder,
          const SigningIdentity *identity) {
    Plan plan;
    for (qint64 caseId : caseIds) {
        std::optional<DispositionDocument::Input> input =
            DispositionDocument::forCase(store, caseId);
        if (!input || !input->signature) {
            ++plan.notSigned;
            continue;
        }
        if (!input->recordProblem.isEmpty()) {
            plan.broken << ANumber::displayDigits(input->theCase.aNumber) + QStringLiteral(": ") +
                               input->recordProblem;
            continue;
        }
        if (identity && input->signature->certificate != identity->certificateDer()) {
            ++plan.otherIdentity;
            continue;
        }
        const QString name = fileName(*input);
        if (!input->liveCaseDiffers.isEmpty())
            plan.changedSinceSigning << ANumber::displayDigits(input->theCase.aNumber);
        plan.items.append({*input, QDir(folder).filePath(name)});
    }
    return plan;
}

QString changedSinceSigningText(const Plan &plan) {
    constexpr int kShown = 10;
    const QStringList &all = plan.changedSinceSigning;
    QString text = all.mid(0, kShown).join(QStringLiteral(", "));
    if (all.size() > kShown)
        text += QCoreApplication::translate("BatchExport", " and %1 more").arg(all.size() - kShown);
    return text;
}

Result run(const QList<Item> &items, const PdfFormat &format, const SigningIdentity *identity,
           const std::function<bool(int, int)> &progress) {
    std::atomic<int> written{0};
    QMutex failuresLock;
    QStringList failures;
    QStringList writtenPaths;
    QFuture<void> future = QtConcurrent::map(
        WorkerPool::instance(), items.cbegin(), items.cend(), [&](const Item &item) {
            const QString problem = exportOne(item, format, identity);
            const QMutexLocker locker(&failuresLock);
            if (problem.isEmpty()) {
                ++written;
                writtenPaths << item.path;
                return;
            }
            failures << item.path + QStringLiteral(": ") + problem;
        });
    while (!future.isFinished()) {
        if (progress && !progress(future.progressValue(), int(items.size())))
            future.cancel();
        QThread::msleep(20);
    }
    future.waitForFinished();
    Result result{written.load(), future.isCanceled(), failures, writtenPaths};
    if (progress && !result.cancelled)
        progress(int(items.size()), int(items.size()));
    return result;
}
bool recordInAudit(CaseStore &store, const QList<Item> &items, const QStringList &writtenPaths,
                   bool digitallySigned, QString *error) {
    const QSet<QString> written(writtenPaths.cbegin(), writtenPaths.cend());
    Transaction transaction(store.handle());
    if (!transaction.begin(error))
        return false;
    AuditLog audit(store.handle());
    for (const Item &item : items) {
        if (!written.contains(item.path))
            continue;
        const QJsonObject details{{QStringLiteral("file"), QFileInfo(item.path).fileName()},
                                  {QStringLiteral("review"), item.input.review.id},
                                  {QStringLiteral("version"), item.input.review.version},
                                  {QStringLiteral("record_sha256"), item.input.review.sha256()},
                                  {QStringLiteral("digitally_signed"), digitallySigned}};
        if (!audit.append(QStringLiteral("pdf.export"), QStringLiteral("case"),
                          item.input.theCase.aNumber, details, error))
            return false;
    }
    return transaction.commit(error);
}
}  // namespace BatchExport
