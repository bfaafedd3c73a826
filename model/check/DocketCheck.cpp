#include "DocketCheck.h"

#include "store/CaseStore.h"
#include "store/ReviewStore.h"
#include "store/SchemaCheck.h"

#include "ReviewLedger.h"

#include "domain/ANumber.h"
#include "domain/Clock.h"
#include "sign/SignatureTrust.h"
#include "sign/SignedRecords.h"
#include "sign/TrustStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("DocketCheck", text);
}

QStringList signerProblems(const ReviewStore &reviews, const TrustStore *trust) {
    QStringList out;
    QHash<QString, QByteArray> firstCertificate;  // by signer name, in signing order
    for (const auto &[aNumber, s] : reviews.allSignatures()) {
        const QString which = tr("%1 (signed by %2 at %3)")
                                  .arg(ANumber::displayDigits(aNumber), s.signer, s.signedAt);
        const QByteArray first = firstCertificate.value(s.signer, s.certificate);
        firstCertificate.insert(s.signer, first);
        if (first != s.certificate)
            out << tr("%1: another certificate than %2's first signature in this docket (%3…)")
                       .arg(which, s.signer,
                            QString::fromLatin1(
                                QCryptographicHash::hash(s.certificate, QCryptographicHash::Sha256)
                                    .toHex()
                                    .left(16)));
        else if (trust) {
            const QString problem =
                trust->problem(s.certificate, QDateTime::fromString(s.signedAt, Qt::ISODate));
            if (!problem.isEmpty())
                out << which + QStringLiteral(": ") + problem;
        }
    }
    return out;
}
}  // namespace

DocketCheck DocketCheck::run(CaseStore &store, const TrustStore *trust) {
    DocketCheck out;
    out.integrity = store.integrityProblems();
    out.audit = AuditLog(store.handle()).verify();
    const ReviewStore reviews(store);
    out.records = SignedRecords(store).problems() + reviews.policyTextProblems() +
                  reviews.rowProblems() + ReviewLedger::problems(store) + reviews.statusProblems();
    out.schema = SchemaCheck::differences(store.handle());
    out.signers = signerProblems(reviews, trust);
    for (const auto &[aNumber, s] : reviews.allSignatures()) {
        const SignatureTrust judged = SignatureTrustCheck::judgeRecord(
            s.signer, s.certificate, QDateTime::fromString(s.signedAt, Qt::ISODate), {}, nullptr,
            Clock::nowUtc());
        if (judged.verdict == SignatureTrust::Verdict::SinceExpired)
            out.sinceExpired << tr("%1 (signed by %2 at %3): %4")
                                    .arg(ANumber::displayDigits(aNumber), s.signer, s.signedAt,
                                         judged.summary);
    }
    return out;
}

bool DocketCheck::ok() const {
    return integrity.isEmpty() && audit.ok && records.isEmpty() && schema.isEmpty() &&
           signers.isEmpty();
}

QStringList DocketCheck::problems() const {
    QStringList out = integrity;
    if (!audit.ok)
        out << QCoreApplication::translate("DocketCheck",
                                           "Audit log: %1 (the %n entry(ies) before it hold)",
                                           nullptr, int(audit.checked))
                   .arg(audit.problem);
    out += records;
    for (const QString &s : schema)
        out << tr("Schema: %1").arg(s);
    for (const QString &s : signers)
        out << tr("Signer: %1").arg(s);
    return out;
}
