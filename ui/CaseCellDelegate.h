#pragma once

#include <QCache>
#include <QStaticText>
#include <QStyledItemDelegate>

// Draws the case list's cells as QStyledItemDelegate would (the style's item panel, the
// text elided to its cell, the focus frame), with a fraction of the work: Qt's delegate
// lays each cell's text out three times per paint (to measure it, to elide it, to draw it),
// which made painting the list's 40 × 9 cells 4–6 ms, the larger part of a scroll jump's
// frame. Here a cell's text is elided and laid out once into a QStaticText and drawn from
// it on every later paint; the texts of the last few screens are kept.
class CaseCellDelegate : public QStyledItemDelegate {
    Q_OBJECT
  public:
    explicit CaseCellDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    // A cell whose text is cut short shows it whole on hover, when the model has no tooltip
    // of its own for it ("Dominican R…", "Immigrant Defenders …": a new user could not read
    // them without widening the column).
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;
    // The part of a cell's text that can be shown `width` pixels wide: all of it, or its first
    // `width` characters (never half of one) and an ellipsis.
    static QString shownPart(const QString &text, int width);

  private:
    void drawText(QPainter *painter, const QStyleOptionViewItem &option, const QStyle *style) const;
    const QStaticText &laidOut(const QStyleOptionViewItem &option, int width) const;

    mutable QCache<QString, QStaticText> m_texts;
};
