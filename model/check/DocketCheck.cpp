#include "DocketCheck.h"

#include "store/CaseStore.h"
#include "store/ReviewStore.h"
#include "store/SchemaCheck.h"

#include <QCoreApplication>

DocketCheck DocketCheck::run(CaseStore &store) {
    DocketCheck out;
    out.integrity = store.integrityProblems();
    out.audit = AuditLog(store.handle()).verify();
    const ReviewStore reviews(store);
    out.records = reviews.signedRecordProblems() + reviews.policyTextProblems();
    out.schema = SchemaCheck::differences(store.handle());
    return out;
}

bool DocketCheck::ok() const {
    return integrity.isEmpty() && audit.ok && records.isEmpty() && schema.isEmpty();
}

QStringList DocketCheck::problems() const {
    QStringList out = integrity;
    if (!audit.ok)
        out << QCoreApplication::translate("DocketCheck",
                                           "Audit log: %1 (the %2 entries before it hold)")
                   .arg(audit.problem)
                   .arg(audit.checked);
    out += records;
    for (const QString &s : schema)
        out << QCoreApplication::translate("DocketCheck", "Schema: %1").arg(s);
    return out;
}
