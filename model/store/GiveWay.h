#pragma once

// Work nobody watches as it happens (the exact count, the dashboard's numbers, the count of
// hearings soon, an export, an import's parsing) gives way to the window while it runs on
// this thread: on a two-core machine two such threads otherwise leave the GUI thread part of
// a core, and the list stutters under a person's hand (at 15 million cases one paint took
// 11 ms instead of 0.5 while the count and the hearings count ran). Linux keeps a nice value
// per thread; it is put back when this goes, since pool threads run other work after.
// The main thread is never lowered, and with the cores free it changes nothing.
class GiveWay {
  public:
    GiveWay();
    ~GiveWay();
    GiveWay(const GiveWay &) = delete;
    GiveWay &operator=(const GiveWay &) = delete;

  private:
    int m_before = 0;
    bool m_lowered = false;
};
