// PageTypesetter lays out blocks on PDF pages: checked on real PDFs through pdftotext,
// page by page, and BlocksHtml writes the same blocks as HTML.
#include "TestDocket.h"
#include "report/BlocksHtml.h"
#include "report/PageTypesetter.h"

#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>

namespace {
QString pageText(const QString &path, int page) {
    QProcess p;
    p.start(u"pdftotext"_qs,
            {u"-f"_qs, QString::number(page), u"-l"_qs, QString::number(page), path, u"-"_qs});
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

Paragraph body(const QString &text) {
    Paragraph p;
    p.spans = {{text}};
    return p;
}

Paragraph heading(const QString &text) {
    Paragraph p = body(text);
    p.kind = Paragraph::Kind::Heading;
    return p;
}

QString words(const QString &tag, int count) {
    QStringList out;
    for (int i = 0; i < count; ++i)
        out << u"%1w%2"_qs.arg(tag).arg(i);
    return out.join(u' ');
}

// Renders the blocks to a Letter PDF and returns each page's text.
QStringList render(const QList<Block> &blocks, const QString &path) {
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::Letter));
    writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter);
    QFont base(u"FreeSerif"_qs);
    base.setPointSizeF(10.5);
    PageTypesetter typesetter(
        &writer, writer.pageLayout().paintRectPixels(writer.resolution()).size(), base);
    typesetter.layout(blocks);
    {
        QPainter painter(&writer);
        for (int i = 0; i < typesetter.pageCount(); ++i) {
            if (i > 0)
                writer.newPage();
            typesetter.drawPage(painter, i);
        }
    }
    QStringList pages;
    for (int i = 1; i <= typesetter.pageCount(); ++i)
        pages << pageText(path, i);
    return pages;
}

int pageWith(const QStringList &pages, const QString &word) {
    for (int i = 0; i < pages.size(); ++i)
        if (pages[i].contains(QRegularExpression(u"\\b"_qs + word + u"\\b"_qs)))
            return i;
    return -1;
}
}  // namespace

class TestPageTypesetter : public QObject {
    Q_OBJECT
    TestDocket m_dir;

  private Q_SLOTS:
    void aLongParagraphFlowsOverPagesEveryWordOnce() {
        const QStringList pages = render({body(words(u"p"_qs, 2500))}, m_dir.path(u"flow.pdf"_qs));
        QVERIFY2(pages.size() >= 3, qPrintable(QString::number(pages.size())));
        const QString all = pages.join(u' ');
        for (int i = 0; i < 2500; i += 7)
            QCOMPARE(all.count(QRegularExpression(u"\\bpw%1\\b"_qs.arg(i))), 1);
        QVERIFY(pageWith(pages, u"pw0"_qs) < pageWith(pages, u"pw2499"_qs));
    }

    void aHeadingIsNeverLastOnItsPage() {
        // Text before the heading of every length moves it across the page's foot: the
        // heading must always share its page with the first row after it.
        int moved = 0;
        for (int count = 800; count <= 1400; count += 12) {
            Table t;
            t.widths = {0.5, 0};
            t.header = {body(u"Question"_qs), body(u"Answer"_qs)};
            t.rows = {{body(u"onerow"_qs), body(u"yes"_qs)}};
            const QStringList pages =
                render({body(words(u"x"_qs, count)), heading(u"Factors"_qs), t},
                       m_dir.path(u"heading.pdf"_qs));
            const int at = pageWith(pages, u"Factors"_qs);
            QCOMPARE(pageWith(pages, u"onerow"_qs), at);
            QCOMPARE(pageWith(pages, u"Question"_qs), at);
            moved += at > 0 ? 1 : 0;
        }
        QVERIFY2(moved > 0, "the sweep should push the heading onto the next page");
    }

