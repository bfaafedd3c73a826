#include "CaseCellDelegate.h"

#include <QApplication>
#include <QHeaderView>
#include <QHelpEvent>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <QToolTip>

// The case list's delegate draws what Qt's own delegate draws, with less work: the same
// table is drawn by each and the pictures compared pixel by pixel, for the texts and states
// the list shows (plain, accented, right-to-left, too long for the cell, bold and italic
// from the model, markup-like, selected, current), after the texts change, after a column
// is narrowed, and after the font changes (nothing drawn from a stale layout).
class TestCaseCellDelegate : public QObject {
    Q_OBJECT

    QStandardItemModel m_model{0, 3};
    QTableView m_view;

    void fill(const QStringList &texts) {
        m_model.removeRows(0, m_model.rowCount());
        for (int i = 0; i + 2 < texts.size(); i += 3) {
            QList<QStandardItem *> row;
            for (int c = 0; c < 3; ++c)
                row << new QStandardItem(texts[i + c]);
            m_model.appendRow(row);
        }
    }

    QImage drawnBy(QAbstractItemDelegate *delegate) {
        m_view.setItemDelegate(delegate);
        QImage image = m_view.viewport()->grab().toImage();
        m_view.setItemDelegate(nullptr);
        delete delegate;
        return image;
    }

    static int pixelsApart(const QImage &a, const QImage &b) {
        if (a.size() != b.size())
            return -1;
        int apart = 0;
        for (int y = 0; y < a.height(); ++y)
            for (int x = 0; x < a.width(); ++x)
                apart += a.pixel(x, y) != b.pixel(x, y) ? 1 : 0;
        return apart;
    }

    // Ours against Qt's, and a check that the picture is not blank (a delegate that draws
    // nothing would match a Qt that drew nothing).
    void compareWithQt(const char *what) {
        const QImage ours = drawnBy(new CaseCellDelegate);
        const QImage qts = drawnBy(new QStyledItemDelegate);
        QVERIFY2(pixelsApart(ours, qts) == 0,
                 qPrintable(QStringLiteral("%1: %2 pixels differ from Qt's delegate")
                                .arg(QLatin1String(what))
                                .arg(pixelsApart(ours, qts))));
        QImage blank(qts.size(), qts.format());
        blank.fill(qts.pixel(qts.width() - 1, qts.height() - 1));
        QVERIFY2(pixelsApart(qts, blank) > 500, what);
    }

