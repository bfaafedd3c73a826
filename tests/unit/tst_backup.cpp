#include "ExampleReview.h"
#include "TestDocket.h"
#include "audit/AuditLog.h"
#include "store/DocketBackup.h"
#include "store/Sqlite.h"

#include <sys/stat.h>
#include <QDir>
#include <QSemaphore>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <thread>

namespace {
qint64 count(CaseStore &store, const QString &sql) {
    QSqlQuery q(sql, store.database());
    return q.next() ? q.value(0).toLongLong() : -1;
}

bool privateFile(const QString &path) {
    return (QFile(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                         QFileDevice::ReadOther | QFileDevice::WriteOther)) ==
           QFileDevice::Permissions();
}
}  // namespace

// Backup through the online backup API while the docket is in use, verified copies,
// restore that never loses the replaced docket, and copies that are refused.
class TestBackup : public QObject {
    Q_OBJECT
    TestDocket m_dir;
    std::unique_ptr<CaseStore> m_store;

  private Q_SLOTS:
    void initTestCase() {
        m_store = m_dir.openGenerated(200, 8);
        QString error;
        const auto identity =
            SigningIdentity::generate({u"A. Attorney"_qs, {}, u"OPLA"_qs, {}, {}, {}},
                                      SigningIdentity::KeyType::EcP256, 30, &error);
        QVERIFY(signExampleReview(*m_store, 1, *identity));
    }

    void aBackupIsAVerifiedPrivateCopyEvenWhileAnotherWriterIsBusy() {
        // Another program is half-way through a write for a second: the copy holds what is
        // committed, and recording the backup waits for the writer instead of failing.
        QSemaphore writing;
        std::thread writer([this, &writing] {
            sqlite3 *other = nullptr;
            sqlite3_open(QFile::encodeName(m_dir.path()).constData(), &other);
            Sqlite::exec(other,
                         u"BEGIN IMMEDIATE; UPDATE cases SET notes='uncommitted' WHERE id=2;"_qs,
                         nullptr);
            writing.release();
            QThread::msleep(1000);
            Sqlite::exec(other, u"ROLLBACK"_qs, nullptr);
            sqlite3_close(other);
        });
        writing.acquire();
        const mode_t before = umask(0);  // the most permissive umask: still 0600
        const BackupResult r = DocketBackup::backup(*m_store, m_dir.path(u"copy.sqlite"_qs));
        umask(before);
        writer.join();
        QVERIFY2(r.ok, qPrintable(r.problem));
        QVERIFY(privateFile(m_dir.path(u"copy.sqlite"_qs)));
        QVERIFY(!QFile::exists(m_dir.path(u"copy.sqlite.partial"_qs)));
        QString error;
        auto copy = CaseStore::open(m_dir.path(u"copy.sqlite"_qs),
                                    CaseStore::OpenMode::OpenExisting, &error);
        QVERIFY2(copy, qPrintable(error));
        QCOMPARE(copy->caseCount(), 200);
        QCOMPARE(count(*copy, u"SELECT count(*) FROM cases WHERE notes='uncommitted'"_qs), 0);
        QCOMPARE(count(*copy, u"SELECT count(*) FROM review_signatures"_qs), 1);
        QCOMPARE(AuditLog(copy->handle()).headHashHex(), r.auditHead);
        // The original records the backup and when it was made.
        const AuditEntry last =
            AuditLog(m_store->handle()).entries(std::numeric_limits<qint64>::max(), 1).first();
        QCOMPARE(last.action, u"backup"_qs);
        QVERIFY(!m_store->lastBackup().isEmpty());
    }

