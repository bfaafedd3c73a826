#include "ReviewCli.h"

#include "Console.h"

#include "domain/ANumber.h"
#include "domain/Clock.h"
#include "files/InputFile.h"
#include "review/AnswersFile.h"
#include "sign/SignatureTrust.h"
#include "sign/SignedRecords.h"
#include "sign/SigningIdentity.h"
#include "sign/TrustStore.h"
#include "store/CaseStore.h"
#include "store/ReviewStore.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace ReviewCli {
namespace {
using Console::err;
using Console::out;

struct Target {
    std::unique_ptr<CaseStore> store;
    std::optional<Case> theCase;
};

Target openCase(const QCommandLineParser &p) {
    Target t;
    QString error;
    const ANumber aNumber = ANumber::parse(p.value(QStringLiteral("case")), &error);
    if (!aNumber.isValid()) {
        err() << "error: --case: " << error << '\n';
        return t;
    }
    t.store =
        CaseStore::open(p.value(QStringLiteral("db")), CaseStore::OpenMode::OpenExisting, &error);
    if (!t.store) {
        err() << "error: " << error << '\n';
        return t;
    }
    t.theCase = t.store->loadCase(t.store->findCaseId(aNumber.digits()));
    if (!t.theCase)
        err() << "error: no case " << aNumber.display() << " in " << t.store->path() << '\n';
    return t;
}

int record(const QCommandLineParser &p) {
    Target t = openCase(p);
    if (!t.theCase)
        return 2;
    QFile file(p.value(QStringLiteral("answers")));
    if (QString why; !InputFile::openToRead(file, &why)) {
        err() << "error: cannot read " << file.fileName() << ": " << why << '\n';
        return 2;
    }
    AnswersFile::Result read = AnswersFile::read(file.readAll(), PolicyPack::builtIn());
    QList<ReviewIssue> issues = read.issues;
    Review &review = read.review;
    if (read.pack) {
        review.refresh(*t.theCase, *read.pack);
        issues += ReviewChecker::forStatus(review, *read.pack);
    }
    for (const ReviewIssue &i : issues)
        err() << "invalid: " << QFileInfo(file.fileName()).fileName() << ", "
              << (i.question == u"file" ? QStringLiteral("the file") : i.question) << ": "
              << i.message << '\n';
    if (!issues.isEmpty()) {
        err() << "nothing was stored\n";
        return 1;
    }
    ReviewStore reviews(*t.store);
    if (const std::optional<Review> previous = reviews.latest(t.theCase->id)) {
        if (previous->isSigned) {
            err() << "error: the review of " << ANumber::displayDigits(t.theCase->aNumber)
                  << " is signed and cannot change; amend it first (discretion amend --db FILE "
                     "--case A-NUMBER --reason TEXT), then record the answers; nothing was "
                     "stored\n";
            return 1;
        }
        // Drafts and unsigned reviews are saved in place, keeping their place in the
        // amendment chain.
        review.id = previous->id;
        review.version = previous->version;
        review.supersedes = previous->supersedes;
        review.amendmentReason = previous->amendmentReason;
    }
    QString error;
    if (!reviews.save(review, *read.pack, &error)) {
        err() << "error: " << error << '\n';
        return 2;
    }
    if (!review.policyInForce)
        err() << "warning: policy " << review.policyId << " was not in force on "
              << review.reviewDate.toString(Qt::ISODate) << "; the record says so\n";
    out() << "recorded " << review.status << " review of " << ANumber::displayDigits(review.aNumber)
          << " under " << review.policyId << ", sha256 " << review.sha256() << '\n';
    return 0;
}

int show(const QCommandLineParser &p) {
    Target t = openCase(p);
    if (!t.theCase)
        return 2;
    const std::optional<Review> review = ReviewStore(*t.store).latest(t.theCase->id);
    if (!review) {
        err() << "error: " << ANumber::displayDigits(t.theCase->aNumber) << " has no review\n";
        return 1;
    }
    std::optional<TrustStore> trust;
    if (!Console::trustStore(p, trust))
        return 2;
    QJsonObject o{{"record", review->toJson()}, {"record_sha256", review->sha256()}};
    if (const std::optional<ReviewSignature> s = ReviewStore(*t.store).signatureOf(review->id)) {
        // "valid" says the key in the certificate signed these bytes and the circumstances
        // kept with them; who holds that key is what "trusted" says, and only a trust store
        // outside the docket can say it.
        const QString invalid = SignedRecords(*t.store).problemOf(review->id);
        QJsonObject signature{
            {"signer", s->signer},
            {"signed_at", s->signedAt},
            {"audit_head", s->auditHead},
            {"valid", invalid.isEmpty()},
            {"certificate_sha256",
             QString::fromLatin1(
                 QCryptographicHash::hash(s->certificate, QCryptographicHash::Sha256).toHex())}};
        // Without a trust store the answer is "not checked" (null), never "untrusted".
        const QString problem =
            trust ? trust->problem(s->certificate, QDateTime::fromString(s->signedAt, Qt::ISODate))
                  : QString();
        signature.insert(QStringLiteral("trusted"),
                         trust ? QJsonValue(problem.isEmpty()) : QJsonValue(QJsonValue::Null));
        if (!trust)
            signature.insert(QStringLiteral("trust_problem"),
                             QStringLiteral("not checked: no trust store (--trust FILE|DIR or "
                                            "DISCRETION_TRUST)"));
        else if (!problem.isEmpty())
            signature.insert(QStringLiteral("trust_problem"), problem);
        if (!invalid.isEmpty())
            signature.insert(QStringLiteral("problem"), invalid);
        // One of the verdicts `verify` gives a PDF, for the docket's own signature.
        const SignatureTrust judged = SignatureTrustCheck::judgeRecord(
            s->signer, s->certificate, QDateTime::fromString(s->signedAt, Qt::ISODate), invalid,
            trust ? &*trust : nullptr, Clock::nowUtc());
        signature.insert(QStringLiteral("verdict"), judged.summary);
        signature.insert(QStringLiteral("accepted"), judged.acceptable());
        signature.insert(QStringLiteral("level"), judged.level);
        signature.insert(QStringLiteral("notes"), QJsonArray::fromStringList(judged.notes));
        o.insert(QStringLiteral("signature"), signature);
    }
    out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    return 0;
}
}  // namespace

int run(QCommandLineParser &p) {
    const QStringList words = p.positionalArguments();
    if (p.value(QStringLiteral("db")).isEmpty() || p.value(QStringLiteral("case")).isEmpty()) {
        err() << "error: --db FILE and --case A-NUMBER are required\n";
        return 2;
    }
    if (words == QStringList{QStringLiteral("show")})
        return show(p);
    if (words.isEmpty() && !p.value(QStringLiteral("answers")).isEmpty())
        return record(p);
    err() << "usage: discretion review --db FILE --case A-NUMBER --answers FILE\n"
             "       discretion review show --db FILE --case A-NUMBER\n";
    return 2;
}
}  // namespace ReviewCli
