#include "PageTypesetter.h"

#include <QPaintDevice>
#include <QPainter>
#include <QTextLayout>
#include <algorithm>

namespace {
using Layout = std::shared_ptr<QTextLayout>;

QFont fontFor(const QFont &base, const Paragraph &p) {
    QFont font = base;
    font.setPointSizeF(p.points);
    if (p.kind == Paragraph::Kind::Title || p.kind == Paragraph::Kind::Heading)
        font.setBold(true);
    return font;
}

QList<QTextLayout::FormatRange> formatsOf(const QList<Span> &spans, QString *text) {
    QList<QTextLayout::FormatRange> formats;
    for (const Span &span : spans) {
        QTextCharFormat format;
        if (span.bold)
            format.setFontWeight(QFont::Bold);
        if (span.points > 0)
            format.setFontPointSize(span.points);
        if (span.color.isValid())
            format.setForeground(span.color);
        QString part = span.text;
        part.replace(u'\n', QChar::LineSeparator);
        if (!format.properties().isEmpty())
            formats.append({int(text->size()), int(part.size()), format});
        *text += part;
    }
    return formats;
}

// The paragraph's text broken into lines `width` wide, the first line at y = 0. The
// shaped glyphs are kept (setCacheEnabled), so drawing does not shape the text again.
Layout layoutParagraph(const Paragraph &p, const QFont &base, qreal width, QPaintDevice *device) {
    QString text;
    const QList<QTextLayout::FormatRange> formats = formatsOf(p.spans, &text);
    auto layout = std::make_shared<QTextLayout>(text, fontFor(base, p), device);
    QTextOption option(p.align & Qt::AlignHorizontal_Mask);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout->setTextOption(option);
    layout->setFormats(formats);
    layout->setCacheEnabled(true);
    layout->beginLayout();
    qreal y = 0;
    for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout->endLayout();
    return layout;
}

// Whether a line is wider than `width`: text that cannot be broken (one grapheme of many
// joined characters) is then clipped to its box rather than drawn over its neighbours.
bool overflows(const QTextLayout &layout, qreal width) {
    for (int i = 0; i < layout.lineCount(); ++i)
        if (layout.lineAt(i).naturalTextWidth() > width)
            return true;
    return false;
}

qreal heightOf(const QTextLayout &layout) {
    const int lines = layout.lineCount();
    return lines > 0 ? layout.lineAt(lines - 1).rect().bottom() : 0;
}
}  // namespace

struct PageTypesetter::Piece {
    qreal height = 0;
    qreal spaceBefore = 0;
    bool keepWithNext = false;
    int header = -1;  // a table's header row, repeated above this piece atop a page
    std::function<void(QPainter &, qreal top)> draw;
};

PageTypesetter::PageTypesetter(QPaintDevice *device, QSizeF body, const QFont &base)
    : m_device(device), m_body(body), m_base(base) {}

PageTypesetter::~PageTypesetter() = default;

qreal PageTypesetter::points(qreal pt) const {
    return pt * m_device->logicalDpiY() / 72.0;
}

int PageTypesetter::pageCount() const {
    return int(m_pages.size());
}

void PageTypesetter::layout(const QList<Block> &blocks) {
    m_pieces.clear();
    bool afterHeading = false;
    for (const Block &block : blocks) {
        if (const auto *p = std::get_if<Paragraph>(&block)) {
            qreal space = p->kind == Paragraph::Kind::Heading  ? 11
                          : p->kind == Paragraph::Kind::Bullet ? 2
                                                               : 5;
            if (p->spaceAbove > 0)
                space = p->spaceAbove;
            addParagraph(*p, points(afterHeading ? 3 : space));
            afterHeading = p->kind == Paragraph::Kind::Heading;
        } else {
            const int first = int(m_pieces.size());
            addTable(std::get<Table>(block));
            if (first < int(m_pieces.size()))
                m_pieces[size_t(first)].spaceBefore = points(afterHeading ? 3 : 6);
            afterHeading = false;
        }
    }
    paginate();
}

