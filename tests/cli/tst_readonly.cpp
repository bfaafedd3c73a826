// A docket on a read-only file or folder (a colleague's share, a write-protected copy) opens
// read-only: listing, checking, verifying and backing up work; each write is refused with
// exit 2 and a message that says why, and the file is not touched.
#include "Programs.h"
#include "ReadOnlyFolder.h"
#include "TestDocket.h"

#include <QCryptographicHash>

namespace {
const QString kPassphrase = QStringLiteral("read-only-passphrase");

QByteArray digest(const QString &path) {
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}
}  // namespace

class TestReadOnly : public QObject {
    Q_OBJECT
    TestDocket m_dir;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();

    Run cli(const QStringList &args) { return discretionRun(args, m_env); }

  private Q_SLOTS:
    void initTestCase() { m_env.insert(u"DISCRETION_PASSPHRASE"_qs, kPassphrase); }

    void aReadOnlyDocketReadsChecksAndVerifiesButNeverWrites() {
        const QString db = m_dir.path(u"shared.sqlite"_qs);
        const QString id = m_dir.path(u"id.p12"_qs);
        const QString pdf = m_dir.path(u"signed.pdf"_qs);
        const QList<QStringList> steps{
            {u"import-jsonl"_qs, u"--db"_qs, db, policyFile(u"example-case.jsonl"_qs)},
            {u"review"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs, u"--answers"_qs,
             policyFile(u"example-answers.json"_qs)},
            {u"identity"_qs, u"--name"_qs, u"Ana Attorney"_qs, u"--out"_qs, id},
            {u"sign"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs, u"--identity"_qs, id},
            {u"export-pdf"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs, u"--out"_qs, pdf,
             u"--identity"_qs, id}};
        for (const QStringList &step : steps) {
            const Run r = cli(step);
            QVERIFY2(r.exitCode == 0, qPrintable(step.first() + u": "_qs + r.all()));
        }
        ReadOnlyFolder folder(m_dir.path(u"share"_qs));
        QString error;
        QVERIFY2(folder.seal({db}, &error), qPrintable(error));
        const QString shared = folder.path(u"shared.sqlite"_qs);
        const QByteArray before = digest(shared);

        Run r = cli({u"list"_qs, u"--db"_qs, shared});
        QVERIFY2(r.exitCode == 0 && r.out.contains(u"A204-555-101"_qs), qPrintable(r.all()));
        r = cli({u"check"_qs, u"--db"_qs, shared});
        QVERIFY2(r.exitCode == 0 && r.out.contains(u"cases: 1"_qs), qPrintable(r.all()));
        r = cli({u"verify"_qs, pdf, u"--db"_qs, shared});
        QVERIFY2(r.exitCode == 0 && r.out.contains(u"matches the signed review of A204-555-101"_qs),
                 qPrintable(r.all()));
        r = cli({u"backup"_qs, u"--db"_qs, shared, m_dir.path(u"copy.sqlite"_qs)});
        QVERIFY2(r.exitCode == 0 && r.out.contains(u"the docket is read-only here"_qs),
                 qPrintable(r.all()));

        for (const QStringList &write :
             {QStringList{u"import-jsonl"_qs, u"--db"_qs, shared,
                          policyFile(u"example-case.jsonl"_qs)},
              QStringList{u"amend"_qs, u"--db"_qs, shared, u"--case"_qs, u"A204-555-101"_qs,
                          u"--reason"_qs, u"New evidence"_qs}}) {
            r = cli(write);
            QVERIFY2(r.exitCode == 2 && r.err.contains(u"the docket is open read-only"_qs) &&
                         !r.err.contains(u"readonly database"_qs),
                     qPrintable(write.first() + u": "_qs + r.all()));
        }
        QCOMPARE(digest(shared), before);
    }
};

QTEST_GUILESS_MAIN(TestReadOnly)
#include "tst_readonly.moc"
