#include "HeapSettings.h"

#include <cstdlib>  // defines __GLIBC__ on glibc, which the check below needs

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace HeapSettings {
bool apply() {
#if defined(__GLIBC__)
    // Setting the thresholds also turns glibc's adaptive threshold off: these are kept.
    return mallopt(M_MMAP_THRESHOLD, kMmapThresholdBytes) == 1 &&
           mallopt(M_TRIM_THRESHOLD, kTrimThresholdBytes) == 1;
#else
    return false;
#endif
}
}  // namespace HeapSettings
