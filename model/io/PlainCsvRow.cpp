#include "PlainCsvRow.h"

#include "CsvWriter.h"
#include "domain/CaseFields.h"
#include "domain/Codes.h"
#include "domain/FieldText.h"
#include "domain/SearchText.h"
#include "files/CsvReader.h"

#include <QChar>
#include <algorithm>

namespace {
int fieldIndex(const char *key) {
    const QList<CaseField> &all = CaseFields::all();
    for (qsizetype i = 0; i < all.size(); ++i)
        if (all[i].key == QLatin1String(key))
            return int(i);
    return -1;
}

// The dates CaseValidator holds between 1900 and today (the "none found" dates included).
bool isPastDate(const QString &key) {
    return key != QLatin1String("next_hearing_date");
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

int number(QByteArrayView digits) {
    int value = 0;
    for (char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

bool isContinuation(char c) {
    return (uchar(c) & 0xC0) == 0x80;
}

// The code point a valid UTF-8 sequence starts with.
char32_t decodeAt(QByteArrayView text, qsizetype at) {
    const uchar lead = uchar(text[at]);
    if (lead < 0x80)
        return lead;
    const int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    char32_t cp = lead & (0x3F >> (length - 1));
    for (int i = 1; i < length; ++i)
        cp = (cp << 6) | (uchar(text[at + i]) & 0x3F);
    return cp;
}

// What QString::trimmed() would take off either end (valid UTF-8, not empty).
bool hasEdgeSpace(QByteArrayView text) {
    qsizetype last = text.size() - 1;
    while (last > 0 && isContinuation(text[last]))
        --last;
    return QChar::isSpace(decodeAt(text, 0)) || QChar::isSpace(decodeAt(text, last));
}

// What RecordText may refuse, left to the careful path: a control character by QChar's
// category (C0, DEL, and C1: U+0080..U+009F, C2 80..C2 9F), a line or paragraph separator
// or a direction override (U+2028..U+202E, E2 80 A8..AE) and a direction isolate
// (U+2066..U+2069, E2 81 A6..A9).
bool hasControl(QByteArrayView text) {
    for (qsizetype i = 0; i < text.size(); ++i) {
        const uchar c = uchar(text[i]);
        const uchar next = i + 1 < text.size() ? uchar(text[i + 1]) : 0;
        const uchar third = i + 2 < text.size() ? uchar(text[i + 2]) : 0;
        if (c < 0x20 || c == 0x7F || (c == 0xC2 && next < 0xA0 && next != 0))
            return true;
        if (c == 0xE2 && ((next == 0x80 && third >= 0xA8 && third <= 0xAE) ||
                          (next == 0x81 && third >= 0xA6 && third <= 0xA9)))
            return true;
    }
    return false;
}

// QString::fromUtf8, which the careful path reads each field with, drops a byte order mark
// at the start of the bytes it is given.
bool startsWithBom(QByteArrayView text) {
    return text.startsWith("\xEF\xBB\xBF");
}

// The careful path upper-cases a court code before looking it up (in Unicode); a code
// already in ASCII capitals is the only one that certainly reads as itself.
bool isUpperAscii(QByteArrayView text) {
    return std::none_of(text.begin(), text.end(),
                        [](char c) { return uchar(c) >= 0x80 || (c >= 'a' && c <= 'z'); });
}

bool isAscii(QByteArrayView text) {
    for (char c : text)
        if (uchar(c) >= 0x80)
            return false;
    return true;
}
}  // namespace

PlainCsvRow::PlainCsvRow(const QList<const CaseField *> &columns, const QSet<QString> &courts,
                         QDate today)
    : m_today(FieldText::isoDate(today).toLatin1()) {
    const QList<CaseField> &all = CaseFields::all();
    for (const CaseField *field : columns) {
        Column column;
        if (field) {
            column.field = int(field - all.constData());
            column.required = field->required;
            switch (field->kind) {
                case FieldKind::Text:
                    column.rule = Rule::Text;
                    break;
                case FieldKind::Date:
                    column.rule = isPastDate(field->key) ? Rule::PastDate : Rule::Date;
                    break;
                case FieldKind::Code:
                    column.rule = Rule::Code;
                    break;
                case FieldKind::ANumber:
                    column.rule = Rule::ANumber;
                    break;
                case FieldKind::Court:
                    column.rule = Rule::Court;
                    break;
            }
            if (field->codes)
                for (const CodeOption &option : field->codes->options())
                    column.codes << option.code.toUtf8();
        }
        m_columns << column;
    }
    for (const QString &court : courts)
        m_courts.insert(court.toUtf8());
    m_family = fieldIndex("family_name");
    m_given = fieldIndex("given_names");
    m_counsel = fieldIndex("counsel_name");
    m_barNumber = fieldIndex("counsel_bar_number");
    m_eoir28 = fieldIndex("eoir28_date");
    m_birth = fieldIndex("date_of_birth");
    m_nta = fieldIndex("nta_date");
    m_hearing = fieldIndex("next_hearing_date");
    for (const char *key : {"entry_date", "first_presence_date", "apprehension_date", "nta_date"})
        m_afterBirth << fieldIndex(key);
}

bool PlainCsvRow::plainDate(QByteArrayView v, bool past) const {
    if (v.size() != 10 || v[4] != '-' || v[7] != '-')
        return false;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!isDigit(v[i]))
            return false;
    const int year = number(v.sliced(0, 4));
    if (!QDate::isValid(year, number(v.sliced(5, 2)), number(v.sliced(8, 2))))
        return false;
    return !past || (v >= QByteArrayView("1900-01-01") && v <= QByteArrayView(m_today));
}

bool PlainCsvRow::plainValue(const Column &column, QByteArrayView v) const {
    if (v.isEmpty())
        return !column.required;
    switch (column.rule) {
        case Rule::Ignored:
            return true;
        case Rule::Text:
            return v.size() <= FieldText::kMaxFieldLength && v.isValidUtf8() && !hasControl(v) &&
                   !startsWithBom(v) && !hasEdgeSpace(v) && !CsvFormulas::mayHoldGuard(v);
        case Rule::Date:
            return plainDate(v, false);
        case Rule::PastDate:
            return plainDate(v, true);
        case Rule::Code:
            return column.codes.contains(v);
        case Rule::Court:
            return isUpperAscii(v) && m_courts.contains(v.toByteArray());
        case Rule::ANumber:
            return v.size() == 9 && std::all_of(v.begin(), v.end(), isDigit) &&
                   v != QByteArrayView("000000000");
    }
    return false;
}

// CaseValidator's rules across fields, on ISO dates (which compare as text).
bool PlainCsvRow::crossChecks(const QByteArrayView *byField) const {
    const QByteArrayView nta = byField[m_nta], hearing = byField[m_hearing];
    if (!nta.isEmpty() && !hearing.isEmpty() && hearing < nta)
        return false;
    if (const QByteArrayView birth = byField[m_birth]; !birth.isEmpty())
        for (int field : m_afterBirth)
            if (!byField[field].isEmpty() && byField[field] < birth)
                return false;
    return !byField[m_counsel].isEmpty() ||
           (byField[m_eoir28].isEmpty() && byField[m_barNumber].isEmpty());
}

// SearchText::fold of "family given": for ASCII, letters and digits in lower case, the
// apostrophes dropped, anything else a single space between words.
void PlainCsvRow::appendSearchName(CaseRow &row, QByteArrayView family, QByteArrayView given) {
    if (!isAscii(family) || !isAscii(given)) {
        const QString name = QString::fromUtf8(family) + u' ' + QString::fromUtf8(given);
        row.append(SearchText::fold(name).toUtf8());
        return;
    }
    QVarLengthArray<char, 128> out;
    bool space = false;
    for (QByteArrayView part : {family, QByteArrayView(" "), given})
        for (char c : part) {
            if (c == '\'' || c == '`')
                continue;
            if (!isDigit(c) && !QChar::isLetter(uchar(c))) {
                space = !out.isEmpty();
                continue;
            }
            if (space)
                out.append(' ');
            space = false;
            out.append(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
        }
    row.append(QByteArrayView(out.constData(), out.size()));
}

bool PlainCsvRow::encode(const CsvRecord &record, CaseRow &row) const {
    if (record.fields.size() != m_columns.size())
        return false;
    // Every field's value, empty for a field the file has no column for.
    QVarLengthArray<QByteArrayView, 32> byField(CaseFields::all().size());
    std::fill(byField.begin(), byField.end(), QByteArrayView());
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        const Column &column = m_columns[i];
        if (column.rule == Rule::Ignored)
            continue;
        const QByteArrayView value(record.fields[i]);
        if (!plainValue(column, value))
            return false;
        byField[column.field] = value;
        row.append(value);
    }
    if (!crossChecks(byField.constData()))
        return false;
    appendSearchName(row, byField[m_family], byField[m_given]);
    row.append("not_reviewed");
    return true;
}
