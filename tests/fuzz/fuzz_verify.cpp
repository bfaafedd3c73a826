// Signature verification of a PDF someone hands the program: qpdf's parse of the whole
// file and of each signed revision, the byte-range and gap rules, the CMS check.
#include "sign/PdfVerifier.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    PdfVerifier::verifyBytes(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
