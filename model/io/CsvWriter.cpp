#include "CsvWriter.h"

#include <csv.h>
#include <QIODevice>

namespace CsvFormulas {
namespace {
bool startsFormula(QStringView cell) {
    if (cell.isEmpty())
        return false;
    const QChar c = cell.front();
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}
}  // namespace

QString guard(const QString &cell) {
    return startsFormula(cell) ? u'\'' + cell : cell;
}

QString unguard(const QString &cell) {
    return cell.startsWith(u'\'') && startsFormula(QStringView(cell).mid(1)) ? cell.mid(1) : cell;
}
}  // namespace CsvFormulas

namespace {
bool needsQuotes(const QByteArray &f) {
    if (f.isEmpty())
        return false;
    if (f.front() == ' ' || f.back() == ' ' || f.front() == '\t' || f.back() == '\t')
        return true;
    for (char c : f)
        if (c == ',' || c == '"' || c == '\r' || c == '\n')
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
