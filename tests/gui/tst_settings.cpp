#include "CaseListView.h"
#include "DialogHelpers.h"
#include "ExportPdfDialog.h"
#include "FileDialog.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "Settings.h"
#include "SettingsDialog.h"
#include "TestDocket.h"
#include "review/ReviewSession.h"
#include "review/ReviewWizard.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

// Settings ▸ Preferences over a temporary settings file (XDG_CONFIG_HOME points into the
// build tree): defaults, what the dialog saves, what a new window reads back, and the
// places that use each preference.
class TestSettings : public QObject {
    Q_OBJECT
    TestDocket m_docket;
    const QString m_vacatur = u"case-by-case-2022-2023"_s;

  private Q_SLOTS:
    void initTestCase() {
        QVERIFY(Settings::fileName().contains(u"/tests/home/tst_settings/"_s));
        QFile::remove(Settings::fileName());
        QVERIFY(m_docket.openGenerated(50, 3));
    }

    void startsFromTheDefaults() {
        const Settings::Preferences p = Settings::preferences();
        QCOMPARE(p, Settings::Preferences());
        QCOMPARE(p.pageSize, QPageSize::Letter);
        QVERIFY(p.pdfA);
        QVERIFY(p.defaultPolicy.isEmpty());
    }

    // File › Open Recent was greyed with no reason before the first docket; it now opens on
    // a line saying why it is empty, and lists the docket once one is opened.
    void openRecentSaysWhyItIsEmpty() {
        MainWindow w;
        auto *recent = w.findChild<QMenu *>(u"recentMenu"_s);
        QVERIFY(recent);
        QVERIFY(recent->isEnabled());
        QCOMPARE(recent->actions().size(), 1);
        QVERIFY(!recent->actions().first()->isEnabled());
        QVERIFY(recent->actions().first()->text().contains(u"Open Docket"_s));
        const QString real = m_docket.path(u"real.sqlite"_s);  // not generated: remembered
        QVERIFY(m_docket.open(u"real.sqlite"_s));
        QVERIFY(w.openDocket(real));
        QCOMPARE(recent->actions().size(), 1);
        QVERIFY(recent->actions().first()->isEnabled());
        QCOMPARE(recent->actions().first()->text(), QDir::toNativeSeparators(real));
    }

