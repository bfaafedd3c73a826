#pragma once

#include "DispositionDocument.h"
#include "DocumentBlocks.h"

// What a disposition says, in order, as blocks: the caption, the policy applied, the
// determinations with the facts behind them, the factors, what the policy says, the
// disposition and reasons, the signature block and the record line.
namespace DispositionContent {
QList<Block> blocks(const DispositionDocument::Input &input);
}