    // A second program keeps the write lock past the busy timeout: a clear message, not
    // SQLite's "database is locked", and the case is not half-saved.
    void aWriterThatDoesNotFinishGivesAClearMessage() {
        sqlite3 *other = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(m_dir.path()).constData(), &other), SQLITE_OK);
        QVERIFY(Sqlite::exec(other, u"BEGIN IMMEDIATE"_qs, nullptr));
        Case c = *m_store->loadCase(3);
        c.notes = u"edited while another program writes"_qs;
        QString error;
        const bool saved = m_store->saveCase(c, &error);
        Sqlite::exec(other, u"ROLLBACK"_qs, nullptr);
        sqlite3_close(other);
        QVERIFY(!saved);
        QVERIFY2(error.contains(u"the docket is busy"_qs) && !error.contains(u"locked"_qs),
                 qPrintable(error));
        QVERIFY(m_store->loadCase(3)->notes != c.notes);
    }

    void restoreKeepsTheReplacedDocketAside() {
        const QString backup = m_dir.path(u"restore-from.sqlite"_qs);
        QVERIFY(DocketBackup::backup(*m_store, backup).ok);
        const QString target = m_dir.path(u"target.sqlite"_qs);
        {
            auto other = m_dir.open(u"target.sqlite"_qs);
            Case c = makeCase(u"209999999"_qs, u"Only"_qs, u"Here"_qs);
            QString error;
            QVERIFY(other->saveCase(c, &error));
        }
        BackupResult r = DocketBackup::restore(backup, target, false);
        QVERIFY(!r.ok);
        QVERIFY2(r.problem.contains(u"--force"_qs), qPrintable(r.problem));
        r = DocketBackup::restore(backup, target, true);
        QVERIFY2(r.ok, qPrintable(r.problem));
        QVERIFY(QFile::exists(r.keptAside));
        QString error;
        auto kept = CaseStore::open(r.keptAside, CaseStore::OpenMode::OpenExisting, &error);
        QVERIFY2(kept && kept->findCaseId(u"209999999"_qs) != 0, qPrintable(error));
        auto restored = CaseStore::open(target, CaseStore::OpenMode::OpenExisting, &error);
        QVERIFY(restored);
        QCOMPARE(restored->caseCount(), 200);
        QVERIFY(privateFile(target));
        AuditLog audit(restored->handle());
        QVERIFY(audit.verify().ok);
        QCOMPARE(audit.entries(std::numeric_limits<qint64>::max(), 1).first().action,
                 u"restore"_qs);
        QCOMPARE(ReviewStore(*restored).latest(1)->sha256(),
                 ReviewStore(*m_store).latest(1)->sha256());
    }

    void copiesThatDoNotHoldAreRefusedAndNothingChanges() {
        const QString target = m_dir.path(u"keep.sqlite"_qs);
        { auto keep = m_dir.open(u"keep.sqlite"_qs); }
        const QByteArray original = [&target] {
            QFile f(target);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        QVERIFY(m_dir.writeFile(u"text.sqlite"_qs, "a_number,family_name\nA1,B\n"));
        QVERIFY(m_dir.writeFile(u"empty.sqlite"_qs, ""));
        const QString tampered = m_dir.path(u"tampered.sqlite"_qs);
        QVERIFY(DocketBackup::backup(*m_store, tampered).ok);
        sqlite3 *db = nullptr;
        sqlite3_open(QFile::encodeName(tampered).constData(), &db);
        QVERIFY(Sqlite::exec(db,
                             u"DROP TRIGGER audit_log_no_update; "
                             "UPDATE audit_log SET actor='mallory' WHERE seq=5;"_qs,
                             nullptr));
        sqlite3_close(db);
        const QList<std::pair<QString, QString>> cases{
            {u"text.sqlite"_qs, u"not an SQLite database"_qs},
            {u"empty.sqlite"_qs, u"not a Discretion docket"_qs},
            {u"tampered.sqlite"_qs, u"entry 5"_qs},
            {u"missing.sqlite"_qs, u"missing.sqlite"_qs}};
        for (const auto &[name, expected] : cases) {
            const BackupResult r = DocketBackup::restore(m_dir.path(name), target, true);
            QVERIFY(!r.ok);
            QVERIFY2(r.problem.contains(expected), qPrintable(name + u": "_qs + r.problem));
        }
        QFile f(target);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), original);
        QCOMPARE(QDir(m_dir.dir()).entryList({u"keep.sqlite.replaced*"_qs}).size(), 0);
    }
};

QTEST_MAIN(TestBackup)
#include "tst_backup.moc"
