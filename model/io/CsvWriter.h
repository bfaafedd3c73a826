#pragma once

#include <QStringList>

class QIODevice;

// Writes RFC 4180 records (CRLF line ends). A field is quoted only when it needs to
// be; the quoting itself is libcsv's csv_write.
class CsvWriter {
  public:
    explicit CsvWriter(QIODevice *device) : m_device(device) {}
    bool writeRecord(const QStringList &fields);

  private:
    QIODevice *m_device;
    QByteArray m_buffer;
};
