#pragma once

#include "review/AnswersFile.h"
#include "sign/SigningIdentity.h"
#include "store/CaseStore.h"
#include "store/ReviewStore.h"

#include <QFile>

// The example answers (resources/policies/example-answers.json) recorded as the latest
// review of a case, for tests that need real reviews in a real docket. A disposition other
// than the example's comes with the reason for leaving the usual course.
inline bool recordExampleReview(CaseStore &store, qint64 caseId, const QString &status,
                                const QString &disposition = {}) {
    QFile f(QStringLiteral(DISCRETION_SOURCE "/resources/policies/example-answers.json"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    AnswersFile::Result r = AnswersFile::read(f.readAll(), PolicyPack::builtIn());
    r.review.status = status;
    if (!disposition.isEmpty() && disposition != r.review.disposition) {
        r.review.disposition = disposition;
        r.review.deviationReason = QStringLiteral("Counsel asked for this course.");
    }
    r.review.refresh(*store.loadCase(caseId), *r.pack);
    if (const auto previous = ReviewStore(store).latest(caseId); previous && !previous->isSigned)
        r.review.id = previous->id;
    QString error;
    if (!ReviewStore(store).save(r.review, *r.pack, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    return true;
}

// Records the example review as ready and signs it with the identity.
inline bool signExampleReview(CaseStore &store, qint64 caseId, const SigningIdentity &identity,
                              const QString &disposition = {}) {
    if (!recordExampleReview(store, caseId, QStringLiteral("ready"), disposition))
        return false;
    QString error;
    if (!ReviewStore(store).sign(ReviewStore(store).latest(caseId)->id, identity, nullptr,
                                 &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    return true;
}
