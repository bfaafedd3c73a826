#include "IdentityDialog.h"
#include "MessageBox.h"
#include "Settings.h"
#include "TestDocket.h"
#include "audit/AuditLog.h"
#include "sign/SigningIdentity.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>

// Making a signing identity in the program: each wrong field is named, the file is
// PKCS#12 with mode 0600 and the profile in its certificate, and nothing is overwritten.
class TestIdentityDialog : public QObject {
    Q_OBJECT
    TestDocket m_dir;

    static void set(IdentityDialog &d, const char *name, const QString &text) {
        d.findChild<QLineEdit *>(QString::fromLatin1(name))->setText(text);
    }
    void fill(IdentityDialog &d, const QString &path) {
        set(d, "nameEdit", QString::fromUtf8("Zoë Ngô"));
        set(d, "titleEdit", u"Assistant Chief Counsel"_qs);
        set(d, "officeEdit", u"OPLA Houston"_qs);
        set(d, "barNumberEdit", u"24012345"_qs);
        set(d, "barStateEdit", u"TX"_qs);
        set(d, "identityPathEdit", path);
        set(d, "passphraseEdit", u"correct horse"_qs);
        set(d, "repeatEdit", u"correct horse"_qs);
    }
    bool refused(IdentityDialog &d, const QString &expected) {
        MessageBox::setNextAnswer(QMessageBox::Ok);
        const bool created = d.create();
        if (!MessageBox::lastText().contains(expected))
            qWarning("message: %s", qPrintable(MessageBox::lastText()));
        return !created && MessageBox::lastText().contains(expected);
    }

  private Q_SLOTS:
    // A newcomer is told before making one that others will see "signer not trusted".
    void saysItIsAPracticeIdentity() {
        IdentityDialog d;
        const QString text = d.findChild<QLabel *>(u"identityExplanation"_qs)->text();
        QVERIFY2(text.contains(u"practice identity"_qs) &&
                     text.contains(u"\"signer not trusted\""_qs) && text.contains(u"PIV card"_qs),
                 qPrintable(text));
    }

    void theDefaultFileIsInTheDataFolder() {
        QVERIFY(IdentityDialog::defaultPath().startsWith(
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    }

    void eachWrongFieldIsNamed() {
        const QString path = m_dir.path(u"refused.p12"_qs);
        IdentityDialog d;
        fill(d, path);
        set(d, "nameEdit", u"  "_qs);
        QVERIFY(refused(d, u"Full name is empty"_qs));
        fill(d, path);
        set(d, "repeatEdit", u"correct horsE"_qs);
        QVERIFY(refused(d, u"passphrases differ"_qs));
        fill(d, path);
        set(d, "passphraseEdit", u"short"_qs);
        set(d, "repeatEdit", u"short"_qs);
        QVERIFY(refused(d, u"at least 8 characters"_qs));
        QVERIFY(!QFile::exists(path));
    }

    void createsAnIdentityThatSigns() {
        const QString path = m_dir.path(u"keys/me.p12"_qs);  // the folder is made too
        IdentityDialog d;
        fill(d, path);
        d.findChild<QComboBox *>(u"keyType"_qs)->setCurrentIndex(0);
        QVERIFY(d.create());
        QCOMPARE(d.savedPath(), path);
        QCOMPARE(Settings::identityFile(), path);
        QCOMPARE(Settings::profileName(), QString::fromUtf8("Zoë Ngô"));  // names audit entries
        QVERIFY(AuditLog::actor().startsWith(QString::fromUtf8("Zoë Ngô")));
        QCOMPARE(QFile(path).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QString error;
        const auto identity = SigningIdentity::load(path, "correct horse", &error);
        QVERIFY2(identity, qPrintable(error));
        QCOMPARE(identity->commonName(), QString::fromUtf8("Zoë Ngô"));
        QCOMPARE(identity->profile().barNumber, u"24012345"_qs);
        QCOMPARE(identity->profile().office, u"OPLA Houston"_qs);
        QVERIFY(identity->notAfter() > Clock::nowUtc().addDays(700));
        QVERIFY(!SigningIdentity::load(path, "wrong horse", &error));

        // A second identity never replaces the first.
        const QByteArray before = [&path] {
            QFile f(path);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        IdentityDialog again;
        fill(again, path);
        QVERIFY(refused(again, u"already exists"_qs));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }
};

QTEST_MAIN(TestIdentityDialog)
#include "tst_identitydialog.moc"
