// The review answers file (discretion review --answers), against the built-in packs.
#include "review/AnswersFile.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const QList<PolicyPack> packs = PolicyPack::builtIn();
    AnswersFile::read(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), packs);
    return 0;
}
