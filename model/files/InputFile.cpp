#include "InputFile.h"

#include "ProtectedPaths.h"

#include <QCoreApplication>
#include <QFile>

namespace InputFile {
bool openToRead(QFile &file, QString *why) {
    if (ProtectedPaths::contains(file.fileName())) {
        *why = QCoreApplication::translate("InputFile",
                                           "it is the docket open in Discretion (or one of its "
                                           "own files), not a file to read");
        return false;
    }
    if (file.open(QIODevice::ReadOnly))
        return true;
    *why = file.errorString();
    return false;
}
}  // namespace InputFile
