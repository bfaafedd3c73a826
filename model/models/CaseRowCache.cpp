#include "CaseRowCache.h"

#include <utility>

const CaseRowCache::Block *CaseRowCache::find(int index) {
    auto it = m_blocks.constFind(index);
    if (it == m_blocks.constEnd())
        return nullptr;
    // A paint asks for the same block for every cell of its rows: it is already the newest.
    if (m_recent.constLast() != index) {
        m_recent.removeOne(index);
        m_recent.append(index);
    }
    return &it.value();
}

const CaseRowCache::Block *CaseRowCache::peek(int index) const {
    auto it = m_blocks.constFind(index);
    return it == m_blocks.constEnd() ? nullptr : &it.value();
}

void CaseRowCache::insert(int index, Block block) {
    m_blocks.emplace(index, std::move(block));  // replaces a block already there
    m_recent.removeOne(index);
    m_recent.append(index);
    while (m_blocks.size() > m_capacity)
        m_blocks.remove(m_recent.takeFirst());
}

void CaseRowCache::clear() {
    m_blocks.clear();
    m_recent.clear();
}

int CaseRowCache::rowOf(qint64 id, int blockSize) const {
    for (auto it = m_blocks.constBegin(); it != m_blocks.constEnd(); ++it)
        for (qsizetype i = 0; i < it->rows.size(); ++i)
            if (it->rows.at(i).id == id)
                return it.key() * blockSize + int(i);
    return -1;
}

QHash<int, CaseRowCache::Block> CaseRowCache::takeAll() {
    m_recent.clear();
    return std::exchange(m_blocks, {});
}
