#include "CourtList.h"

#include "files/CsvReader.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>

CourtList CourtList::builtIn() {
    QFile file(QStringLiteral(":/data/courts.csv"));
    file.open(QIODevice::ReadOnly);
    QString error;
    CourtList list = fromCsv(file.readAll(), &error);
    Q_ASSERT_X(error.isEmpty(), "CourtList", qPrintable(error));
    return list;
}

CourtList CourtList::fromCsv(const QByteArray &csv, QString *error) {
    CourtList list;
    list.m_hash =
        QString::fromLatin1(QCryptographicHash::hash(csv, QCryptographicHash::Sha256).toHex());
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    CsvRecord record;
    reader.next(record);  // header: code,name,state
    while (reader.next(record)) {
        if (record.fields.size() < 2) {
            *error =
                QStringLiteral("courts.csv line %1: expected code,name,state").arg(record.line);
            continue;
        }
        list.m_courts.append(
            {QString::fromUtf8(record.fields[0]), QString::fromUtf8(record.fields[1]),
             record.fields.size() > 2 ? QString::fromUtf8(record.fields[2]) : QString()});
    }
    if (!reader.error().isEmpty())
        *error = reader.error();
    return list;
}
