#include "CaseCellDelegate.h"

#include "ToolTip.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace {
// About five screens of 40 rows and 9 columns: scrolling back and forth, and the repaints
// of a selection or of rows arriving, find their texts laid out.
constexpr int kTextsKept = 2000;

QPalette::ColorGroup colorGroup(const QStyleOptionViewItem &option) {
    if (!(option.state & QStyle::State_Enabled))
        return QPalette::Disabled;
    return option.state & QStyle::State_Active ? QPalette::Normal : QPalette::Inactive;
}
// In the view's direction, as Qt's delegate lays a cell out: left to right here, whatever
// the text would guess ("عبدالله, Omar" keeps its order, and a name led by a right-to-left
// mark keeps its ellipsis on the right).
QStaticText prepared(const QString &string, const QFont &font, Qt::LayoutDirection direction) {
    QStaticText text(string);
    QTextOption option;
    option.setTextDirection(direction);
    option.setWrapMode(QTextOption::NoWrap);
    text.setTextOption(option);
    text.setTextFormat(Qt::PlainText);  // a name with "<" is a name, not markup
    text.setPerformanceHint(QStaticText::AggressiveCaching);
    text.prepare(QTransform(), font);
    return text;
}
}  // namespace

CaseCellDelegate::CaseCellDelegate(QObject *parent)
    : QStyledItemDelegate(parent), m_texts(kTextsKept) {}

void CaseCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);
    if (!opt.text.isEmpty())
        drawText(painter, opt, style);
    if (opt.state & QStyle::State_HasFocus) {
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(opt);
        focus.rect = style->subElementRect(QStyle::SE_ItemViewItemFocusRect, &opt, opt.widget);
        focus.state |= QStyle::State_KeyboardFocusChange | QStyle::State_Item;
        focus.backgroundColor = opt.palette.color(
            colorGroup(opt),
            opt.state & QStyle::State_Selected ? QPalette::Highlight : QPalette::Window);
        style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, opt.widget);
    }
}

void CaseCellDelegate::drawText(QPainter *painter, const QStyleOptionViewItem &option,
                                const QStyle *style) const {
    // The same margins as Qt's delegate, so the text sits where it always did.
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, option.widget) + 1;
    const QRect box = option.rect.adjusted(margin, 0, -margin, 0);
    if (box.width() <= 0)
        return;
    const QStaticText &text = laidOut(option, box.width());
    const QRect at =
        QStyle::alignedRect(option.direction, option.displayAlignment, text.size().toSize(), box);
    painter->save();
    painter->setClipRect(option.rect);
    painter->setFont(option.font);
    painter->setPen(option.palette.color(colorGroup(option), option.state & QStyle::State_Selected
                                                                 ? QPalette::HighlightedText
                                                                 : QPalette::Text));
    painter->drawStaticText(at.topLeft(), text);
    painter->restore();
}

bool CaseCellDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                 const QStyleOptionViewItem &option, const QModelIndex &index) {
    if (event->type() != QEvent::ToolTip || index.data(Qt::ToolTipRole).isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, opt.widget) + 1;
    const int room = opt.rect.width() - 2 * margin;
    if (opt.text.isEmpty() || QFontMetrics(opt.font).horizontalAdvance(opt.text) <= room) {
        QToolTip::hideText();
        return true;  // the whole text is in sight
    }
    QToolTip::showText(event->globalPos(), ToolTip::wrapped(opt.text), view->viewport(),
                       view->visualRect(index));
    return true;
}

// No glyph is narrower than a pixel but a mark that combines with the one before it: past
// `width` characters a text cannot show more, and shaping the rest cost each paint of a list of
// 4,000-character names 55 ms (an attacker's docket; 800 combining marks on a letter, 96 ms).
// What is cut is marked cut with the ellipsis.
QString CaseCellDelegate::shownPart(const QString &text, int width) {
    const qsizetype most = qMax(16, width);
    if (text.size() <= most)
        return text;
    qsizetype cut = most;
    if (text.at(cut - 1).isHighSurrogate())
        --cut;  // never half a character
    return text.left(cut) + QChar(0x2026);
}

// The cell's text elided to `width` and laid out in its font, kept for later paints.
const QStaticText &CaseCellDelegate::laidOut(const QStyleOptionViewItem &option, int width) const {
    const QString shown = shownPart(option.text, width);
    // A font's hash leaves out its point size (it hashes the pixel size, unset for a font
    // given in points): the size is part of the key on its own.
    const QString key = QString::number(width) + u'\x1f' + QString::number(qHash(option.font), 36) +
                        u'\x1f' + QString::number(option.font.pointSizeF()) + u'\x1f' +
                        QString::number(int(option.textElideMode)) +
                        QString::number(int(option.direction)) + u'\x1f' + shown;
    if (const QStaticText *kept = m_texts.object(key))
        return *kept;
    auto *text = new QStaticText(prepared(shown, option.font, option.direction));
    // Most cells fit: their text is laid out once. One that does not is elided and laid
    // out again.
    if (text->size().width() > width)
        *text = prepared(QFontMetrics(option.font).elidedText(shown, option.textElideMode, width),
                         option.font, option.direction);
    // A long text weighs by its length (the key holds it whole): forty names of 19,000
    // characters across many widths took 80 MB when every entry counted one.
    m_texts.insert(key, text, 1 + int(key.size() / 256));
    return *text;
}
