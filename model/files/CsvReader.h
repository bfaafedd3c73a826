#pragma once

#include <csv.h>
#include <QByteArray>
#include <QList>
#include <QString>

class QIODevice;

// One CSV record and the physical line it starts on (1-based, as editors count).
struct CsvRecord {
    QList<QByteArray> fields;
    qint64 line = 0;
};

// Streams RFC 4180 records from a device. Quoting, embedded commas, quotes and
// newlines are libcsv's job; this class adds line numbers, a UTF-8 BOM skip and
// blank-line skipping. The fields stay bytes: the caller decides about encoding.
class CsvReader {
  public:
    explicit CsvReader(QIODevice *device);
    ~CsvReader();
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    // Fills record with the next non-blank record. False at the end or on a
    // malformed file; then error() says what and where.
    bool next(CsvRecord &record);
    const QString &error() const { return m_error; }
    qint64 bytesRead() const { return m_bytesRead; }

  private:
    static void onField(void *data, size_t length, void *self);
    static void onRecord(int terminator, void *self);
    bool feedLine();

    QIODevice *m_device;
    csv_parser m_parser{};
    QList<CsvRecord> m_ready;
    CsvRecord m_current;
    qint64 m_line = 0;
    qint64 m_bytesRead = 0;
    bool m_atBoundary = true;
    bool m_finished = false;
    QString m_error;
};
