#pragma once

#include <QString>

class QFile;

// Opens a file a person chose to read (a CSV to import, a PDF to verify, a trust store, a
// policy pack, a signing identity). A docket this process has open (or a file SQLite keeps
// beside it) is refused: reading it and closing the handle would drop every POSIX lock the
// process holds on it, SQLite's included, and the command line run next would take itself
// for the docket's only user and delete its WAL under the window (an attack helper picked
// the open docket as the CSV to import, the PDF to verify and the trust store).
namespace InputFile {
// True with `file` (already named) open for reading; otherwise false and *why says why.
bool openToRead(QFile &file, QString *why);
}  // namespace InputFile
