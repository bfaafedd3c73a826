#include "PageTypesetter.h"

#include <QPaintDevice>
#include <QPainter>
#include <QTextLayout>

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
    const Layout layout = layoutParagraph(p, m_base, m_body.width() - indent, m_device);
    if (layout->lineCount() == 0)
        return;
    const bool heading = p.kind == Paragraph::Kind::Heading || p.kind == Paragraph::Kind::Title;
    if (bullet) {
        QFont font = fontFor(m_base, p);
        m_pieces.push_back(
            {layout->lineAt(0).height(), spaceBefore, false, -1,
             [layout, indent, font, bullet = points(9)](QPainter &painter, qreal top) {
                 const QTextLine line = layout->lineAt(0);
                 painter.setFont(font);
                 painter.setPen(Qt::black);
                 painter.drawText(QPointF(indent - bullet, top + line.ascent()),
                                  QString(QChar(0x2022)));
                 line.draw(&painter, QPointF(indent, top - line.y()));
             }});
    }
    if (p.keepTogether || heading) {
        m_pieces.push_back({heightOf(*layout), spaceBefore, p.keepWithNext || heading, -1,
                            [layout, indent](QPainter &painter, qreal top) {
                                painter.setPen(Qt::black);
                                layout->draw(&painter, QPointF(indent, top));
                            }});
        return;
    }
    // Line by line, so a long paragraph (the reasons) flows over pages.
    for (int i = bullet ? 1 : 0; i < layout->lineCount(); ++i) {
        const QTextLine line = layout->lineAt(i);
        const bool last = i + 1 == layout->lineCount();
        m_pieces.push_back({line.height(), i == 0 ? spaceBefore : 0, last && p.keepWithNext, -1,
                            [layout, indent, i](QPainter &painter, qreal top) {
                                const QTextLine line = layout->lineAt(i);
                                painter.setPen(Qt::black);
                                line.draw(&painter, QPointF(indent, top - line.y()));
                            }});
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
// row's top. A line belongs to the band its top falls in.
struct RowCells {
    QList<Column> columns;
    QList<Layout> layouts;
    qreal padding = 0;
    qreal penWidth = 0;
    bool ruled = false;
    bool shaded = false;

    void draw(QPainter &painter, qreal top, qreal from, qreal to) const {
        if (ruled) {
            const qreal width = columns.last().x + columns.last().width;
            if (shaded)
                painter.fillRect(QRectF(0, top, width, to - from), QColor(0xee, 0xee, 0xee));
            painter.setPen(QPen(QColor(0x99, 0x99, 0x99), penWidth));
            painter.setBrush(Qt::NoBrush);
            for (const Column &column : columns)
                painter.drawRect(QRectF(column.x, top, column.width, to - from));
        }
        painter.setPen(Qt::black);  // the text's colour where its format gives none
        for (int c = 0; c < layouts.size(); ++c) {
            const QPointF origin(columns[c].x + padding, top - from + padding);
            if (from == 0 && padding + heightOf(*layouts[c]) <= to) {
                layouts[c]->draw(&painter, origin);
                continue;
            }
            for (int i = 0; i < layouts[c]->lineCount(); ++i) {
                const QTextLine line = layouts[c]->lineAt(i);
                const qreal lineTop = padding + line.y();
                if (lineTop >= from && lineTop < to)
                    line.draw(&painter, origin);
            }
        }
    }

    // Where a band starting at `from` may end, no further than `limit`: below the last
    // line of any cell that ends by then.
    qreal cutBefore(qreal from, qreal limit) const {
        qreal cut = from;
        for (const Layout &layout : layouts)
            for (int i = 0; i < layout->lineCount(); ++i) {
                const QRectF line = layout->lineAt(i).rect();
                const qreal bottom = padding + line.bottom();
                if (bottom <= limit && bottom > cut)
                    cut = bottom;
            }
        return cut > from ? cut : limit;
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
        row->layouts.append(
            layoutParagraph(cells[c], m_base, row->columns[c].width - 2 * row->padding, m_device));
        height = qMax(height, heightOf(*row->layouts.last()) + 2 * row->padding);
    }
    // A row taller than most of a page is cut into bands between lines; any other row is
    // one piece, never split.
    const qreal band = m_body.height() * 0.85;
    for (qreal from = 0; from < height;) {
        const qreal to = height - from <= band ? height : row->cutBefore(from, from + band);
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
        const qreal space = y > 0 ? m_pieces[size_t(i)].spaceBefore : 0;
        if (y > 0 && y + space + group > m_body.height() && group <= m_body.height()) {
            m_pages.append(QList<Placed>());
            y = 0;
        }
        for (int k = i; k <= last; ++k)
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
