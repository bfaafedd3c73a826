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
    return read(record, rejected, false);
}

QList<RejectedRow> CsvRowParser::problems(const CsvRecord &record) const {
    QList<RejectedRow> found;
    read(record, found, true);
    return found;
}

std::optional<Case> CsvRowParser::read(const CsvRecord &record, QList<RejectedRow> &rejected,
                                       bool everyProblem) const {
    if (record.fields.size() != m_columns.size()) {
        rejected.append({record.line,
                         {},
                         tr("the row has %1 fields but the header has %2")
                             .arg(record.fields.size())
                             .arg(m_columns.size())});
        return std::nullopt;
    }
    Case c;
    QStringList unreadable;  // fields already reported: the validator would see them empty
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        const CaseField *field = m_columns[i];
        if (!field)
            continue;
        QString problem;
        if (!QByteArrayView(record.fields[i]).isValidUtf8()) {
            // Excel's plain "CSV (Comma delimited)" is Windows-1252: every accent fails here.
            problem = tr("the text is not valid UTF-8 (in Excel: Save As, \"CSV UTF-8\")");
        } else if (record.fields[i].contains('\0')) {
            problem = tr("the text contains a NUL byte");
        } else {
            FieldText::Parsed parsed = FieldText::parse(
                *field, CsvFormulas::unguard(QString::fromUtf8(record.fields[i])), m_courts);
            if (parsed.ok())
                CaseFields::setText(c, *field, parsed.value);
            problem = std::move(parsed.error);
        }
        if (problem.isEmpty())
            continue;
        rejected.append({record.line, field->key, problem});
        if (!everyProblem)
            return std::nullopt;
        unreadable << field->key;
    }
    bool valid = unreadable.isEmpty();
    for (const FieldIssue &issue : m_validator.validate(c)) {
        if (unreadable.contains(issue.field))
            continue;
        rejected.append({record.line, issue.field, issue.message});
        valid = false;
        if (!everyProblem)
            break;
    }
    return valid ? std::optional<Case>(std::move(c)) : std::nullopt;
}