void PageTypesetter::addParagraph(const Paragraph &p, qreal spaceBefore) {
    const bool bullet = p.kind == Paragraph::Kind::Bullet;
    const qreal indent = bullet ? points(18) : p.indent * m_body.width();
    const qreal width = m_body.width() - indent;
    const Layout layout = layoutParagraph(p, m_base, width, m_device);
    const int lines = layout->lineCount();
    if (lines == 0)
        return;
    const bool heading = p.kind == Paragraph::Kind::Heading || p.kind == Paragraph::Kind::Title;
    const qreal height = heightOf(*layout);
    // Lines [first, last] drawn with their top at `top`; clipped to the text's width when a
    // line could not be broken narrow enough.
    const bool clip = overflows(*layout, width + points(1.5));
    auto piece = [this, layout, indent, width, clip, spaceBefore](int first, int last, bool keep) {
        const qreal from = layout->lineAt(first).y();
        const qreal to = layout->lineAt(last).rect().bottom();
        m_pieces.push_back(
            {to - from, first == 0 ? spaceBefore : 0, keep, -1, [=](QPainter &painter, qreal top) {
                 if (clip) {
                     painter.save();
                     painter.setClipRect(QRectF(indent, top, width, to - from));
                 }
                 painter.setPen(Qt::black);
                 for (int i = first; i <= last; ++i)
                     layout->lineAt(i).draw(&painter, QPointF(indent, top - from));
                 if (clip)
                     painter.restore();
             }});
    };
    if ((p.keepTogether || heading) && !bullet && height <= m_body.height() * 0.85) {
        piece(0, lines - 1, p.keepWithNext || heading);
        return;
    }
    // Line by line, so a long paragraph (the reasons) flows over pages; but never one line
    // alone at the foot of a page or at the top of the next (its first two lines stay
    // together, and its last two).
    for (int i = 0; i < lines; ++i)
        piece(i, i, i + 1 == lines ? p.keepWithNext : i == 0 || i + 2 == lines);
    if (bullet) {  // the bullet is drawn beside the first line
        QFont font = fontFor(m_base, p);
        auto &first = m_pieces[m_pieces.size() - size_t(lines)].draw;
        first = [font, text = std::move(first), at = indent - points(9),
                 ascent = layout->lineAt(0).ascent()](QPainter &painter, qreal top) {
            painter.setFont(font);
            painter.setPen(Qt::black);
            painter.drawText(QPointF(at, top + ascent), QString(QChar(0x2022)));
            text(painter, top);
        };
    }
}

namespace {
struct Column {
    qreal x = 0;
    qreal width = 0;
};

QList<Column> columnsOf(const Table &table, int count, qreal width) {
    qreal fixed = 0;
    int flexible = 0;
    for (int c = 0; c < count; ++c) {
        const qreal share = c < table.widths.size() ? table.widths[c] : 0;
        fixed += share;
        flexible += share > 0 ? 0 : 1;
    }
    const qreal rest = flexible > 0 ? qMax(0.0, 1.0 - fixed) / flexible : 0;
    QList<Column> columns;
    qreal x = 0;
    for (int c = 0; c < count; ++c) {
        const qreal share = c < table.widths.size() && table.widths[c] > 0 ? table.widths[c] : rest;
        columns.append({x, share * width});
        x += share * width;
    }
    return columns;
}

// A row's cells laid out, and how to draw a horizontal band of it: [from, to) from the
// row's top. A line belongs to the band its top falls in. The lines' tops and bottoms are
// kept sorted, so a row of a hundred thousand lines cut into bands is not read whole for
// each band.
struct RowCells {
    QList<Column> columns;
    QList<Layout> layouts;
    QList<bool> overflowing;               // a cell with a line it could not break narrow enough
    std::vector<std::vector<qreal>> tops;  // per cell, each line's top from the row's top
    std::vector<qreal> bottoms;            // every line's bottom, sorted
    qreal height = 0;                      // the whole row's
    qreal padding = 0;
    qreal penWidth = 0;
    bool ruled = false;
    bool shaded = false;

    void add(const Layout &layout, const Column &column, qreal slack) {
        layouts.append(layout);
        overflowing.append(overflows(*layout, column.width - 2 * padding + slack));
        tops.emplace_back();
        for (int i = 0; i < layout->lineCount(); ++i) {
            const QRectF line = layout->lineAt(i).rect();
            tops.back().push_back(padding + line.top());
            bottoms.push_back(padding + line.bottom());
        }
    }

    void draw(QPainter &painter, qreal top, qreal from, qreal to) const {
        if (ruled) {
            const qreal width = columns.last().x + columns.last().width;
            if (shaded)
                painter.fillRect(QRectF(0, top, width, to - from), QColor(0xee, 0xee, 0xee));
            painter.setPen(QPen(QColor(0x99, 0x99, 0x99), penWidth));
            painter.setBrush(Qt::NoBrush);
            drawRules(painter, top, from, to);
        }
        painter.setPen(Qt::black);  // the text's colour where its format gives none
        for (int c = 0; c < layouts.size(); ++c) {
            if (overflowing[c]) {
                painter.save();
                painter.setClipRect(QRectF(columns[c].x, top, columns[c].width, to - from));
            }
            drawCell(painter, c, top, from, to);
            if (overflowing[c])
                painter.restore();
        }
    }

    // A whole row is boxed; a band of a tall row has its column rules, and the row's top or
    // foot only where the row begins or ends, so its bands read as one row.
    void drawRules(QPainter &painter, qreal top, qreal from, qreal to) const {
        const qreal right = columns.last().x + columns.last().width;
        const qreal bottom = top + to - from;
        if (from == 0 && to >= height) {
            for (const Column &column : columns)
                painter.drawRect(QRectF(column.x, top, column.width, to - from));
            return;
        }
        for (const Column &column : columns)
            painter.drawLine(QLineF(column.x, top, column.x, bottom));
        painter.drawLine(QLineF(right, top, right, bottom));
        if (from == 0)
            painter.drawLine(QLineF(0, top, right, top));
        if (to >= height)
            painter.drawLine(QLineF(0, bottom, right, bottom));
    }

