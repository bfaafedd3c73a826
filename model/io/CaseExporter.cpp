#include "CaseExporter.h"

#include "CaseJson.h"
#include "CaseMasking.h"
#include "CsvWriter.h"
#include "domain/CaseFields.h"
#include "store/CasePager.h"
#include "store/CaseStore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSaveFile>

namespace CaseExporter {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("CaseExporter", text);
}

// Opens a QSaveFile that only its owner may read: exports carry personal data.
bool openPrivate(QSaveFile &file, QString *error) {
    if (file.open(QIODevice::WriteOnly) &&
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return true;
    *error = tr("cannot write %1: %2").arg(file.fileName(), file.errorString());
    return false;
}

bool commit(QSaveFile &file, bool ok, QString *error) {
    if (ok && file.commit())
        return true;
    file.cancelWriting();
    if (error->isEmpty())
        *error = tr("cannot write %1: %2").arg(file.fileName(), file.errorString());
    return false;
}
}  // namespace

bool exportCsv(const CaseStore &store, const CaseFilter &filter, const CaseSort &sort,
               const QString &path, qint64 *written, QString *error, Privacy privacy) {
    QSaveFile file(path);
    if (!openPrivate(file, error))
        return false;
    CsvWriter writer(&file);
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
    return commit(file, ok, error);
}

bool exportJsonLines(const CaseStore &store, const CaseFilter &filter, const CaseSort &sort,
                     const QString &path, qint64 *written, QString *error, Privacy privacy) {
    QSaveFile file(path);
    if (!openPrivate(file, error))
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
        return file.write(line) == line.size();
    });
    return commit(file, ok, error);
}
}  // namespace CaseExporter
