#pragma once

#include "DocumentBlocks.h"

#include <QFont>
#include <QSizeF>
#include <functional>
#include <memory>

class QPainter;
class QPaintDevice;

// Lays blocks out on pages of a given size with QTextLayout and draws them page by page.
// A paragraph flows line by line across pages unless it is kept together; a table row is
// never split (unless it is taller than most of a page), and a table's header row is
// repeated on each page it continues on; a heading stays with what follows it.
// Written for the disposition: a handful of pages, laid out once, drawn once, fast (the
// batch export renders well over a hundred a second).
class PageTypesetter {
  public:
    // body: the printable height and width of a page in the device's units.
    PageTypesetter(QPaintDevice *device, QSizeF body, const QFont &base);
    ~PageTypesetter();
    PageTypesetter(const PageTypesetter &) = delete;
    PageTypesetter &operator=(const PageTypesetter &) = delete;

    void layout(const QList<Block> &blocks);
    int pageCount() const;
    // Draws page `page` (from 0) with its top left corner at the painter's origin.
    void drawPage(QPainter &painter, int page) const;

  private:
    struct Piece;
    struct Placed {
        int piece;
        qreal top;
    };
    void addParagraph(const Paragraph &paragraph, qreal spaceBefore);
    void addTable(const Table &table);
    void addRow(const Table &table, const QList<Paragraph> &cells, bool header, int headerPiece,
                bool keepWithNext);
    void paginate();
    void place(int piece, qreal &y);
    qreal points(qreal pt) const;

    QPaintDevice *m_device;
    QSizeF m_body;
    QFont m_base;
    std::vector<Piece> m_pieces;
    QList<QList<Placed>> m_pages;
};
