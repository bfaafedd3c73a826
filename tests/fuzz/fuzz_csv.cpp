// The CSV reader (libcsv) and the row parser that checks every field of an import.
#include "domain/CaseFields.h"
#include "files/CsvReader.h"
#include "io/CsvRowParser.h"

#include <QBuffer>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    CsvRecord record;
    if (!reader.next(record))
        return 0;
    QList<const CaseField *> columns;  // the first record is the header, as in an import
    for (const QByteArray &name : record.fields)
        columns << CaseFields::find(QString::fromUtf8(name));
    const CsvRowParser parser(columns, {QStringLiteral("LOS"), QStringLiteral("NYC")},
                              QDate(2026, 11, 29));
    QList<RejectedRow> rejected;
    while (reader.next(record))
        parser.parse(record, rejected);
    return 0;
}
