// No byte lost: writes that fail on a full disk exit 2 with the reason and leave the file
// that was there before untouched; a signing identity is never replaced; folders the
// program makes are 0700. The full disk is a 64 KB tmpfs, which only root may mount: as
// another user those cases are skipped, and say so.
#include "Programs.h"
#include "TestDocket.h"

#include <sys/stat.h>
#include <unistd.h>
#include <QDir>
#include <QFileInfo>

namespace {
QProcessEnvironment withPassphrase() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DISCRETION_PASSPHRASE"_qs, u"full-disk-passphrase"_qs);
    return env;
}

QByteArray bytesOf(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
}  // namespace

class TestFullDisk : public QObject {
    Q_OBJECT
    TestDocket m_dir;
    QString m_db, m_full;
    bool m_mounted = false;

    // Fills the tmpfs to the last byte.
    void fill() {
        QFile filler(m_full + u"/filler"_qs);
        QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered));
        const QByteArray block(512, 'x');
        while (filler.write(block) == block.size()) {
        }
        QFile one(m_full + u"/filler2"_qs);
        if (one.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            while (one.write("x", 1) == 1) {
            }
    }

    void needsFullDisk() {
        if (!m_mounted)
            QSKIP("a full disk needs a tmpfs, which only root can mount here: skipped");
    }

  private Q_SLOTS:
    void initTestCase() {
        m_db = m_dir.path(u"d.sqlite"_qs);
        QCOMPARE(discretionRun({u"generate-docket"_qs, u"--db"_qs, m_db, u"--cases"_qs, u"30"_qs})
                     .exitCode,
                 0);
        m_full = m_dir.path(u"full"_qs);
        QVERIFY(QDir().mkpath(m_full));
        if (geteuid() == 0)
            m_mounted = runProgram(u"mount"_qs, {u"-t"_qs, u"tmpfs"_qs, u"-o"_qs, u"size=64k"_qs,
                                                 u"tmpfs"_qs, m_full})
                            .exitCode == 0;
    }

    void cleanupTestCase() {
        if (m_mounted)
            runProgram(u"umount"_qs, {m_full});
    }

    void exportsOnAFullDiskKeepTheEarlierFile() {
        needsFullDisk();
        for (const QString &kind : {u"csv"_qs, u"jsonl"_qs}) {
            const QString out = m_full + u"/cases."_qs + kind;
            QCOMPARE(discretionRun({u"export-"_qs + kind, u"--db"_qs, m_db, out}).exitCode, 0);
            const QByteArray before = bytesOf(out);
            QVERIFY(!before.isEmpty());
            fill();
            const Run r = discretionRun({u"export-"_qs + kind, u"--db"_qs, m_db, out});
            QVERIFY2(r.exitCode == 2, qPrintable(r.all()));
            QVERIFY2(r.err.contains(u"No space left on device"_qs), qPrintable(r.err));
            QVERIFY(!r.out.contains(u"exported"_qs));
            QCOMPARE(bytesOf(out), before);
            QFile::remove(m_full + u"/filler"_qs);
            QFile::remove(m_full + u"/filler2"_qs);
        }
    }

    // A PDF is larger than Qt's file buffer, so its write fails at once: that failure is
    // an error (exit 2, the reason, the earlier file kept), never "wrote", and no export
    // is recorded in the audit log (it once was, with exit 0).
    void aPdfOnAFullDiskIsNotReportedWritten() {
        needsFullDisk();
        const QString db = m_dir.path(u"pdf.sqlite"_qs);
        const QString source = QStringLiteral(DISCRETION_SOURCE "/resources/policies/");
        QCOMPARE(
            discretionRun({u"import-jsonl"_qs, u"--db"_qs, db, source + u"example-case.jsonl"_qs})
                .exitCode,
            0);
        QCOMPARE(discretionRun({u"review"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs,
                                u"--answers"_qs, source + u"example-answers.json"_qs})
                     .exitCode,
                 0);
        const QString out = m_full + u"/d.pdf"_qs;
        {
            QFile earlier(out);
            QVERIFY(earlier.open(QIODevice::WriteOnly) && earlier.write("PRECIOUS") == 8);
        }
        const QStringList audit{u"audit"_qs, u"show"_qs, u"--db"_qs, db, u"--limit"_qs, u"1000"_qs};
        const QString entriesBefore = discretionRun(audit).out;
        fill();
        const Run r = discretionRun(
            {u"export-pdf"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs, u"--out"_qs, out});
        QFile::remove(m_full + u"/filler"_qs);
        QFile::remove(m_full + u"/filler2"_qs);
        QVERIFY2(r.exitCode == 2, qPrintable(r.all()));
        QVERIFY2(r.err.contains(u"No space left on device"_qs), qPrintable(r.err));
        QVERIFY(!r.out.contains(u"wrote"_qs));
        QCOMPARE(bytesOf(out), QByteArray("PRECIOUS"));
        QCOMPARE(discretionRun(audit).out, entriesBefore);
        QVERIFY(QDir(m_full).entryList({u"d.pdf?*"_qs}, QDir::Files | QDir::Hidden).isEmpty());
    }

    void anIdentityOnAFullDiskIsNotWritten() {
        needsFullDisk();
        fill();
        const QString out = m_full + u"/id.p12"_qs;
        const Run r = discretionRun(
            {u"identity"_qs, u"--name"_qs, u"Full Disk"_qs, u"--out"_qs, out}, withPassphrase());
        QVERIFY2(r.exitCode == 2, qPrintable(r.all()));
        QVERIFY(!r.out.contains(u"wrote"_qs));
        QVERIFY(!QFileInfo::exists(out));
        // No temporary file left beside the name either.
        QVERIFY(QDir(m_full).entryList({u"id.p12*"_qs}, QDir::Files | QDir::Hidden).isEmpty());
        QFile::remove(m_full + u"/filler"_qs);
        QFile::remove(m_full + u"/filler2"_qs);
    }

    void aSigningIdentityIsNeverReplaced() {
        const QString out = m_dir.path(u"mine.p12"_qs);
        QCOMPARE(discretionRun({u"identity"_qs, u"--name"_qs, u"First"_qs, u"--out"_qs, out},
                               withPassphrase())
                     .exitCode,
                 0);
        const QByteArray first = bytesOf(out);
        const Run r = discretionRun({u"identity"_qs, u"--name"_qs, u"Second"_qs, u"--out"_qs, out},
                                    withPassphrase());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"already exists; it is never replaced"_qs), qPrintable(r.err));
        QCOMPARE(bytesOf(out), first);
    }

    void foldersTheProgramMakesAreOwnerOnly() {
        const mode_t old = umask(0);
        const QString folder = m_dir.path(u"made/for/pdfs"_qs);
        const Run r = discretionRun(
            {u"export-pdf"_qs, u"--db"_qs, m_db, u"--all-signed"_qs, u"--out"_qs, folder});
        umask(old);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        for (const QString &made : {u"made"_qs, u"made/for"_qs, u"made/for/pdfs"_qs}) {
            struct stat s {};
            QCOMPARE(stat(QFile::encodeName(m_dir.path(made)).constData(), &s), 0);
            QCOMPARE(s.st_mode & 0777, mode_t(0700));
        }
    }
};

QTEST_GUILESS_MAIN(TestFullDisk)
#include "tst_fulldisk.moc"
