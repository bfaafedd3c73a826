#include "CsvRowParser.h"

#include "CsvWriter.h"
#include "domain/CaseFields.h"
#include "domain/FieldText.h"
#include "files/CsvReader.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("CsvImporter", text);
}
}  // namespace

CsvRowParser::CsvRowParser(QList<const CaseField *> columns, const QSet<QString> &courts,
                           QDate today)
    : m_columns(std::move(columns)), m_courts(courts), m_validator(courts, today) {}

std::optional<Case> CsvRowParser::parse(const CsvRecord &record,
                                        QList<RejectedRow> &rejected) const {
    if (record.fields.size() != m_columns.size()) {
        rejected.append({record.line,
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
            rejected.append({record.line, field->key, tr("the text is not valid UTF-8")});
            return std::nullopt;
        }
        if (record.fields[i].contains('\0')) {
            rejected.append({record.line, field->key, tr("the text contains a NUL byte")});
            return std::nullopt;
        }
        const FieldText::Parsed parsed = FieldText::parse(
            *field, CsvFormulas::unguard(QString::fromUtf8(record.fields[i])), m_courts);
        if (!parsed.ok()) {
            rejected.append({record.line, field->key, parsed.error});
            return std::nullopt;
        }
        CaseFields::setText(c, *field, parsed.value);
    }
    const QList<FieldIssue> issues = m_validator.validate(c);
    if (!issues.isEmpty()) {
        rejected.append({record.line, issues.first().field, issues.first().message});
        return std::nullopt;
    }
    return c;
}
