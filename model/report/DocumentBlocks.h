#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <variant>

// A document as plain blocks of styled text. The disposition is described once in these
// terms; PageTypesetter draws them on PDF pages and BlocksHtml writes the same blocks as
// HTML (for the tests and the LibreOffice reference of the benchmark), so the two never
// disagree.

// A run of text in one style. '\n' in the text is a line break.
struct Span {
    QString text;
    bool bold = false;
    qreal points = 0;   // 0: the paragraph's size
    QColor color = {};  // invalid: black
};

struct Paragraph {
    enum class Kind {
        Body,
        Title,    // centred, large, bold
        Heading,  // bold, a little larger, kept with what follows
        Bullet,   // an item of a bulleted list
    };
    QList<Span> spans;
    Kind kind = Kind::Body;
    Qt::Alignment align = Qt::AlignLeft;
    qreal points = 10.5;
    qreal indent = 0;           // the share of the width left empty before the text
    qreal spaceAbove = 0;       // points above the paragraph; 0: the usual for its kind
    bool keepTogether = false;  // never split across pages
    bool keepWithNext = false;  // on the same page as the start of the next block
};

// A table whose rows are never split across pages (a row taller than a page excepted);
// the header row is repeated on every page the table continues on.
struct Table {
    QList<qreal> widths;  // the share of the width per column; 0: what is left
    bool ruled = true;    // cell borders, and a shaded header
    qreal paddingPoints = 4;
    QList<Paragraph> header;  // empty: no header row
    QList<QList<Paragraph>> rows;
};

using Block = std::variant<Paragraph, Table>;
