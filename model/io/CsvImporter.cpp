#include "CsvImporter.h"

#include "CsvReader.h"
#include "domain/CaseFields.h"
#include "domain/CaseValidator.h"
#include "domain/Clock.h"
#include "domain/FieldText.h"
#include "store/BulkLoad.h"
#include "store/CaseStore.h"

#include <QCoreApplication>
#include <QFile>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("CsvImporter", text);
}
constexpr int kProgressEvery = 2000;
}  // namespace

QString ImportReport::rejectedText(const RejectedRow &r) const {
    return r.column.isEmpty()
               ? QStringLiteral("line %1: %2").arg(r.line).arg(r.reason)
               : QStringLiteral("line %1, %2: %3").arg(r.line).arg(r.column, r.reason);
}

CsvImporter::CsvImporter(CaseStore &store, DuplicatePolicy onDuplicate, ImportProgress progress)
    : m_store(store), m_onDuplicate(onDuplicate), m_progress(std::move(progress)) {}

ImportReport CsvImporter::importFile(const QString &path) {
    ImportReport report;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        report.fatal = tr("cannot read %1: %2").arg(path, file.errorString());
        return report;
    }
    m_courts = m_store.courtCodes();
    if (!importRows(file, report)) {
        report.imported = report.updated = report.skipped = 0;
        if (!report.fatal.isEmpty())
            report.fatal = tr("%1: %2 Nothing was imported.").arg(path, report.fatal);
    }
    return report;
}

bool CsvImporter::readHeader(const CsvRecord &header, ImportReport &report) {
    QSet<QString> seen;
    for (const QByteArray &raw : header.fields) {
        const QString name = QString::fromUtf8(raw).trimmed();
        const CaseField *field = CaseFields::find(name);
        if (field && seen.contains(field->key)) {
            report.fatal = tr("the column %1 appears twice in the header.").arg(name);
            return false;
        }
        if (field)
            seen.insert(field->key);
        else
            report.unknownColumns << name;
        m_columns << field;
    }
    for (const char *required : {"a_number", "family_name"}) {
        if (!seen.contains(QLatin1String(required))) {
            report.fatal = tr("the header has no %1 column.").arg(QLatin1String(required));
            return false;
        }
    }
    return true;
}

bool CsvImporter::importRows(QIODevice &file, ImportReport &report) {
    CsvReader reader(&file);
    CsvRecord record;
    if (!reader.next(record)) {
        report.fatal = reader.error().isEmpty() ? tr("the file is empty.") : reader.error();
        return false;
    }
    if (!readHeader(record, report))
        return false;
    QStringList columns;
    for (const CaseField *f : m_columns)
        if (f)
            columns << f->key;
    BulkLoad load(m_store, columns, false);
    if (!load.begin(&report.fatal))
        return false;
    qint64 rows = 0;
    while (reader.next(record)) {
        if (std::optional<Case> c = parseRow(record, report);
            c && !store(*c, load.writer(), report))
            return false;
        if (++rows % kProgressEvery == 0 && m_progress &&
            !m_progress(reader.bytesRead(), file.size())) {
            report.cancelled = true;
            return false;
        }
    }
    if (!reader.error().isEmpty()) {
        report.fatal = reader.error() + u'.';
        return false;
    }
    return load.finish(&report.fatal);
}

std::optional<Case> CsvImporter::parseRow(const CsvRecord &record, ImportReport &report) const {
    if (record.fields.size() != m_columns.size()) {
        report.rejected.append({record.line,
                                {},
                                tr("the row has %1 fields but the header has %2")
                                    .arg(record.fields.size())
                                    .arg(m_columns.size())});
        return std::nullopt;
    }
    Case c;
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        const CaseField *field = m_columns[i];
        if (!field)
            continue;
        if (!QByteArrayView(record.fields[i]).isValidUtf8()) {
            report.rejected.append({record.line, field->key, tr("the text is not valid UTF-8")});
            return std::nullopt;
        }
        const FieldText::Parsed parsed =
            FieldText::parse(*field, QString::fromUtf8(record.fields[i]), m_courts);
        if (!parsed.ok()) {
            report.rejected.append({record.line, field->key, parsed.error});
            return std::nullopt;
        }
        CaseFields::setText(c, *field, parsed.value);
    }
    const QList<FieldIssue> issues = CaseValidator(m_courts, Clock::today()).validate(c);
    if (!issues.isEmpty()) {
        report.rejected.append({record.line, issues.first().field, issues.first().message});
        return std::nullopt;
    }
    return c;
}

bool CsvImporter::store(Case &c, CaseWriter &writer, ImportReport &report) {
    const CaseWriter::Existing existing = writer.find(c.aNumber);
    if (existing.id != 0 && m_onDuplicate == DuplicatePolicy::Skip) {
        ++report.skipped;
        return true;
    }
    const bool ok = existing.id != 0 ? writer.update(existing, c, &report.fatal)
                                     : writer.insert(c, &report.fatal);
    if (ok)
        ++(existing.id != 0 ? report.updated : report.imported);
    return ok;
}

CsvPreview CsvImporter::preview(const QString &path, int rows) {
    CsvPreview preview;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        preview.error = file.errorString();
        return preview;
    }
    CsvReader reader(&file);
    CsvRecord record;
    for (int i = 0; i <= rows && reader.next(record); ++i) {
        QStringList fields;
        for (const QByteArray &f : record.fields)
            fields << QString::fromUtf8(f);
        if (i == 0) {
            preview.header = fields;
            for (const QString &name : fields)
                preview.mappedTo << (CaseFields::find(name) ? CaseFields::find(name)->label
                                                            : QString());
        } else {
            preview.rows << fields;
        }
    }
    preview.error = reader.error();
    return preview;
}