    void rowsStayWholeAndTheHeaderRepeats() {
        Table t;
        t.widths = {0.38, 0.12, 0};
        t.header = {body(u"Question"_qs), body(u"Answer"_qs), body(u"Note"_qs)};
        for (int r = 0; r < 40; ++r)
            t.rows.append({body(u"start%1"_qs.arg(r)), body(u"no"_qs),
                           body(words(u"r%1n"_qs.arg(r), 20 + (r % 7) * 9) + u" end%1"_qs.arg(r))});
        const QStringList pages = render({t}, m_dir.path(u"rows.pdf"_qs));
        QVERIFY2(pages.size() >= 2, "the table should cross a page break");
        for (int r = 0; r < 40; ++r) {
            const int at = pageWith(pages, u"start%1"_qs.arg(r));
            QVERIFY(at >= 0);
            QCOMPARE(pageWith(pages, u"end%1"_qs.arg(r)), at);
        }
        for (const QString &page : pages)
            QCOMPARE(page.count(u"Question"_qs), 1);
    }

    void aRowTallerThanAPageIsCutBetweenLines() {
        Table t;
        t.widths = {0.3, 0};
        t.rows = {{body(u"label"_qs), body(words(u"t"_qs, 3000))}};
        const QStringList pages =
            render({body(words(u"intro"_qs, 500)), t}, m_dir.path(u"tall.pdf"_qs));
        // it starts below the text before it, not on a page of its own
        QCOMPARE(pageWith(pages, u"tw0"_qs), 0);
        QVERIFY2(pages.size() >= 3, qPrintable(QString::number(pages.size())));
        const QString all = pages.join(u' ');
        for (int i = 0; i < 3000; i += 11)
            QCOMPARE(all.count(QRegularExpression(u"\\btw%1\\b"_qs.arg(i))), 1);
        QCOMPARE(all.count(u"label"_qs), 1);
    }

    void keptTogetherParagraphsMoveAsOne() {
        Paragraph signature = body(u"/s/ A. Attorney\nOPLA\nSigned"_qs);
        signature.keepTogether = true;
        signature.keepWithNext = true;
        Paragraph record = body(u"Record hash line"_qs);
        record.keepTogether = true;
        int moved = 0;
        for (int count = 800; count <= 1400; count += 12) {
            const QStringList pages =
                render({body(words(u"x"_qs, count)), signature, record}, m_dir.path(u"end.pdf"_qs));
            const int at = pageWith(pages, u"Attorney"_qs);
            QCOMPARE(pageWith(pages, u"Signed"_qs), at);
            QCOMPARE(pageWith(pages, u"Record"_qs), at);
            moved += at > 0 ? 1 : 0;
        }
        QVERIFY(moved > 0);
    }

    void aTwoLineParagraphIsNeverSplit() {
        // One line alone at a page's foot or top is never left: a paragraph of two lines
        // (about 30 words here) moves whole.
        int moved = 0;
        for (int count = 800; count <= 1400; count += 12) {
            const QStringList pages =
                render({body(words(u"x"_qs, count)), body(words(u"p"_qs, 30))},
                       m_dir.path(u"widow.pdf"_qs));
            const int at = pageWith(pages, u"pw0"_qs);
            QCOMPARE(pageWith(pages, u"pw29"_qs), at);
            moved += at > 0 ? 1 : 0;
        }
        QVERIFY(moved > 0);
    }

    void aKeptTogetherParagraphTallerThanAPageFlows() {
        // A signature block with a reviewer's name of thousands of words once ran off the
        // foot of the page: kept together, it could not be split.
        Paragraph tall = body(words(u"k"_qs, 3000));
        tall.keepTogether = true;
        const QStringList pages = render({tall}, m_dir.path(u"tallkeep.pdf"_qs));
        QVERIFY2(pages.size() >= 2, qPrintable(QString::number(pages.size())));
        const QString all = pages.join(u' ');
        for (int i = 0; i < 3000; i += 7)
            QCOMPARE(all.count(QRegularExpression(u"\\bkw%1\\b"_qs.arg(i))), 1);
    }