  private Q_SLOTS:
    void initTestCase() {
        m_view.setModel(&m_model);
        m_view.setWordWrap(false);
        m_view.setSelectionBehavior(QAbstractItemView::SelectRows);
        m_view.setAlternatingRowColors(true);
        m_view.verticalHeader()->hide();
        m_view.resize(700, 300);
        m_view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m_view));
    }

    void drawsWhatQtDraws() {
        fill({u"204555101"_qs, u"Hernández, Rosa"_qs, u"Los Angeles"_qs,  //
              u"A 1234 5678"_qs, u"Nguyễn Thị Minh Khai"_qs, u"Ana Beltrán, Esq."_qs,
              u"20455 5102"_qs, u"حسن، علي"_qs, u"<b>not bold</b> & <i>x</i>"_qs, u"204555103"_qs,
              u"Wolfeschlegelsteinhausenbergerdorff-Vorenbeckershausen, Hubert Blaine"_qs,
              u"Executive Office for Immigration Review, San Francisco Immigration Court"_qs,
              // Mixed directions: a cell's direction is the view's, as with Qt's delegate
              // (the text's own guess put "Omar" first and moved the comma), and a leading
              // right-to-left mark does not move the ellipsis to the left.
              u"204555104"_qs, u"عبدالله, Omar"_qs,
              u"\u200FAlexandrina-Wilhelmina Montgomery-Fitzgerald of Kensington"_qs});
        m_view.setColumnWidth(0, 90);
        m_view.setColumnWidth(1, 220);
        m_view.setColumnWidth(2, 240);
        QFont bold = m_view.font();
        bold.setBold(true);
        m_model.item(0, 2)->setFont(bold);
        QFont italic = m_view.font();
        italic.setItalic(true);
        m_model.item(2, 0)->setFont(italic);
        m_model.item(1, 1)->setForeground(Qt::darkRed);
        m_model.item(2, 1)->setBackground(QColor(0xff, 0xf4, 0xdc));
        compareWithQt("texts");

        m_view.setFocus();
        m_view.selectRow(1);
        m_view.setCurrentIndex(m_model.index(3, 1));  // the current cell has a focus frame
        m_view.selectionModel()->select(m_model.index(1, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        compareWithQt("selected and current");
    }

    // One delegate keeps its layouts through each change; after each, it draws what Qt
    // draws.
    // A docket of 4,000-character names made each paint of the list 55 ms: past a pixel per
    // character nothing more can show, so the rest is not laid out. Long names are drawn as
    // Qt draws them; marks piled on one letter are cut (and say so with the ellipsis).
    void onlyWhatCanShowIsLaidOut() {
        const QString longName = u"Hernández-"_qs.repeated(400);
        fill({u"204555101"_qs, longName, longName.toUpper(),  //
              u"204555102"_qs, u"Smith, John"_qs, QString(u"ابن "_qs).repeated(700)});
        compareWithQt("4,000-character names");
        QCOMPARE(CaseCellDelegate::shownPart(u"Smith, John"_qs, 200), u"Smith, John"_qs);
        const QString cut = CaseCellDelegate::shownPart(longName, 200);
        QCOMPARE(cut.size(), 201);
        QVERIFY(cut.endsWith(QChar(0x2026)) && longName.startsWith(cut.chopped(1)));
        QString marks = u"a"_qs + QString(800, QChar(0x030B));
        QCOMPARE(CaseCellDelegate::shownPart(marks, 100), marks.left(100) + QChar(0x2026));
        // A character outside the first plane is kept whole or left out, never halved.
        const QString emoji = QString(99, u'x') + QString::fromUcs4(U"\U0001F600") + u"tail"_qs;
        QCOMPARE(CaseCellDelegate::shownPart(emoji, 100), QString(99, u'x') + QChar(0x2026));
    }

    void drawsChangesNotWhatItKept() {
        CaseCellDelegate ours;
        QStyledItemDelegate qts;
        const auto matchesQt = [&](const char *what) {
            m_view.setItemDelegate(&ours);
            const QImage kept = m_view.viewport()->grab().toImage();
            m_view.setItemDelegate(&qts);
            const QImage drawn = m_view.viewport()->grab().toImage();
            m_view.setItemDelegate(&ours);
            return pixelsApart(kept, drawn) == 0 ? QByteArray() : QByteArray(what);
        };
        QCOMPARE(matchesQt("before"), QByteArray());
        m_model.item(0, 1)->setText(u"Hernández-Ortiz, Rosa María"_qs);
        QCOMPARE(matchesQt("a text changed"), QByteArray());
        m_view.setColumnWidth(1, 120);
        QCOMPARE(matchesQt("a column narrowed"), QByteArray());
        QFont font = m_view.font();
        font.setPointSizeF(font.pointSizeF() + 3);
        m_view.setFont(font);
        QCOMPARE(matchesQt("a larger font"), QByteArray());
        m_view.setItemDelegate(nullptr);
    }

    // A cut cell shows its whole text on hover (markup shown as written); a whole one shows
    // none; a model's own tooltip wins.
    void aCutCellShowsItsWholeTextOnHover() {
        const QString longName = u"Immigrant Defenders Law Center <b>of</b> Southern California"_qs;
        fill({u"204555101"_qs, longName, u"Haiti"_qs});
        m_view.setColumnWidth(0, 90);
        m_view.setColumnWidth(1, 120);
        m_view.setColumnWidth(2, 240);
        auto *delegate = new CaseCellDelegate(&m_view);
        m_view.setItemDelegate(delegate);
        const auto hover = [&](int column) {
            QToolTip::hideText();
            const QModelIndex index = m_model.index(0, column);
            const QPoint at = m_view.visualRect(index).center();
            QHelpEvent event(QEvent::ToolTip, at, m_view.viewport()->mapToGlobal(at));
            QStyleOptionViewItem option;
            option.initFrom(m_view.viewport());
            option.rect = m_view.visualRect(index);
            option.widget = &m_view;
            QVERIFY(delegate->helpEvent(&event, &m_view, option, index));
        };
        hover(1);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(u"&lt;b&gt;of&lt;/b&gt;"_qs),
                 qPrintable(QToolTip::text()));
        QVERIFY(QToolTip::text().contains(u"Southern California"_qs));
        hover(2);
        QTRY_VERIFY(!QToolTip::isVisible());
        m_model.item(0, 1)->setToolTip(u"the model's own"_qs);
        hover(1);
        QTRY_COMPARE(QToolTip::text(), u"the model's own"_qs);
        m_view.setItemDelegate(nullptr);
        delete delegate;
    }
};

QTEST_MAIN(TestCaseCellDelegate)
#include "tst_casecelldelegate.moc"
