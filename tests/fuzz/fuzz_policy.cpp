// The policy pack loader: JSON, then the pack's structure and rules checked.
#include "policy/PolicyPack.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    QString error;
    PolicyPack::fromJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)),
                         &error);
    return 0;
}
