#pragma once

#include <QByteArrayView>
#include <QStringList>

class QIODevice;

// Spreadsheet formulas in exported text (CSV injection, as the OWASP guidance names it): a
// cell starting with =, +, -, @, a tab or a carriage return is something Excel, LibreOffice
// and Sheets may run as a formula when the file is opened; so may the same characters right
// after a ';' or a tab inside a cell, where a spreadsheet set to another locale's separator
// starts a new cell. Exports put an apostrophe before each such start, which spreadsheets
// show as text; the importer takes exactly those apostrophes off again, so an exported docket
// imports unchanged.
namespace CsvFormulas {
QString guard(const QString &cell);
QString unguard(const QString &cell);
// False when unguard() certainly leaves the cell (UTF-8) as it is: no apostrophe stands
// before a trigger character.
bool mayHoldGuard(QByteArrayView cell);
}  // namespace CsvFormulas

// Writes RFC 4180 records (CRLF line ends). A field is quoted only when it needs to
// be; the quoting itself is libcsv's csv_write. Every cell is guarded (CsvFormulas).
class CsvWriter {
  public:
    explicit CsvWriter(QIODevice *device) : m_device(device) {}
    bool writeRecord(const QStringList &fields);

  private:
    QIODevice *m_device;
    QByteArray m_buffer;
};
