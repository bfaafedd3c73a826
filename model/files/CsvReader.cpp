#include "CsvReader.h"

#include <QCoreApplication>
#include <QIODevice>

namespace {
bool isBlank(const QByteArray &line) {
    for (char c : line)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return false;
    return true;
}

bool allFieldsEmpty(const CsvRecord &r) {
    for (const QByteArray &f : r.fields)
        if (!f.isEmpty())
            return false;
    return true;
}
}  // namespace

CsvReader::CsvReader(QIODevice *device) : m_device(device) {
    csv_init(&m_parser, CSV_STRICT | CSV_STRICT_FINI);
}

CsvReader::~CsvReader() {
    csv_free(&m_parser);
}

void CsvReader::onField(void *data, size_t length, void *self) {
    auto *reader = static_cast<CsvReader *>(self);
    reader->m_current.fields.append(QByteArray(static_cast<const char *>(data), qsizetype(length)));
}

void CsvReader::onRecord(int, void *self) {
    auto *reader = static_cast<CsvReader *>(self);
    if (!allFieldsEmpty(reader->m_current))
        reader->m_ready.append(std::move(reader->m_current));
    reader->m_current = CsvRecord();
    reader->m_atBoundary = true;
}

bool CsvReader::feedLine() {
    QByteArray line = m_device->readLine();
    if (line.isEmpty()) {
        m_finished = true;
        if (csv_fini(&m_parser, onField, onRecord, this) != 0) {
            m_error =
                QCoreApplication::translate("CsvReader", "line %1: a quoted field is never closed")
                    .arg(m_current.line);
            return false;
        }
        return true;
    }
    ++m_line;
    m_bytesRead += line.size();
    if (m_line == 1 && line.startsWith("\xEF\xBB\xBF"))
        line.remove(0, 3);
    if (m_atBoundary && !isBlank(line)) {
        m_current.line = m_line;
        m_atBoundary = false;
    }
    if (csv_parse(&m_parser, line.constData(), size_t(line.size()), onField, onRecord, this) !=
        size_t(line.size())) {
        m_error = QCoreApplication::translate("CsvReader", "line %1: malformed quoting (%2)")
                      .arg(m_line)
                      .arg(QString::fromUtf8(csv_strerror(csv_error(&m_parser))));
        m_finished = true;
        return false;
    }
    return true;
}

bool CsvReader::next(CsvRecord &record) {
    while (m_ready.isEmpty()) {
        if (m_finished || !m_error.isEmpty())
            return false;
        if (!feedLine())
            return false;
    }
    record = m_ready.takeFirst();
    return true;
}
