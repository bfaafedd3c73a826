#include "CaseExporter.h"

#include "CaseJson.h"
#include "CaseMasking.h"
#include "CsvWriter.h"
#include "domain/CaseFields.h"
#include "files/PrivateFile.h"
#include "store/CasePager.h"
#include "store/CaseStore.h"

#include <QJsonDocument>

namespace CaseExporter {

bool exportCsv(const CaseStore &store, const CaseFilter &filter, const CaseSort &sort,
               const QString &path, qint64 *written, QString *error, Privacy privacy) {
    PrivateFile file(path);  // exports carry personal data
    if (!file.open(error))
        return false;
    CsvWriter writer(file.device());
    bool ok = writer.writeRecord(CaseFields::keys());
    *written = 0;
    const CasePager pager(store.database(), filter, sort);
    const CaseMasking masking;
    ok = ok && pager.forEachCase(false, [&](const Case &c) {
        const Case shown = privacy == Privacy::Masked ? masking.mask(c) : c;
        QStringList fields;
        for (const CaseField &f : CaseFields::all())
            fields << (f.kind == FieldKind::ANumber ? shown.aNumber : CaseFields::text(shown, f));
        ++*written;
        return writer.writeRecord(fields);
    });
    if (!ok)
        file.markFailed();  // a write through device() failed
    return file.commit(error);
}

bool exportJsonLines(const CaseStore &store, const CaseFilter &filter, const CaseSort &sort,
                     const QString &path, qint64 *written, QString *error, Privacy privacy) {
    PrivateFile file(path);  // exports carry personal data
    if (!file.open(error))
        return false;
    *written = 0;
    const CasePager pager(store.database(), filter, sort);
    const CaseMasking masking;
    const bool ok = pager.forEachCase(true, [&](const Case &c) {
        QByteArray line =
            QJsonDocument(CaseJson::toJson(privacy == Privacy::Masked ? masking.mask(c) : c))
                .toJson(QJsonDocument::Compact);
        line.append('\n');
        ++*written;
        return file.write(line);
    });
    if (!ok)
        file.markFailed();  // a write through device() failed
    return file.commit(error);
}
}  // namespace CaseExporter
