#include "CaseRow.h"

#include "domain/CaseFields.h"
#include "domain/FieldText.h"
#include "domain/SearchText.h"

#include <QStringDecoder>
#include <QStringEncoder>

namespace {
// Appends text as UTF-8 straight into the row's buffer (no QByteArray per field).
void appendUtf8(QByteArray &out, QStringView text) {
    QStringEncoder encoder(QStringEncoder::Utf8, QStringConverter::Flag::Stateless);
    const qsizetype start = out.size();
    out.resize(start + encoder.requiredSpace(text.size()));
    char *end = encoder.appendToBuffer(out.data() + start, text);
    out.truncate(end - out.constData());
}

// yyyy-MM-dd, or nothing for a missing date.
void appendIsoDate(QByteArray &out, const QDate &date) {
    char digits[10];
    if (FieldText::isoDateDigits(date, digits))
        out.append(digits, sizeof digits);
    else
        appendUtf8(out, FieldText::isoDate(date));
}
}  // namespace

QByteArrayView CaseRow::value(qsizetype i) const {
    const qsizetype begin = i == 0 ? 0 : m_ends[i - 1];
    return QByteArrayView(m_bytes.constData() + begin, m_ends[i] - begin);
}

void CaseRow::append(QByteArrayView value) {
    m_bytes.append(value);
    m_ends.append(m_bytes.size());
}

CaseRowEncoder::CaseRowEncoder(const QStringList &columns) {
    for (const QString &key : columns)
        m_fields << CaseFields::find(key);
}

CaseRow CaseRowEncoder::encode(const Case &c) const {
    CaseRow row;
    row.m_bytes.reserve(512);
    for (const CaseField *field : m_fields) {
        if (auto text = std::get_if<QString Case::*>(&field->member))
            appendUtf8(row.m_bytes, c.**text);
        else
            appendIsoDate(row.m_bytes, c.*std::get<QDate Case::*>(field->member));
        row.m_ends.append(row.m_bytes.size());
    }
    appendUtf8(row.m_bytes, SearchText::fold(QString(c.familyName + u' ' + c.givenNames)));
    row.m_ends.append(row.m_bytes.size());
    appendUtf8(row.m_bytes, c.reviewStatus.isEmpty() ? QStringView(u"not_reviewed")
                                                     : QStringView(c.reviewStatus));
    row.m_ends.append(row.m_bytes.size());
    return row;
}

Case CaseRowEncoder::decode(const CaseRow &row) const {
    Case c;
    for (qsizetype i = 0; i < m_fields.size(); ++i) {
        // A value may begin with U+FEFF (a file's " \uFEFFname", trimmed); fromUtf8 would
        // drop it as if it marked the byte order.
        QStringDecoder utf8(QStringDecoder::Utf8, QStringConverter::Flag::ConvertInitialBom);
        CaseFields::setText(c, *m_fields[i], utf8.decode(row.value(i)));
    }
    return c;
}
