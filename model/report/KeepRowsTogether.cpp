#include "KeepRowsTogether.h"

#include <QAbstractTextDocumentLayout>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTextTable>
#include <cmath>

namespace KeepRowsTogether {
namespace {
struct Span {
    qreal top = 0;
    qreal bottom = 0;
};

// The vertical extent of a row's text, in document coordinates.
Span rowSpan(QTextDocument &document, QTextTable *table, int row) {
    QAbstractTextDocumentLayout *layout = document.documentLayout();
    Span span{1e300, -1e300};
    for (int column = 0; column < table->columns(); ++column) {
        const QTextTableCell cell = table->cellAt(row, column);
        const QTextBlock first = document.findBlock(cell.firstPosition());
        const QTextBlock last = document.findBlock(cell.lastPosition());
        span.top = qMin(span.top, layout->blockBoundingRect(first).top());
        span.bottom = qMax(span.bottom, layout->blockBoundingRect(last).bottom());
    }
    return span;
}

int pageOf(qreal y, qreal pageHeight) {
    return int(std::floor(y / pageHeight));
}

struct Straddle {
    QTextTable *table = nullptr;
    int row = -1;
};

// The first row, in any top-level table, that starts on one page and ends on another
// although it would fit on one.
Straddle firstStraddle(QTextDocument &document) {
    const qreal pageHeight = document.pageSize().height();
    for (QTextFrame *frame : document.rootFrame()->childFrames()) {
        auto *table = qobject_cast<QTextTable *>(frame);
        if (!table)
            continue;
        const int headerRows = table->format().headerRowCount();
        for (int row = headerRows; row < table->rows(); ++row) {
            const Span span = rowSpan(document, table, row);
            const bool fitsOnAPage = span.bottom - span.top < pageHeight * 0.9;
            if (fitsOnAPage && pageOf(span.top, pageHeight) != pageOf(span.bottom - 1, pageHeight))
                return {table, row};
        }
    }
    return {};
}

void copyRow(QTextTable *from, int fromRow, QTextTable *to, int toRow) {
    for (int column = 0; column < from->columns(); ++column) {
        const QTextTableCell source = from->cellAt(fromRow, column);
        QTextCursor selection = source.firstCursorPosition();
        selection.setPosition(source.lastCursorPosition().position(), QTextCursor::KeepAnchor);
        QTextTableCell target = to->cellAt(toRow, column);
        target.setFormat(source.format());
        QTextCursor at = target.firstCursorPosition();
        at.setBlockFormat(selection.blockFormat());
        at.insertFragment(selection.selection());
    }
}

// Moves rows [row, end) of the table into a new table that starts a new page.
void cutBefore(QTextTable *table, int row) {
    const int headerRows = table->format().headerRowCount();
    QTextTableFormat format = table->format();
    format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
    QTextCursor after(table->document());
    after.setPosition(table->lastPosition() + 1);
    const int moved = table->rows() - row;
    QTextTable *rest = after.insertTable(headerRows + moved, table->columns(), format);
    for (int r = 0; r < headerRows; ++r)
        copyRow(table, r, rest, r);
    for (int r = 0; r < moved; ++r)
        copyRow(table, row + r, rest, headerRows + r);
    table->removeRows(row, moved);
}

// When the first body row straddles, the table moves whole, with the heading above it.
void moveWhole(QTextDocument &document, QTextTable *table) {
    QTextBlock before = document.findBlock(table->firstPosition() - 1);
    QTextCursor cursor(before);
    QTextBlockFormat format = before.blockFormat();
    if (before.isValid() && format.headingLevel() > 0) {
        format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        cursor.setBlockFormat(format);
        return;
    }
    QTextTableFormat tableFormat = table->format();
    tableFormat.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
    table->setFormat(tableFormat);
}
}  // namespace

int apply(QTextDocument &document) {
    int cuts = 0;
    // Each cut moves what follows, so the layout is read again after every one; a
    // document has a handful of pages, so this ends quickly.
    for (int guard = 0; guard < 64; ++guard) {
        const Straddle straddle = firstStraddle(document);
        if (!straddle.table)
            break;
        if (straddle.row <= straddle.table->format().headerRowCount())
            moveWhole(document, straddle.table);
        else
            cutBefore(straddle.table, straddle.row);
        ++cuts;
    }
    return cuts;
}
}  // namespace KeepRowsTogether
