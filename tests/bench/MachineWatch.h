#pragma once

// The machine's own pauses, as a reference for the window's stalls. On the shared virtual
// machines these benchmarks run on, a plain C program that only sleeps 1 ms at a time sees
// gaps of 20–50 ms a few times a minute with nothing else running (a scheduler trace shows
// the virtual CPU idle with a timer due, then waking late): the host did not run that CPU.
// A stall of the window that falls in such a gap is not the program's doing.
//
// One thread per CPU, pinned to it and at real-time priority when the system allows it (so
// that our own busy threads cannot delay it), sleeps 1 ms at a time and keeps every gap
// longer than kGapMs. `ownPartMs` then takes those gaps out of a stall of the window.
#include <pthread.h>
#include <sched.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

class MachineWatch {
  public:
    struct Span {
        double from, to;  // seconds on CLOCK_MONOTONIC
    };
    static constexpr double kGapMs = 5.0;

    MachineWatch() {
        cpu_set_t allowed;
        CPU_ZERO(&allowed);
        sched_getaffinity(0, sizeof allowed, &allowed);
        for (int cpu = 0; cpu < CPU_SETSIZE && m_watchers.size() < 16; ++cpu)
            if (CPU_ISSET(cpu, &allowed))
                m_watchers.push_back(std::make_unique<Watcher>(cpu));
    }
    MachineWatch(const MachineWatch &) = delete;
    MachineWatch &operator=(const MachineWatch &) = delete;

    static double now() {
        timespec t{};
        clock_gettime(CLOCK_MONOTONIC, &t);
        return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
    }
    bool realTime() const {
        return std::all_of(m_watchers.begin(), m_watchers.end(),
                           [](const auto &watcher) { return watcher->realTime(); });
    }

    // Every pause of any CPU that overlaps [from, to], with its CPU.
    std::vector<std::pair<int, Span>> pauses(double from, double to) const {
        std::vector<std::pair<int, Span>> found;
        for (const auto &watcher : m_watchers)
            for (const Span &gap : watcher->gaps(from, to))
                found.emplace_back(watcher->cpu(), gap);
        return found;
    }
    double longestPauseMs(double from, double to) const {
        double longest = 0;
        for (const auto &[cpu, gap] : pauses(from, to))
            longest = std::max(longest, (gap.to - gap.from) * 1e3);
        return longest;
    }

    // What is left of a stall of the window once the pauses of every CPU inside it are taken
    // out, in ms. Every CPU, not only the one the window's thread was on: the window waits on
    // work on the other core too (the page reader; the raster engine's helpers split each
    // large fill and the GUI thread waits for them), and a trace showed a 28-ms stall of the
    // GUI thread on CPU 0 over a 26-ms pause of CPU 1. So this is the optimistic bound; the
    // floor row (nothing else running) shows what it leaves on an idle window.
    double ownPartMs(Span stall) const {
        std::vector<Span> paused;
        for (const auto &[cpu, gap] : pauses(stall.from, stall.to))
            paused.push_back({std::max(gap.from, stall.from), std::min(gap.to, stall.to)});
        std::sort(paused.begin(), paused.end(),
                  [](const Span &a, const Span &b) { return a.from < b.from; });
        double taken = 0, reached = stall.from;
        for (const Span &gap : paused) {  // the union, each moment counted once
            taken += std::max(0.0, gap.to - std::max(gap.from, reached));
            reached = std::max(reached, gap.to);
        }
        return std::max(0.0, (stall.to - stall.from) - taken) * 1e3;
    }

  private:
    class Watcher {
      public:
        explicit Watcher(int cpu) : m_cpu(cpu), m_thread([this] { watch(); }) {}
        ~Watcher() {
            m_done = true;
            m_thread.join();
        }
        int cpu() const { return m_cpu; }
        bool realTime() const { return m_realTime; }
        std::vector<Span> gaps(double from, double to) const {
            std::vector<Span> found;
            const std::lock_guard lock(m_mutex);
            for (const Span &gap : m_gaps)
                if (gap.to > from && gap.from < to)
                    found.push_back(gap);
            return found;
        }

      private:
        void watch() {
            cpu_set_t only;
            CPU_ZERO(&only);
            CPU_SET(m_cpu, &only);
            pthread_setaffinity_np(pthread_self(), sizeof only, &only);
            sched_param fifo{};
            fifo.sched_priority = 1;
            m_realTime = pthread_setschedparam(pthread_self(), SCHED_FIFO, &fifo) == 0;
            const timespec oneMs{0, 1'000'000};
            double last = now();
            while (!m_done) {
                clock_nanosleep(CLOCK_MONOTONIC, 0, &oneMs, nullptr);
                const double woke = now();
                // The sleep itself is 1 ms; anything past that is time this CPU did not run.
                if ((woke - last) * 1e3 > kGapMs + 1.0) {
                    const std::lock_guard lock(m_mutex);
                    m_gaps.push_back({last + 0.001, woke});
                }
                last = woke;
            }
        }

        const int m_cpu;
        std::atomic<bool> m_done{false};
        std::atomic<bool> m_realTime{false};
        mutable std::mutex m_mutex;
        std::vector<Span> m_gaps;
        std::thread m_thread;  // last: everything it uses exists before it starts
    };

    std::vector<std::unique_ptr<Watcher>> m_watchers;
};