    // Opening a docket records its audit head (and, for a real docket, its place among the
    // recent ones); opened again unchanged, the settings file is not written again (each
    // write rewrote and synced it: 8–10 ms of the opening).
    void openingAnUnchangedDocketAgainWritesNoSettings() {
        {
            MainWindow w;
            QVERIFY(w.openDocket(m_docket.path()));
        }
        struct stat before {};
        QVERIFY(::stat(QFile::encodeName(Settings::fileName()).constData(), &before) == 0);
        QTest::qWait(20);
        {
            MainWindow w;
            QVERIFY(w.openDocket(m_docket.path()));
        }
        struct stat after {};
        QVERIFY(::stat(QFile::encodeName(Settings::fileName()).constData(), &after) == 0);
        QCOMPARE(after.st_ino, before.st_ino);
        QCOMPARE(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
        // A different value is still written.
        Settings::setLastAuditHead(m_docket.path(), u"1:00"_s);
        QCOMPARE(Settings::lastAuditHead(m_docket.path()), u"1:00"_s);
        QVERIFY(::stat(QFile::encodeName(Settings::fileName()).constData(), &after) == 0);
        QVERIFY(after.st_ino != before.st_ino || after.st_mtim.tv_nsec != before.st_mtim.tv_nsec);
        Settings::setLastAuditHead(m_docket.path(), {});
    }

    // A save chooser opened on a folder that is not there offered its name as a file name
    // ("Documents" in the home folder, saved as Documents.sqlite with one key press).
    void theLastFolderIsAlwaysAFolderThatExists() {
        const QString gone = QDir::temp().filePath(u"discretion-no-such-folder/inner"_s);
        QVERIFY(!QFileInfo::exists(gone));
        Settings::setLastFolder(gone);
        QCOMPARE(Settings::lastFolder(), QDir::homePath());
        Settings::setLastFolder(QDir::tempPath());
        QCOMPARE(Settings::lastFolder(), QDir::tempPath());
    }

    void theDialogSavesEveryPreference() {
        auto store = CaseStore::open(m_docket.path(), CaseStore::OpenMode::OpenExisting, nullptr);
        {
            SettingsDialog dialog(store.get());
            dialog.findChild<QLineEdit *>(u"profileEdit"_s)->setText(u"  Dana Whitfield "_s);
            auto *policy = dialog.findChild<QComboBox *>(u"policyCombo"_s);
            QVERIFY(policy->findData(m_vacatur) > 0);
            policy->setCurrentIndex(policy->findData(m_vacatur));
            FileDialog::setNextAnswer(m_docket.dir());
            QTest::mouseClick(dialog.findChild<QPushButton *>(u"browseFolder"_s), Qt::LeftButton);
            QCOMPARE(dialog.findChild<QLineEdit *>(u"exportFolderEdit"_s)->text(), m_docket.dir());
            auto *page = dialog.findChild<QComboBox *>(u"pageSizeCombo"_s);
            page->setCurrentIndex(page->findData(int(QPageSize::A4)));
            dialog.findChild<QCheckBox *>(u"pdfACheck"_s)->setChecked(false);
            dialog.accept();
        }
        const Settings::Preferences p = Settings::preferences();
        QCOMPARE(p.profileName, u"Dana Whitfield"_s);
        QCOMPARE(p.defaultPolicy, m_vacatur);
        QCOMPARE(p.exportFolder, m_docket.dir());
        QCOMPARE(p.pageSize, QPageSize::A4);
        QVERIFY(!p.pdfA);
        // In the file, under readable keys, for whoever reads it next.
        QSettings file(Settings::fileName(), QSettings::IniFormat);
        QCOMPARE(file.value(u"pdf/pageSize"_s).toString(), u"a4"_s);
        QCOMPARE(file.value(u"review/defaultPolicy"_s).toString(), m_vacatur);
        QCOMPARE(file.value(u"signing/profileName"_s).toString(), u"Dana Whitfield"_s);
    }

    // Signing stops when the authority cannot be reached: a typo is caught here instead.
    void aTimestampAuthorityMustBeAnHttpAddress() {
        SettingsDialog dialog(nullptr);
        auto *tsa = dialog.findChild<QLineEdit *>(u"timestampAuthorityEdit"_s);
        tsa->setText(u"timestamp.example.gov"_s);
        MessageBox::setNextAnswer(QMessageBox::Ok);
        dialog.accept();
        QVERIFY2(MessageBox::lastText().contains(u"must be an http:// or https:// address"_s),
                 qPrintable(MessageBox::lastText()));
        QVERIFY(Settings::preferences().timestampAuthority.isEmpty());
        tsa->setText(u" http://127.0.0.1:3180/tsa "_s);
        dialog.findChild<QLineEdit *>(u"pkcs11ModuleEdit"_s)->setText(u"/usr/lib/opensc.so"_s);
        dialog.accept();
        QCOMPARE(Settings::preferences().timestampAuthority, u"http://127.0.0.1:3180/tsa"_s);
        QCOMPARE(Settings::preferences().pkcs11Module, u"/usr/lib/opensc.so"_s);
        Settings::Preferences p = Settings::preferences();
        p.timestampAuthority.clear();
        p.pkcs11Module.clear();
        Settings::setPreferences(p);
    }

    // The agency's CA certificates (for PAdES B-LTA): chosen with Browse…, refused when
    // the file holds no certificate, since every signing would stop on it later.
    void caCertificatesMustHoldCertificates() {
        const QString notCertificates = m_docket.dir() + u"/notes.pem"_s;
        QFile notes(notCertificates);
        QVERIFY(notes.open(QIODevice::WriteOnly) && notes.write("just notes\n") > 0);
        notes.close();
        SettingsDialog dialog(nullptr);
        auto *ca = dialog.findChild<QLineEdit *>(u"caCertificatesEdit"_s);
        QVERIFY(ca);
        // To look at it: DISCRETION_GRAB_DIR=/some/folder ctest -R tst_settings
        if (const QString folder = qEnvironmentVariable("DISCRETION_GRAB_DIR"); !folder.isEmpty()) {
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(dialog.grab().save(folder + u"/settings.png"_s));
        }
        FileDialog::setNextAnswer(notCertificates);
        QTest::mouseClick(dialog.findChild<QPushButton *>(u"browseCaCertificates"_s),
                          Qt::LeftButton);
        QCOMPARE(ca->text(), notCertificates);
        MessageBox::setNextAnswer(QMessageBox::Ok);
        dialog.accept();
        QVERIFY2(MessageBox::lastText().contains(u"holds no certificate"_s),
                 qPrintable(MessageBox::lastText()));
        QVERIFY(Settings::preferences().caCertificates.isEmpty());
        const QString pem = QStringLiteral(DISCRETION_TEST_DATA "/test-ca.pem");
        QVERIFY2(QFile::exists(pem), qPrintable(pem));
        ca->setText(pem);
        dialog.accept();
        QCOMPARE(Settings::preferences().caCertificates, pem);
        Settings::Preferences p = Settings::preferences();
        p.caCertificates.clear();
        Settings::setPreferences(p);
    }

    void aNewDialogShowsThemAndCancelChangesNothing() {
        const Settings::Preferences before = Settings::preferences();
        SettingsDialog dialog(nullptr);
        QCOMPARE(dialog.chosen(), before);
        dialog.findChild<QLineEdit *>(u"profileEdit"_s)->setText(u"Someone Else"_s);
        dialog.reject();
        QCOMPARE(Settings::preferences(), before);
    }

    // Every label with a mnemonic has a buddy, so no literal "&" is ever shown.
    void everyMnemonicHasABuddy() {
        SettingsDialog dialog(nullptr);
        dialog.show();
        for (QLabel *label : dialog.findChildren<QLabel *>())
            if (label->text().contains(u'&') && !label->text().contains(u"&&"_s))
                QVERIFY2(label->buddy(), qPrintable(label->text()));
    }

    void theExportAndTheReviewUseThem() {
        auto store = CaseStore::open(m_docket.path(), CaseStore::OpenMode::OpenExisting, nullptr);
        ExportPdfDialog exportDialog(*store, {});
        QCOMPARE(exportDialog.findChild<QComboBox *>(u"pageSize"_s)->currentData().toInt(),
                 int(QPageSize::A4));
        QCOMPARE(exportDialog.findChild<QLineEdit *>(u"exportFolder"_s)->text(), m_docket.dir());

        MainWindow w;
        QVERIFY(w.openDocket(m_docket.path()));
        QString pack;
        QString reviewer;
        whenDialogOpens<ReviewWizard>([&](ReviewWizard *wizard) {
            pack = wizard->session().pack().id;
            reviewer = wizard->session().review().reviewer;
            wizard->reject();
        });
        w.findChild<QAction *>(u"actionReview"_s)->trigger();
        QCOMPARE(pack, m_vacatur);
        QCOMPARE(reviewer, u"Dana Whitfield"_s);
    }

    void theWindowLayoutIsRestored() {
        QList<int> sizes;
        QByteArray header;
        {
            MainWindow w;
            QVERIFY(w.openDocket(m_docket.path()));
            w.resize(1320, 720);
            w.show();
            auto *splitter = w.findChild<QSplitter *>(u"mainSplitter"_s);
            splitter->setSizes({500, 600});
            sizes = splitter->sizes();
            w.caseTable()->setColumnWidth(1, 240);
            header = w.caseTable()->horizontalHeader()->saveState();
            w.close();
        }
        MainWindow again;
        QVERIFY(again.openDocket(m_docket.path()));
        again.show();
        QCOMPARE(again.findChild<QSplitter *>(u"mainSplitter"_s)->sizes(), sizes);
        QCOMPARE(again.caseTable()->columnWidth(1), 240);
        QCOMPARE(again.size(), QSize(1320, 720));
    }
};

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
