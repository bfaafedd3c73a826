#pragma once

#include "DocumentBlocks.h"

// The blocks as an HTML page: the text, its emphasis, sizes, lists and tables.
namespace BlocksHtml {
QString toHtml(const QList<Block> &blocks, const QString &fontFamily, qreal points);
}
