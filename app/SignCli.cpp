#include "SignCli.h"

#include "Console.h"
#include "domain/ANumber.h"
#include "sign/SigningIdentity.h"
#include "store/CaseStore.h"
#include "store/ReviewStore.h"

#include <QCommandLineParser>
#include <QFile>

namespace SignCli {
namespace {
using Console::err;
using Console::out;

QByteArray passphrase() {
    if (qEnvironmentVariableIsSet("DISCRETION_PASSPHRASE"))
        return qgetenv("DISCRETION_PASSPHRASE");
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray line = in.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

// Opens the docket and finds the case; prints why not and returns 0 when it cannot.
qint64 findCase(const QCommandLineParser &p, std::unique_ptr<CaseStore> &store) {
    QString error;
    const ANumber aNumber = ANumber::parse(p.value(QStringLiteral("case")), &error);
    if (!aNumber.isValid()) {
        err() << "error: --case: " << error << '\n';
        return 0;
    }
    store =
        CaseStore::open(p.value(QStringLiteral("db")), CaseStore::OpenMode::OpenExisting, &error);
    if (!store) {
        err() << "error: " << error << '\n';
        return 0;
    }
    const qint64 id = store->findCaseId(aNumber.digits());
    if (id == 0)
        err() << "error: no case " << aNumber.display() << " in " << store->path() << '\n';
    return id;
}
}  // namespace

int sign(QCommandLineParser &p) {
    std::unique_ptr<CaseStore> store;
    const qint64 caseId = findCase(p, store);
    if (caseId == 0)
        return 2;
    QString error;
    const std::optional<SigningIdentity> identity =
        SigningIdentity::load(p.value(QStringLiteral("identity")), passphrase(), &error);
    if (!identity) {
        err() << "error: " << error << '\n';
        return 2;
    }
    ReviewStore reviews(*store);
    const std::optional<Review> review = reviews.latest(caseId);
    ReviewSignature signature;
    if (!review) {
        err() << "error: the case has no review to sign\n";
        return 1;
    }
    if (!reviews.sign(review->id, *identity, &signature, &error)) {
        err() << "error: " << error << '\n';
        return 1;
    }
    out() << "signed review version " << review->version << " of "
          << ANumber::displayDigits(review->aNumber) << " as " << signature.signer << " at "
          << signature.signedAt << ", record sha256 " << signature.recordSha256 << '\n';
    return 0;
}

int amend(QCommandLineParser &p) {
    std::unique_ptr<CaseStore> store;
    const qint64 caseId = findCase(p, store);
    if (caseId == 0)
        return 2;
    QString error;
    const std::optional<Review> amendment =
        ReviewStore(*store).amend(caseId, p.value(QStringLiteral("reason")), &error);
    if (!amendment) {
        err() << "error: " << error << '\n';
        return 1;
    }
    out() << "started version " << amendment->version << " (a draft) superseding review "
          << amendment->supersedes << '\n';
    return 0;
}
}  // namespace SignCli
