#include "store/HeapSettings.h"

#include <QTest>
#include <cstdlib>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

// The allocator settings the program starts with (HeapSettings) take effect: a block of
// 20 MB comes from the heap, not from a mapping of its own, and one over the threshold
// still gets its own (so the count below can tell the two apart).
class TestHeapSettings : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void largeBlocksComeFromTheHeapAfterApply() {
#if !defined(__GLIBC__)
        QSKIP("glibc's allocator only");
#elif defined(__SANITIZE_ADDRESS__)
        QSKIP("AddressSanitizer brings its own allocator");
#else
        QVERIFY(HeapSettings::apply());
        const auto mappedBlocks = [] { return mallinfo2().hblks; };
        const size_t before = mappedBlocks();
        void *below = std::malloc(20 * 1024 * 1024);
        QVERIFY(below);
        QCOMPARE(mappedBlocks(), before);
        void *above = std::malloc(size_t(HeapSettings::kMmapThresholdBytes) + 1024 * 1024);
        QVERIFY(above);
        QCOMPARE(mappedBlocks(), before + 1);
        std::free(above);
        std::free(below);
#endif
    }
};

QTEST_GUILESS_MAIN(TestHeapSettings)
#include "tst_heapsettings.moc"
