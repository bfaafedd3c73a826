// The file choosers never read the files they list. Qt's own icon provider reads the first
// bytes of each file to guess its type; when that file is the open docket, closing it drops
// the POSIX locks SQLite holds for the whole process, and the command line, run beside the
// window, then takes itself for the docket's only user and deletes its WAL under the window
// (the window lost what it had written, and an import beside it corrupted an index).
#include "FileDialog.h"
#include "Programs.h"
#include "TestDocket.h"

#include <QAbstractFileIconProvider>
#include <QFileSystemModel>
#include <QSignalSpy>

class TestFileDialog : public QObject {
    Q_OBJECT

    // A docket open in this process with a write in its WAL, as the window holds it.
    static std::unique_ptr<CaseStore> openWithWal(TestDocket &dir, const QString &name) {
        auto store = dir.open(name);
        QString error;
        Case c = makeCase(u"012345678"_qs, u"Ruiz"_qs);
        if (!store->saveCase(c, &error))
            qWarning("%s", qPrintable(error));
        return store;
    }
    static bool walSurvivesTheCommandLine(const QString &docket) {
        const Run r = discretionRun({u"list"_qs, u"--db"_qs, docket});
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.all()));
        return QFile::exists(docket + u"-wal"_qs);
    }

  private Q_SLOTS:
    void readingTheDocketFileWouldLetTheWalBeDeleted() {
        // The hazard itself, so that the test below can fail: one read and close is enough.
        TestDocket dir;
        const auto store = openWithWal(dir, u"control.sqlite"_qs);
        QVERIFY(QFile::exists(dir.path(u"control.sqlite-wal"_qs)));
        QVERIFY(walSurvivesTheCommandLine(dir.path(u"control.sqlite"_qs)));  // locks held
        {
            QFile sniff(dir.path(u"control.sqlite"_qs));
            QVERIFY(sniff.open(QIODevice::ReadOnly));
            QCOMPARE(sniff.read(16), QByteArray("SQLite format 3\0", 16));
        }
        QVERIFY(!walSurvivesTheCommandLine(dir.path(u"control.sqlite"_qs)));
    }

    void listingTheDocketsFolderReadsNoFile() {
        TestDocket dir;
        const auto store = openWithWal(dir, u"docket.sqlite"_qs);
        const QString docket = dir.path(u"docket.sqlite"_qs);
        QAbstractFileIconProvider *provider = FileDialog::iconProvider();
        QCOMPARE(provider->type(QFileInfo(docket)), u"SQLITE file"_qs);
        QVERIFY(!provider->icon(QFileInfo(docket)).isNull());
        // The model a file chooser shows, with its type and icon columns, on that folder.
        QFileSystemModel model;
        model.setIconProvider(provider);
        QSignalSpy loaded(&model, &QFileSystemModel::directoryLoaded);
        const QModelIndex folder = model.setRootPath(QFileInfo(docket).absolutePath());
        QVERIFY(loaded.wait(10000));
        for (int row = 0; row < model.rowCount(folder); ++row)
            for (int column = 0; column < model.columnCount(folder); ++column)
                model.data(model.index(row, column, folder), Qt::DecorationRole);
        QTest::qWait(500);  // the gatherer thread fills in types and icons
        QVERIFY(walSurvivesTheCommandLine(docket));
    }

    // A name typed without a kind gets the one the chooser offers ("New Docket" made a
    // file named "docket" that the Open Docket filter then hid); a typed kind is kept.
    void aNameWithoutAKindGetsTheChoosersOwn() {
        const QString folder = QDir::tempPath();
        const QString docket = QDir(folder).filePath(u"docket"_qs);
        const QString dockets = u"Dockets (*.sqlite *.db)"_qs;
        FileDialog::setNextAnswer(docket);
        QCOMPARE(FileDialog::saveFile(nullptr, u"New Docket"_qs, folder, dockets),
                 docket + u".sqlite"_qs);
        FileDialog::setNextAnswer(docket + u".db"_qs);
        QCOMPARE(FileDialog::saveFile(nullptr, u"New Docket"_qs, folder, dockets),
                 docket + u".db"_qs);
        FileDialog::setNextAnswer(QDir(folder).filePath(u"masked"_qs));
        QCOMPARE(FileDialog::saveFile(nullptr, u"Export"_qs, folder, u"CSV (*.csv)"_qs),
                 QDir(folder).filePath(u"masked.csv"_qs));
        FileDialog::setNextAnswer(QString());  // cancelled stays cancelled
        QVERIFY(FileDialog::saveFile(nullptr, u"Export"_qs, folder, u"CSV (*.csv)"_qs).isEmpty());
    }
};

QTEST_MAIN(TestFileDialog)
#include "tst_filedialog.moc"
