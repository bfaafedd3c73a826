#include "ExampleReview.h"
#include "TestDocket.h"
#include "domain/ANumber.h"
#include "files/ProtectedPaths.h"
#include "io/CaseExporter.h"
#include "report/BatchExport.h"
#include "store/CaseStore.h"
#include "store/DocketBackup.h"

#include <sys/stat.h>
#include <QDir>

namespace {
mode_t modeOf(const QString &path) {
    struct stat info {};
    return stat(QFile::encodeName(path).constData(), &info) == 0 ? (info.st_mode & 0777) : 0;
}

QByteArray contents(const QString &path) {
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}
}  // namespace

// Every file Discretion writes holds personal data: owner-only (0600) whatever the umask.
// The masked export carries no name, A-number or note.
class TestFileSecurity : public QObject {
    Q_OBJECT
    TestDocket m_dir;
    mode_t m_umask = 0;

  private Q_SLOTS:
    void initTestCase() { m_umask = umask(0); }  // the most permissive: files would be 0666
    void cleanupTestCase() { umask(m_umask); }

    void everyFileWeWriteIsOwnerOnly() {
        auto store = m_dir.openGenerated(30, 21);
        QString error;
        const auto identity =
            SigningIdentity::generate({u"A. Attorney"_qs, {}, u"OPLA"_qs, {}, {}, {}},
                                      SigningIdentity::KeyType::EcP256, 30, &error);
        QVERIFY(signExampleReview(*store, 1, *identity));
        qint64 written = 0;
        QVERIFY(CaseExporter::exportCsv(*store, {}, {}, m_dir.path(u"l.csv"_qs), &written, &error));
        QVERIFY(CaseExporter::exportJsonLines(*store, {}, {}, m_dir.path(u"l.jsonl"_qs), &written,
                                              &error));
        QVERIFY(CaseExporter::exportCsv(*store, {}, {}, m_dir.path(u"m.csv"_qs), &written, &error,
                                        CaseExporter::Privacy::Masked));
        QVERIFY(identity->save(m_dir.path(u"id.p12"_qs), "passphrase!", &error));
        QVERIFY(DocketBackup::backup(*store, m_dir.path(u"b.sqlite"_qs)).ok);
        const BatchExport::Plan plan = BatchExport::plan(*store, {1}, m_dir.dir(), &*identity);
        QVERIFY(BatchExport::run(plan.items, {QPageSize(QPageSize::Letter)}, &*identity)
                    .failures.isEmpty());
        const QStringList files{u"docket.sqlite"_qs, u"docket.sqlite-wal"_qs,
                                u"l.csv"_qs,         u"l.jsonl"_qs,
                                u"m.csv"_qs,         u"id.p12"_qs,
                                u"b.sqlite"_qs,      QFileInfo(plan.items.first().path).fileName()};
        for (const QString &name : files)
            QVERIFY2(
                modeOf(m_dir.path(name)) == 0600,
                qPrintable(u"%1 has mode %2"_qs.arg(name).arg(modeOf(m_dir.path(name)), 0, 8)));
    }

    void aMaskedExportCarriesNoNamesOrANumbers() {
        TestDocket docket;
        auto store = docket.openGenerated(200, 33);
        QString error;
        qint64 written = 0;
        const QString csv = docket.path(u"masked.csv"_qs);
        const QString jsonl = docket.path(u"masked.jsonl"_qs);
        QVERIFY(CaseExporter::exportCsv(*store, {}, {}, csv, &written, &error,
                                        CaseExporter::Privacy::Masked));
        QCOMPARE(written, 200);
        QVERIFY(CaseExporter::exportJsonLines(*store, {}, {}, jsonl, &written, &error,
                                              CaseExporter::Privacy::Masked));
        const QString masked = QString::fromUtf8(contents(csv) + contents(jsonl));
        int checkedNames = 0;
        for (qint64 id = 1; id <= 200; ++id) {
            const Case c = *store->loadCase(id);
            QVERIFY2(!masked.contains(c.aNumber), qPrintable(c.aNumber));
            QVERIFY(!masked.contains(ANumber::displayDigits(c.aNumber)));
            if (c.familyName.size() > 3) {  // long enough not to appear inside other words
                QVERIFY2(!masked.contains(c.familyName + u',') &&
                             !masked.contains(u'"' + c.familyName + u'"'),
                         qPrintable(c.familyName));
                ++checkedNames;
            }
            if (!c.notes.isEmpty())
                QVERIFY(!masked.contains(c.notes));
            for (const FamilyMember &f : c.family)
                QVERIFY(f.name.isEmpty() || !masked.contains(f.name));
        }
        QVERIFY(checkedNames > 100);
        // Courts and dates stay for the statistics; pseudonyms are one per person in a file
        // and differ between files.
        QVERIFY(masked.contains(store->loadCase(1)->court));
        const QString first =
            QString::fromUtf8(contents(csv)).split(u'\n').value(1).section(u',', 0, 0);
        QVERIFY2(first.startsWith(u"P-"_qs) && first.size() == 12, qPrintable(first));
        QSet<QString> pseudonyms;
        for (const QString &line : QString::fromUtf8(contents(csv)).split(u'\n').mid(1))
            if (!line.isEmpty())
                pseudonyms.insert(line.section(u',', 0, 0));
        QCOMPARE(pseudonyms.size(), 200);                              // one per person
        QVERIFY(!QString::fromUtf8(contents(jsonl)).contains(first));  // another file, another key
        QVERIFY(CaseExporter::exportCsv(*store, {}, {}, docket.path(u"again.csv"_qs), &written,
                                        &error, CaseExporter::Privacy::Masked));
        QVERIFY(!QString::fromUtf8(contents(docket.path(u"again.csv"_qs))).contains(first));
    }

    // An export named like the open docket (a typo, or a link to it) replaced the docket
    // with a CSV (an attack helper's finding): refused, the docket untouched.
    void noExportIsSavedOverTheOpenDocket() {
        TestDocket dir;
        auto store = dir.openGenerated(40, 9);
        const QString docket = dir.path();
        QVERIFY(QFile::link(docket, dir.path(u"link.sqlite"_qs)));
        const QStringList targets{docket, dir.path(u"link.sqlite"_qs), docket + u"-wal"_qs,
                                  dir.dir() + u"/./docket.sqlite"_qs};
        for (const QString &target : targets) {
            qint64 written = 0;
            QString error;
            QVERIFY(!CaseExporter::exportCsv(*store, {}, {}, target, &written, &error));
            QVERIFY2(error.contains(u"it is the open docket itself"_qs), qPrintable(error));
        }
        QCOMPARE(store->caseCount(), 40);
        QVERIFY(store->integrityProblems().isEmpty());
        QVERIFY(ProtectedPaths::contains(dir.path(u"link.sqlite"_qs)));
        auto second = CaseStore::open(docket, CaseStore::OpenMode::OpenExisting, nullptr);
        store.reset();  // protected until the last connection closes
        QVERIFY(ProtectedPaths::contains(docket));
        second.reset();
        QVERIFY(!ProtectedPaths::contains(docket));
    }
};

QTEST_MAIN(TestFileSecurity)
#include "tst_filesecurity.moc"
