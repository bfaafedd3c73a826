#include "JsonLinesImporter.h"

#include "CaseJson.h"
#include "domain/CaseFields.h"
#include "files/InputFile.h"
#include "files/StrictJson.h"
#include "store/BulkLoad.h"
#include "store/CaseStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("JsonLinesImporter", text);
}
}  // namespace

ImportReport JsonLinesImporter::importFile(const QString &path) {
    ImportReport report;
    QFile file(path);
    if (QString why; !InputFile::openToRead(file, &why)) {
        report.fatal = tr("cannot read %1: %2").arg(path, why);
        return report;
    }
    report.fatal = utf16Problem(file);
    if (!report.fatal.isEmpty() || !importLines(file, report)) {
        report.imported = report.updated = report.skipped = 0;
        if (!report.fatal.isEmpty())
            report.fatal = tr("%1: %2 Nothing was imported.").arg(path, report.fatal);
    }
    return report;
}

bool JsonLinesImporter::importLines(QFile &file, ImportReport &report) {
    const QSet<QString> courts = m_store.courtCodes();
    BulkLoad load(m_store, CaseFields::keys(), true, QFileInfo(file.fileName()).fileName());
    if (!load.begin(&report.fatal))
        return false;
    qint64 line = 0;
    while (!file.atEnd()) {
        const QByteArray bytes = file.readLine().trimmed();
        ++line;
        if (line % 1000 == 0 && m_progress && !m_progress(file.pos(), file.size())) {
            report.cancelled = true;
            return false;
        }
        if (bytes.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
        if (!doc.isObject()) {
            report.rejected.append(
                {line,
                 {},
                 doc.isNull() ? parseError.errorString() : tr("the line is not a JSON object")});
            continue;
        }
        if (const QString duplicate = StrictJson::duplicateKey(bytes); !duplicate.isEmpty()) {
            report.rejected.append({line, {}, duplicate});
            continue;
        }
        CaseJson::Parsed parsed = CaseJson::fromJson(doc.object(), courts);
        if (!parsed.error.isEmpty()) {
            report.rejected.append({line, parsed.field, parsed.error});
            continue;
        }
        const CaseWriter::Existing existing = load.writer().find(parsed.value.aNumber);
        if (existing.id != 0 && m_onDuplicate == DuplicatePolicy::Skip) {
            ++report.skipped;
            continue;
        }
        if (!load.write(parsed.value, existing, &report.fatal))
            return false;
        ++(existing.id != 0 ? report.updated : report.imported);
    }
    return load.finish(QStringLiteral("import"), report.summary(file.fileName()), &report.fatal);
}
