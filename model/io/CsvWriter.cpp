#include "CsvWriter.h"

#include <csv.h>
#include <QIODevice>

namespace CsvFormulas {
namespace {
bool isTrigger(QChar c) {
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

// Where a spreadsheet may start reading a cell: the start, and after a ';' or a tab, which
// are the separators of other locales (German or French Excel split a .csv on ';').
bool startsSegment(const QString &cell, qsizetype i) {
    return i == 0 || cell[i - 1] == u';' || cell[i - 1] == u'\t';
}
}  // namespace

QString guard(const QString &cell) {
    QString out;
    out.reserve(cell.size() + 1);
    for (qsizetype i = 0; i < cell.size(); ++i) {
        if (startsSegment(cell, i) && isTrigger(cell[i]))
            out += u'\'';
        out += cell[i];
    }
    return out;
}

QString unguard(const QString &cell) {
    QString out;
    out.reserve(cell.size());
    for (qsizetype i = 0; i < cell.size(); ++i) {
        const bool added = cell[i] == u'\'' && i + 1 < cell.size() && isTrigger(cell[i + 1]) &&
                           (i == 0 || out.endsWith(u';') || out.endsWith(u'\t'));
        if (!added)
            out += cell[i];
    }
    return out;
}

bool mayHoldGuard(QByteArrayView cell) {
    for (qsizetype i = cell.indexOf('\''); i >= 0 && i + 1 < cell.size();
         i = cell.indexOf('\'', i + 1))
        if (isTrigger(QChar::fromLatin1(cell[i + 1])))
            return true;
    return false;
}
}  // namespace CsvFormulas

namespace {
bool needsQuotes(const QByteArray &f) {
    if (f.isEmpty())
        return false;
    if (f.front() == ' ' || f.back() == ' ' || f.front() == '\t' || f.back() == '\t')
        return true;
    // ';' and tab are the separators spreadsheets use in other locales (German or French
    // Excel open .csv with ';'): quoted, "x;=1+1" stays one cell there too, not a formula.
    for (char c : f)
        if (c == ',' || c == '"' || c == '\r' || c == '\n' || c == ';' || c == '\t')
            return true;
    return false;
}
}  // namespace

bool CsvWriter::writeRecord(const QStringList &fields) {
    m_buffer.clear();
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            m_buffer.append(',');
        const QByteArray utf8 = CsvFormulas::guard(fields[i]).toUtf8();
        if (!needsQuotes(utf8)) {
            m_buffer.append(utf8);
            continue;
        }
        const size_t room = size_t(utf8.size()) * 2 + 2;
        const qsizetype start = m_buffer.size();
        m_buffer.resize(start + qsizetype(room));
        const size_t written =
            csv_write(m_buffer.data() + start, room, utf8.constData(), size_t(utf8.size()));
        m_buffer.resize(start + qsizetype(written));
    }
    m_buffer.append("\r\n");
    return m_device->write(m_buffer) == m_buffer.size();
}
