#pragma once

#include "store/CasePager.h"

#include <QHash>
#include <QList>

// Blocks of case-list rows kept in memory, least recently used dropped first, so the
// list holds a few thousand rows whatever the size of the docket.
class CaseRowCache {
  public:
    struct Block {
        QList<CaseListRow> rows;
        CasePager::Key lastKey;
        QString error;  // the page could not be read (CasePager::Page::error)
    };

    explicit CaseRowCache(int capacityBlocks) : m_capacity(capacityBlocks) {}

    const Block *find(int index);  // marks the block as recently used
    const Block *peek(int index) const;
    void insert(int index, Block block);
    void clear();
    // Every block, leaving the cache empty: for freeing them elsewhere.
    QHash<int, Block> takeAll();
    int size() const { return int(m_blocks.size()); }
    // The row of a case in the blocks held (blocks of blockSize rows), or -1.
    int rowOf(qint64 id, int blockSize) const;

  private:
    int m_capacity;
    QHash<int, Block> m_blocks;
    QList<int> m_recent;  // most recent last
};
