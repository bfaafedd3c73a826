// A-numbers and dates as people type them.
#include "domain/ANumber.h"
#include "domain/FieldText.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const ANumber a = ANumber::parse(text, &error);
    if (a.isValid() && ANumber::parse(a.display()) != a)
        __builtin_trap();  // what we print must read back as the same number
    FieldText::parseDate(text, &error);
    return 0;
}
