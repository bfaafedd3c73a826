#include "CaseExporter.h"

#include "CaseJson.h"
#include "CaseMasking.h"
#include "CsvWriter.h"
#include "domain/CaseFields.h"
#include "files/PrivateFile.h"
#include "store/CasePager.h"
#include "store/CaseStore.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace CaseExporter {
namespace {
constexpr qint64 kProgressEvery = 2000;

// Counts a case written; false when the caller asked to stop.
bool counted(qint64 *written, const Progress &progress, bool *cancelled) {
    ++*written;
    if (progress && *written % kProgressEvery == 0 && !progress(*written))
        *cancelled = true;
    return !*cancelled;
}

bool finish(PrivateFile &file, bool ok, bool cancelled, QString *error) {
    if (cancelled) {
        *error = cancelledMessage();
        return false;  // the save file is discarded: no file, or the earlier one kept
    }
    if (!ok)
        file.markFailed();  // a write through device() failed
    return file.commit(error);
}
}  // namespace

QString cancelledMessage() {
    return QCoreApplication::translate("CaseExporter",
                                       "Export cancelled; no file was written (an earlier file "
                                       "of that name is as it was).");
}

bool exportCsv(const CaseStore &store, const CaseFilter &filter, const CaseSort &sort,
               const QString &path, qint64 *written, QString *error, Privacy privacy,
               const Progress &progress) {
    PrivateFile file(path);  // exports carry personal data
    if (!file.open(error))
        return false;
    CsvWriter writer(file.device());
    bool ok = writer.writeRecord(CaseFields::keys());
    *written = 0;
    bool cancelled = false;
    const CasePager pager(store.database(), filter, sort);
    const CaseMasking masking;
    ok = ok && pager.forEachCase(false, [&](const Case &c) {
        const Case shown = privacy == Privacy::Masked ? masking.mask(c) : c;
        QStringList fields;
        for (const CaseField &f : CaseFields::all())
            fields << (f.kind == FieldKind::ANumber ? shown.aNumber : CaseFields::text(shown, f));
        return writer.writeRecord(fields) && counted(written, progress, &cancelled);
    });
    return finish(file, ok, cancelled, error);
}

bool exportJsonLines(const CaseStore &store, const CaseFilter &filter, const CaseSort &sort,
                     const QString &path, qint64 *written, QString *error, Privacy privacy,
                     const Progress &progress) {
    PrivateFile file(path);  // exports carry personal data
    if (!file.open(error))
        return false;
    *written = 0;
    bool cancelled = false;
    const CasePager pager(store.database(), filter, sort);
    const CaseMasking masking;
    const bool ok = pager.forEachCase(true, [&](const Case &c) {
        QByteArray line =
            QJsonDocument(CaseJson::toJson(privacy == Privacy::Masked ? masking.mask(c) : c))
                .toJson(QJsonDocument::Compact);
        line.append('\n');
        return file.write(line) && counted(written, progress, &cancelled);
    });
    return finish(file, ok, cancelled, error);
}
}  // namespace CaseExporter