    void textThatCannotBeBrokenStaysInItsBox() {
        // One grapheme of 150 joined characters cannot be broken across lines: it is clipped
        // to its cell and to the text's width instead of running over the page.
        QString joined;
        for (int i = 0; i < 150; ++i)
            joined += QString::fromUcs4(U"\U0001F468\u200D");
        Table t;
        t.widths = {0.5, 0};
        t.rows = {{body(joined), body(u"right"_qs)}};
        QImage image(800, 1000, QImage::Format_RGB32);
        image.fill(Qt::white);
        const QRect page(40, 40, 600, 900);
        QFont base(u"FreeSerif"_qs);
        base.setPointSizeF(10.5);
        PageTypesetter typesetter(&image, page.size(), base);
        typesetter.layout({t, body(joined)});
        {
            QPainter painter(&image);
            painter.translate(page.topLeft());
            typesetter.drawPage(painter, 0);
        }
        int outside = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = page.right() + 4; x < image.width(); ++x)
                outside += image.pixel(x, y) != qRgb(255, 255, 255) ? 1 : 0;
        QCOMPARE(outside, 0);
        image.save(m_dir.path(u"clip.png"_qs));
        // the left cell's text stops at its border: past the word in the right cell, blank
        int inRightCell = 0;
        for (int y = page.top() + 3; y < page.top() + 14; ++y)
            for (int x = page.left() + 360; x < page.right() - 4; ++x)
                inRightCell += image.pixel(x, y) != qRgb(255, 255, 255) ? 1 : 0;
        QCOMPARE(inRightCell, 0);
    }

    void theTailOfAChainTallerThanAPageStaysTogether() {
        // Headings, a short paragraph and a signature block each kept with the next, together
        // taller than a page: the block once stood alone on the last page. The end of the
        // paragraph before it now always goes with it.
        for (int blockLines = 36; blockLines <= 46; blockLines += 2) {
            QList<Block> blocks = {body(words(u"x"_qs, 500))};
            for (const QString &title : {u"One"_qs, u"Two"_qs, u"Four"_qs, u"Five"_qs, u"Six"_qs}) {
                Paragraph line = body(title + u" chosen"_qs);
                line.keepWithNext = true;
                blocks << heading(title) << line;
            }
            Paragraph reasons = body(words(u"q"_qs, 40));  // three lines
            reasons.keepWithNext = true;
            QStringList lines;
            for (int i = 0; i < blockLines; ++i)
                lines << u"bl%1"_qs.arg(i);
            Paragraph block = body(lines.join(u'\n'));
            block.keepTogether = true;
            blocks << heading(u"Three"_qs) << reasons << block;
            const QStringList pages = render(blocks, m_dir.path(u"chain.pdf"_qs));
            QCOMPARE(pageWith(pages, u"qw39"_qs), pageWith(pages, u"bl0"_qs));
            QCOMPARE(pageWith(pages, u"bl0"_qs), pageWith(pages, u"bl%1"_qs.arg(blockLines - 1)));
        }
    }

    void theHtmlSaysTheSame() {
        Paragraph p = body(u"a < b\nnext"_qs);
        p.spans.append({u"bold"_qs, true, 9, QColor(0x44, 0x44, 0x44)});
        Paragraph bullet = body(u"item"_qs);
        bullet.kind = Paragraph::Kind::Bullet;
        Table t;
        t.widths = {0.38, 0};
        t.header = {body(u"Q"_qs), body(u"A"_qs)};
        t.rows = {{body(u"x & y"_qs), body(u"z"_qs)}};
        const QString html =
            BlocksHtml::toHtml({heading(u"Head"_qs), p, bullet, t}, u"FreeSerif"_qs, 10.5);
        QVERIFY2(html.contains(u"<h3>Head</h3>"_qs), qPrintable(html));
        QVERIFY2(
            html.contains(
                u"a &lt; b<br>next<span style='font-size:9pt; color:#444444'><b>bold</b></span>"_qs),
            qPrintable(html));
        QVERIFY2(html.contains(u"<ul><li>item</li></ul>"_qs), qPrintable(html));
        QVERIFY2(
            html.contains(
                u"<thead><tr><th align='left' width='38%'>Q</th><th align='left'>A</th></tr></thead>"_qs),
            qPrintable(html));
        QVERIFY2(html.contains(u"<td align='left' width='38%'>x &amp; y</td>"_qs),
                 qPrintable(html));
    }
};

QTEST_MAIN(TestPageTypesetter)
#include "tst_pagetypesetter.moc"
