#include <unistd.h>
#include "Programs.h"
#include "ReadOnlyFolder.h"
#include "TestDocket.h"
#include "io/CsvImporter.h"
#include "io/JsonLinesImporter.h"
#include "policy/PolicyPack.h"
#include "sign/PdfVerifier.h"
#include "sign/SigningIdentity.h"
#include "sign/TrustStore.h"
#include "store/CasePager.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <QFileInfo>
#include <QSqlQuery>

namespace {
Case fullCase() {
    Case c = makeCase(u"212345678"_qs, QString::fromUtf8("Nguyễn"), QString::fromUtf8("Thị Lan"));
    c.dateOfBirth = QDate(1988, 4, 2);
    c.nationality = u"Vietnam"_qs;
    c.court = u"ATL"_qs;
    c.custody = u"R"_qs;
    c.ntaDate = QDate(2021, 5, 1);
    c.nextHearingDate = QDate(2027, 2, 3);
    c.nextHearingType = u"master"_qs;
    c.notes = u"Robert'); DROP TABLE cases;--"_qs;
    c.charges = {
        {u"Petty theft"_qs, QDate(2019, 1, 2), u"Atlanta, GA"_qs, u"vacated"_qs, QString(), false},
        {u"Robbery"_qs, QDate(2020, 3, 4), u"Fulton County"_qs, u"convicted"_qs, u"24 months"_qs,
         true}};
    c.family = {{u"Ana"_qs, u"child"_qs, u"USC"_qs, u"caregiver"_qs}};
    c.relief = {{u"asylum"_qs, u"court"_qs, QDate(2022, 1, 1)}};
    return c;
}

qint64 nameMatches(CaseStore &store, const QString &search) {
    CaseFilter f;
    f.search = search;
    return CasePager(store.database(), f, {}).first(100).rows.size();
}
// docket.sqlite open as the window holds it: one case saved, so its WAL has a write in it.
std::unique_ptr<CaseStore> openWithWal(TestDocket &dir) {
    auto store = dir.open(u"docket.sqlite"_qs);
    QString error;
    Case first = makeCase(u"012345678"_qs, u"Ruiz"_qs);
    if (!store || !store->saveCase(first, &error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    return store;
}
}  // namespace

class TestStore : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    // The open docket picked as the file to read (the CSV to import, the JSON Lines, the PDF
    // to verify, the trust store, a policy pack, a signing identity), or a hard link to it:
    // each read and close dropped SQLite's locks as in the test below (an attack helper). Each is
    // refused by name, nothing reads the file, and the command line leaves the WAL alone.
    void theOpenDocketIsNeverReadAsAnInputFile() {
        TestDocket dir;
        const QString docket = dir.path(u"docket.sqlite"_qs);
        auto window = openWithWal(dir);
        QVERIFY(window);
        QString error;
        const QString refused = u"is the docket open in Discretion"_qs;
        const QString link = dir.path(u"link.sqlite"_qs);
        QVERIFY(QFile::link(docket, dir.path(u"symlink.sqlite"_qs)));
        QCOMPARE(::link(QFile::encodeName(docket).constData(), QFile::encodeName(link).constData()),
                 0);
        for (const QString &path :
             QStringList{docket, link, dir.path(u"symlink.sqlite"_qs), docket + u"-wal"_qs}) {
            QVERIFY2(CsvImporter(*window, DuplicatePolicy::Skip)
                         .importFile(path)
                         .fatal.contains(refused),
                     qPrintable(path));
            QVERIFY(JsonLinesImporter(*window, DuplicatePolicy::Skip)
                        .importFile(path)
                        .fatal.contains(refused));
            QVERIFY(CsvImporter::preview(path, 5, {}).error.contains(refused));
            QVERIFY(PdfVerifier::verify(path).problem.contains(refused));
            QVERIFY(!TrustStore::load(path, &error) && error.contains(refused));
            QVERIFY(!PolicyPack::fromFile(path, &error) && error.contains(refused));
            QVERIFY(!SigningIdentity::load(path, "passphrase", &error) && error.contains(refused));
        }
        // A second name for the same file would get a WAL of its own: refused.
        QVERIFY(!CaseStore::open(link, CaseStore::OpenMode::OpenExisting, &error));
        QVERIFY2(error.contains(u"hard link"_qs), qPrintable(error));
        const Run list = discretionRun({u"list"_qs, u"--db"_qs, docket});
        QVERIFY2(list.exitCode == 0, qPrintable(list.all()));
        QVERIFY(QFile::exists(docket + u"-wal"_qs));  // the window's locks held throughout
    }

    // The window holds the docket; the import preview, an import or an export opens it again
    // in the same process. That second opening read the file's header with a QFile of its
    // own, and closing it dropped the POSIX locks SQLite held for the whole process: the
    // command line, run next, took itself for the only user and deleted the WAL under the
    // window, whose next save damaged the docket (found by a new-user helper).
    void openingAnOpenDocketAgainKeepsSQLitesLocks() {
        TestDocket dir;
        const QString docket = dir.path(u"docket.sqlite"_qs);
        auto window = openWithWal(dir);
        QVERIFY(window);
        QString error;
        {
            auto again = CaseStore::open(docket, CaseStore::OpenMode::OpenExisting, &error);
            QVERIFY2(again, qPrintable(error));
        }
        QVERIFY(dir.writeFile(u"in.csv"_qs, "a_number,family_name\n012345679,Lee\n"));
        const Run imported =
            discretionRun({u"import-csv"_qs, u"--db"_qs, docket, dir.path(u"in.csv"_qs)});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.all()));
        QVERIFY(QFile::exists(docket + u"-wal"_qs));  // still the window's too
        Case later = makeCase(u"012345680"_qs, u"Kim"_qs);
        QVERIFY2(window->saveCase(later, &error), qPrintable(error));
        window.reset();
        const Run check = discretionRun({u"check"_qs, u"--db"_qs, docket});
        QVERIFY2(check.exitCode == 0, qPrintable(check.all()));
        const Run list = discretionRun({u"list"_qs, u"--db"_qs, docket});
        for (const char *name : {"Ruiz", "Lee", "Kim"})
            QVERIFY2(list.all().contains(QLatin1String(name)), qPrintable(list.all()));
    }

    void createsAPrivateFileAtTheLatestSchema() {
        TestDocket docket;
        const mode_t old = umask(0);
        auto store = docket.open();
        umask(old);
        QVERIFY(store);
        struct stat info {};
        QCOMPARE(stat(docket.path().toLocal8Bit().constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, mode_t(0600));
        QCOMPARE(store->schemaVersion(), CaseStore::latestSchemaVersion());
        QVERIFY(store->courtCodes().contains(u"ATL"_qs));
        QVERIFY(store->courts().size() >= 31);
        QSqlQuery q(u"PRAGMA journal_mode"_qs, store->database());
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), u"wal"_qs);
        QSqlQuery fk(u"PRAGMA foreign_keys"_qs, store->database());
        QVERIFY(fk.next());
        QCOMPARE(fk.value(0).toInt(), 1);
    }

    void savesAndLoadsAWholeCaseVerbatim() {
        TestDocket docket;
        auto store = docket.open();
        Case c = fullCase();
        QVERIFY(saved(*store, c));
        QVERIFY(c.id > 0);
        std::optional<Case> back = store->loadCase(c.id);
        QVERIFY(back);
        QVERIFY(back->createdAt.isValid());
        back->createdAt = c.createdAt;
        back->updatedAt = c.updatedAt;
        QCOMPARE(*back, c);
        QCOMPARE(store->caseCount(), 1);
    }

    void updatesReplaceChildrenAndKeepSearchInSync() {
        TestDocket docket;
        auto store = docket.open();
        Case c = fullCase();
        QVERIFY(saved(*store, c));
        QCOMPARE(nameMatches(*store, u"nguyen"_qs), 1);
        c.familyName = u"O'Brien"_qs;
        c.charges.removeFirst();
        QVERIFY(saved(*store, c));
        QCOMPARE(store->loadCase(c.id)->charges.size(), 1);
        QCOMPARE(nameMatches(*store, u"nguyen"_qs), 0);
        QCOMPARE(nameMatches(*store, u"obrien"_qs), 1);
        QCOMPARE(nameMatches(*store, u"lan"_qs), 1);
    }

    void refusesASecondCaseWithTheSameANumber() {
        TestDocket docket;
        auto store = docket.open();
        Case a = makeCase(u"012345678"_qs, u"First"_qs);
        Case b = makeCase(u"012345678"_qs, u"Second"_qs);
        QString error;
        QVERIFY(store->saveCase(a, &error));
        QVERIFY(!store->saveCase(b, &error));
        QVERIFY2(error.contains(u"A012-345-678 already belongs"_qs), qPrintable(error));
        QCOMPARE(store->caseCount(), 1);
    }

    void deleteRemovesChildrenAndSearchEntry() {
        TestDocket docket;
        auto store = docket.open();
        Case c = fullCase();
        QVERIFY(saved(*store, c));
        QString error;
        QVERIFY2(store->deleteCase(c.id, &error), qPrintable(error));
        QCOMPARE(store->caseCount(), 0);
        QVERIFY(!store->loadCase(c.id));
        QSqlQuery q(
            u"SELECT (SELECT count(*) FROM charges) + (SELECT count(*) FROM family_members)"_qs,
            store->database());
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QCOMPARE(nameMatches(*store, u"nguyen"_qs), 0);
    }

    // A case taken out of the name index by hand (sqlite3) is never found by its name again;
    // PRAGMA integrity_check does not look inside that index: the check does, writable or not.
    void aNameIndexOutOfStepWithTheCasesIsAProblem() {
        TestDocket docket;
        {
            auto store = docket.open();
            Case c = fullCase();
            QVERIFY(saved(*store, c));
            QVERIFY(store->integrityProblems().isEmpty());
        }
        QCOMPARE(sqliteExec(docket.path(),
                            "INSERT INTO case_search(case_search, rowid, "
                            "search_name) SELECT 'delete', id, search_name FROM "
                            "cases"),
                 SQLITE_OK);
        {
            auto store = docket.open();
            QCOMPARE(nameMatches(*store, u"nguyen"_qs), 0);  // the case is lost to name searches
            const QStringList problems = store->integrityProblems();
            QCOMPARE(problems.size(), 1);
            QVERIFY2(problems.first().startsWith(u"the name index does not match the cases"_qs),
                     qPrintable(problems.first()));
        }
        ReadOnlyFolder folder(docket.path(u"sealed"_qs));
        QString error;
        QVERIFY2(folder.seal({docket.path()}, &error), qPrintable(error));
        auto sealed = CaseStore::open(folder.path(u"docket.sqlite"_qs),
                                      CaseStore::OpenMode::OpenExisting, &error);
        QVERIFY2(sealed && sealed->isReadOnly(), qPrintable(error));
        const QStringList problems = sealed->integrityProblems();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().endsWith(u"it lists 0 cases, the docket holds 1"_qs),
                 qPrintable(problems.first()));
    }

    // The sqlite3 shell does not enforce foreign keys: a case deleted there leaves its charges,
    // family and relief behind (and a new case given the same id would show them as its own).
    // integrity_check does not see it; check does.
    void recordsLeftBehindByACaseDeletedByHandAreAProblem() {
        TestDocket docket;
        {
            auto store = docket.open();
            Case c = fullCase();
            QVERIFY(saved(*store, c));
            QVERIFY(!c.charges.isEmpty() && !c.family.isEmpty());
            QVERIFY(store->integrityProblems().isEmpty());
        }
        QCOMPARE(sqliteExec(docket.path(), "PRAGMA foreign_keys = OFF; DELETE FROM cases"),
                 SQLITE_OK);
        auto store = docket.open();
        QCOMPARE(store->caseCount(), 0);
        const QStringList problems = store->integrityProblems();
        QVERIFY2(problems.size() >= 2, qPrintable(problems.join(u'\n')));
        for (const char *table : {"charges", "family_members"})
            QVERIFY2(problems.filter(u" rows of %1 belong to a case or record that is not in the "
                                     "docket"_qs.arg(QLatin1String(table)))
                             .size() == 1,
                     qPrintable(problems.join(u'\n')));
    }

    void reopensAnExistingDocketUnchanged() {
        TestDocket docket;
        {
            auto store = docket.open();
            Case c = fullCase();
            QVERIFY(saved(*store, c));
        }
        auto again = docket.open();
        QVERIFY(again);
        QCOMPARE(again->caseCount(), 1);
        QVERIFY(again->integrityProblems().isEmpty());
    }

    void refusesFilesThatAreNotDockets_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("text file")
            << QByteArray("a_number,family_name\n012345678,X\n") << "not an SQLite database";
        QTest::newRow("short binary") << QByteArray("SQLite") << "not an SQLite database";
    }
    void refusesFilesThatAreNotDockets() {
        QFETCH(QByteArray, content);
        QFETCH(QString, reasonPart);
        TestDocket docket;
        QVERIFY(docket.writeFile(u"x.sqlite"_qs, content));
        QString error;
        QVERIFY(!CaseStore::open(docket.path(u"x.sqlite"_qs), CaseStore::OpenMode::OpenExisting,
                                 &error));
        QVERIFY2(error.contains(reasonPart) && error.contains(docket.path(u"x.sqlite"_qs)),
                 qPrintable(error));
        QFile f(docket.path(u"x.sqlite"_qs));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), content);  // changed nothing
    }

    void refusesAnotherProgramsDatabase() {
        TestDocket docket;
        QCOMPARE(sqliteExec(docket.path(u"other.db"_qs), "CREATE TABLE invoices(id INTEGER)"),
                 SQLITE_OK);
        QString error;
        QVERIFY(!CaseStore::open(docket.path(u"other.db"_qs), CaseStore::OpenMode::OpenExisting,
                                 &error));
        QVERIFY2(error.contains(u"not a Discretion docket"_qs), qPrintable(error));
    }

    void refusesANewerSchemaAndChangesNothing() {
        TestDocket docket;
        docket.open();
        QCOMPARE(sqliteExec(docket.path(), "PRAGMA user_version=99"), SQLITE_OK);
        const QByteArray before = [&] {
            QFile f(docket.path());
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        QString error;
        QVERIFY(!CaseStore::open(docket.path(), CaseStore::OpenMode::OpenExisting, &error));
        QVERIFY2(error.contains(u"newer version"_qs) && error.contains(u"schema 99"_qs),
                 qPrintable(error));
        QFile f(docket.path());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    void refusesATruncatedDocket() {
        TestDocket docket;
        {
            auto store = docket.open();
            for (int i = 0; i < 300; ++i) {
                Case c = makeCase(QString::number(100000000 + i), u"Name"_qs + QString::number(i));
                c.notes = QString(200, u'x');
                QString error;
                QVERIFY(store->saveCase(c, &error));
            }
            store->database().exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_qs);
        }
        QFile::remove(docket.path() + u"-wal"_qs);
        QFile f(docket.path());
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(f.size() / 2));
        f.close();
        QString error;
        QVERIFY(!CaseStore::open(docket.path(), CaseStore::OpenMode::OpenExisting, &error));
        QVERIFY2(error.contains(u"damaged"_qs), qPrintable(error));
    }

    void refusesAMissingFileWhenOpening() {
        TestDocket docket;
        QString error;
        QVERIFY(!CaseStore::open(docket.path(u"none.sqlite"_qs), CaseStore::OpenMode::OpenExisting,
                                 &error));
        QVERIFY(error.contains(u"does not exist"_qs));
        QVERIFY(!QFileInfo::exists(docket.path(u"none.sqlite"_qs)));
    }

    void opensTheVersionOneFixture() {
        // A docket written by schema version 1, kept in tests/data; later versions must
        // keep opening it with everything intact.
        TestDocket docket;
        QVERIFY(
            QFile::copy(QStringLiteral(DISCRETION_TEST_DATA "/docket-v1.sqlite"), docket.path()));
        QFile::setPermissions(docket.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QString error;
        auto store = CaseStore::open(docket.path(), CaseStore::OpenMode::OpenExisting, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->schemaVersion(), CaseStore::latestSchemaVersion());
        QCOMPARE(store->caseCount(), 25);
        QVERIFY(store->integrityProblems().isEmpty());
        const auto counts = store->tableCounts();
        QCOMPARE(counts[0].second, 25);
        QVERIFY(store->isSynthetic());
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