    void drawCell(QPainter &painter, int c, qreal top, qreal from, qreal to) const {
        const QPointF origin(columns[c].x + padding, top - from + padding);
        const std::vector<qreal> &lineTops = tops[size_t(c)];
        if (from == 0 && (lineTops.empty() || bottoms.back() <= to)) {
            layouts[c]->draw(&painter, origin);
            return;
        }
        auto line = std::lower_bound(lineTops.begin(), lineTops.end(), from);
        for (; line != lineTops.end() && *line < to; ++line)
            layouts[c]->lineAt(int(line - lineTops.begin())).draw(&painter, origin);
    }

    // Where a band starting at `from` may end, no further than `limit`: below the last
    // line of any cell that ends by then.
    qreal cutBefore(qreal from, qreal limit) const {
        const auto after = std::upper_bound(bottoms.begin(), bottoms.end(), limit);
        if (after != bottoms.begin() && *(after - 1) > from)
            return *(after - 1);
        return limit;
    }
};
}  // namespace

void PageTypesetter::addTable(const Table &table) {
    int header = -1;
    if (!table.header.isEmpty()) {
        addRow(table, table.header, true, -1, true);
        header = int(m_pieces.size()) - 1;
    }
    for (const QList<Paragraph> &row : table.rows)
        addRow(table, row, false, header, false);
}

void PageTypesetter::addRow(const Table &table, const QList<Paragraph> &cells, bool header,
                            int headerPiece, bool keepWithNext) {
    auto row = std::make_shared<RowCells>();
    row->columns = columnsOf(table, int(cells.size()), m_body.width());
    row->padding = points(table.paddingPoints);
    row->penWidth = points(0.6);
    row->ruled = table.ruled;
    row->shaded = header && table.ruled;
    qreal height = 0;
    for (int c = 0; c < cells.size(); ++c) {
        row->add(
            layoutParagraph(cells[c], m_base, row->columns[c].width - 2 * row->padding, m_device),
            row->columns[c], points(1.5));
        height = qMax(height, heightOf(*row->layouts.last()) + 2 * row->padding);
    }
    std::sort(row->bottoms.begin(), row->bottoms.end());
    row->height = height;
    // A row taller than most of a page is cut between lines into bands a fifth of a page
    // high, which fill each page in turn; any other row is one piece, never split.
    const bool tall = height > m_body.height() * 0.85;
    const qreal band = m_body.height() * 0.2;
    for (qreal from = 0; from < height;) {
        const qreal to =
            !tall || height - from <= band ? height : row->cutBefore(from, from + band);
        m_pieces.push_back(
            {to - from, 0, keepWithNext, headerPiece,
             [row, from, to](QPainter &painter, qreal top) { row->draw(painter, top, from, to); }});
        from = to;
    }
}

void PageTypesetter::paginate() {
    m_pages = {{}};
    qreal y = 0;
    const int count = int(m_pieces.size());
    for (int i = 0; i < count;) {
        // A piece and those it keeps with start a new page together when they fit on one.
        int last = i;
        qreal group = m_pieces[size_t(i)].height;
        while (m_pieces[size_t(last)].keepWithNext && last + 1 < count) {
            ++last;
            group += m_pieces[size_t(last)].spaceBefore + m_pieces[size_t(last)].height;
        }
        // A chain taller than a page: its head flows, and as much of its tail as fits on one
        // page stays together (the end of the reasons with the signature block).
        int first = i;
        while (first < last && group > m_body.height()) {
            group -= m_pieces[size_t(first)].height + m_pieces[size_t(first) + 1].spaceBefore;
            place(first++, y);
        }
        const qreal space = y > 0 ? m_pieces[size_t(first)].spaceBefore : 0;
        if (y > 0 && y + space + group > m_body.height() && group <= m_body.height()) {
            m_pages.append(QList<Placed>());
            y = 0;
        }
        for (int k = first; k <= last; ++k)
            place(k, y);
        i = last + 1;
    }
}

void PageTypesetter::place(int index, qreal &y) {
    const Piece &piece = m_pieces[size_t(index)];
    qreal space = y > 0 ? piece.spaceBefore : 0;
    if (y > 0 && y + space + piece.height > m_body.height()) {
        m_pages.append(QList<Placed>());
        y = 0;
        space = 0;
    }
    if (y == 0 && piece.header >= 0) {
        m_pages.last().append(Placed{piece.header, 0});
        y = m_pieces[size_t(piece.header)].height;
    }
    m_pages.last().append(Placed{index, y + space});
    y += space + piece.height;
}

void PageTypesetter::drawPage(QPainter &painter, int page) const {
    for (const Placed &placed : m_pages.value(page))
        m_pieces[size_t(placed.piece)].draw(painter, placed.top);
}
