#include "BlocksHtml.h"

namespace BlocksHtml {
namespace {
QString spansHtml(const QList<Span> &spans) {
    QString html;
    for (const Span &span : spans) {
        QString text = span.text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
        if (span.bold)
            text = QStringLiteral("<b>") + text + QStringLiteral("</b>");
        QStringList style;
        if (span.points > 0)
            style << QStringLiteral("font-size:%1pt").arg(span.points);
        if (span.color.isValid())
            style << QStringLiteral("color:%1").arg(span.color.name());
        if (!style.isEmpty())
            text = QStringLiteral("<span style='%1'>%2</span>").arg(style.join(u"; "), text);
        html += text;
    }
    return html;
}

QString paragraphHtml(const Paragraph &p, qreal basePoints) {
    const QString spans = spansHtml(p.spans);
    switch (p.kind) {
        case Paragraph::Kind::Title:
            return QStringLiteral("<h1 align='center' style='font-size:%1pt'>%2</h1>")
                .arg(p.points)
                .arg(spans);
        case Paragraph::Kind::Heading:
            return QStringLiteral("<h3>%1</h3>").arg(spans);
        case Paragraph::Kind::Bullet:
            return QStringLiteral("<li>%1</li>").arg(spans);
        case Paragraph::Kind::Body:
            break;
    }
    QStringList style;
    if (p.points != basePoints)
        style << QStringLiteral("font-size:%1pt").arg(p.points);
    if (p.indent > 0)
        style << QStringLiteral("margin-left:%1%").arg(p.indent * 100);
    const QString align =
        p.align & Qt::AlignHCenter ? QStringLiteral(" align='center'") : QString();
    return QStringLiteral("<p%1%2>%3</p>")
        .arg(align,
             style.isEmpty() ? QString() : QStringLiteral(" style='%1'").arg(style.join(u"; ")),
             spans);
}

QString rowHtml(const Table &table, const QList<Paragraph> &cells, const QString &tag,
                qreal basePoints) {
    QString html = QStringLiteral("<tr>");
    for (int c = 0; c < cells.size(); ++c) {
        const qreal width = c < table.widths.size() ? table.widths[c] : 0;
        html += QStringLiteral("<%1 align='left'%2>%3</%1>")
                    .arg(tag,
                         width > 0 ? QStringLiteral(" width='%1%'").arg(qRound(width * 100))
                                   : QString(),
                         paragraphHtml(cells[c], basePoints)
                             .remove(QStringLiteral("<p>"))
                             .remove(QStringLiteral("</p>")));
    }
    return html + QStringLiteral("</tr>");
}

QString tableHtml(const Table &table, qreal basePoints) {
    QString html = QStringLiteral(
                       "<table width='100%' cellspacing='0' cellpadding='%1' "
                       "border='%2' style='border-color:#999; "
                       "border-collapse:collapse'>")
                       .arg(table.paddingPoints)
                       .arg(table.ruled ? 1 : 0);
    if (!table.header.isEmpty())
        html += QStringLiteral("<thead>") +
                rowHtml(table, table.header, QStringLiteral("th"), basePoints) +
                QStringLiteral("</thead>");
    for (const QList<Paragraph> &row : table.rows)
        html += rowHtml(table, row, QStringLiteral("td"), basePoints);
    return html + QStringLiteral("</table>");
}
}  // namespace

QString toHtml(const QList<Block> &blocks, const QString &fontFamily, qreal points) {
    QString html = QStringLiteral("<html><body style='font-family:\"%1\"; font-size:%2pt'>")
                       .arg(fontFamily)
                       .arg(points);
    bool inList = false;
    for (const Block &block : blocks) {
        const auto *p = std::get_if<Paragraph>(&block);
        const bool bullet = p && p->kind == Paragraph::Kind::Bullet;
        if (bullet != inList)
            html += bullet ? QStringLiteral("<ul>") : QStringLiteral("</ul>");
        inList = bullet;
        html += p ? paragraphHtml(*p, points) : tableHtml(std::get<Table>(block), points);
    }
    if (inList)
        html += QStringLiteral("</ul>");
    return html + QStringLiteral("</body></html>");
}
}  // namespace BlocksHtml
