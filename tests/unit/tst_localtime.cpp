#include "TestDocket.h"
#include "domain/LocalTime.h"

#include <QLocale>

// Times as a person reads them: the locale's format, local time with its zone, no ISO
// separators and no milliseconds; anything that is no date is shown as it is.
class TestLocalTime : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void readsAsAPersonWould() {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        qputenv("TZ", "America/New_York");
        const QString text = LocalTime::text(u"2026-12-01T14:15:38.123Z"_qs);
        QVERIFY2(text.startsWith(u"12/1/26 9:15"_qs) && text.endsWith(u"AM EST"_qs),
                 qPrintable(text));
        QVERIFY(!text.contains(u":38"_qs) && !text.contains(u".123"_qs) &&
                !text.contains(u"T14"_qs));
        QCOMPARE(LocalTime::text(u"not a date"_qs), u"not a date"_qs);
        qputenv("TZ", "UTC");
    }
};

QTEST_GUILESS_MAIN(TestLocalTime)
#include "tst_localtime.moc"
