#pragma once

// How the C library's allocator keeps memory, set once when a process starts (the program's
// main and the benchmarks that stand for it). glibc hands blocks over 128 KB to the kernel
// one by one (mmap, then munmap when freed) until its adaptive threshold has grown, and gives
// free memory at the top of each heap back as soon as 128 KB are free. Rendering disposition
// PDFs allocates and frees such blocks for every document (Qt's 256-KB table of a font's
// characters, the PDF itself), so each came back as fresh pages: a fifth of the time went to
// the kernel's page faults and mapping. Blocks up to 32 MB now come from the heap, and up to
// 64 MB of free memory stays with the process: 1.16–1.22× the PDFs per second in interleaved
// runs, peak 42 → 46 MB (tests/bench/RESULTS.md, ninth session).
namespace HeapSettings {
constexpr int kMmapThresholdBytes = 32 * 1024 * 1024;
constexpr int kTrimThresholdBytes = 64 * 1024 * 1024;

// True when the allocator took both settings (always false off glibc).
bool apply();
}  // namespace HeapSettings
