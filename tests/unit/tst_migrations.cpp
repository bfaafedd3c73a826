#include "TestDocket.h"
#include "audit/AuditLog.h"
#include "sign/SignedRecords.h"
#include "store/ReviewStore.h"
#include "store/Sqlite.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
// What a docket holds, read with the plain SQLite API before Discretion touches it.
struct Contents {
    qint64 cases = 0;
    QStringList reviewHashes;  // "id:record_sha256", in id order
    qint64 signatures = 0;
    friend bool operator==(const Contents &, const Contents &) = default;
};

Contents read(sqlite3 *db, int schema) {
    Contents c;
    Sqlite::Statement cases(db, QStringLiteral("SELECT count(*) FROM cases"));
    c.cases = cases.step() == SQLITE_ROW ? cases.int64(0) : -1;
    if (schema >= 2) {
        Sqlite::Statement reviews(db, QStringLiteral("SELECT id, record_sha256, record FROM "
                                                     "reviews ORDER BY id"));
        while (reviews.step() == SQLITE_ROW) {
            const QString hash = QString::fromLatin1(
                QCryptographicHash::hash(reviews.text(2).toUtf8(), QCryptographicHash::Sha256)
                    .toHex());
            // The stored hash must still be the record's, before and after.
            c.reviewHashes << QStringLiteral("%1:%2%3")
                                  .arg(reviews.int64(0))
                                  .arg(reviews.text(1), hash == reviews.text(1) ? "" : " (!)");
        }
    }
    if (schema >= 3) {
        Sqlite::Statement signatures(db, QStringLiteral("SELECT count(*) FROM review_signatures"));
        c.signatures = signatures.step() == SQLITE_ROW ? signatures.int64(0) : -1;
    }
    return c;
}
}  // namespace

// Dockets written by each earlier schema (tests/data/docket-vN.sqlite, made by the program as
// it was: tests/data/make-fixtures) open, upgrade in one step and keep every row, every
// review's hash and every signature; the audit log starts with what they held.
class TestMigrations : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void upgrades_data() {
        QTest::addColumn<int>("schema");
        QTest::addColumn<qint64>("cases");
        QTest::addColumn<int>("reviews");
        QTest::addColumn<int>("signatures");
        QTest::newRow("schema 1") << 1 << qint64(25) << 0 << 0;
        QTest::newRow("schema 2") << 2 << qint64(21) << 1 << 0;
        QTest::newRow("schema 3") << 3 << qint64(21) << 2 << 1;
        QTest::newRow("schema 4") << 4 << qint64(21) << 2 << 1;
    }

    void upgrades() {
        QFETCH(int, schema);
        QFETCH(qint64, cases);
        QFETCH(int, reviews);
        QFETCH(int, signatures);
        TestDocket docket;
        QVERIFY(QFile::copy(QStringLiteral(DISCRETION_TEST_DATA "/docket-v%1.sqlite").arg(schema),
                            docket.path()));
        QFile::setPermissions(docket.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        Contents before;
        {
            sqlite3 *db = nullptr;
            QCOMPARE(sqlite3_open(QFile::encodeName(docket.path()).constData(), &db), SQLITE_OK);
            Sqlite::Statement version(db, QStringLiteral("PRAGMA user_version"));
            QVERIFY(version.step() == SQLITE_ROW);
            QCOMPARE(version.int64(0), schema);
            before = read(db, schema);
            sqlite3_close(db);
        }
        QCOMPARE(before.cases, cases);
        QCOMPARE(before.reviewHashes.size(), reviews);
        QCOMPARE(before.signatures, signatures);
        for (const QString &h : before.reviewHashes)
            QVERIFY2(!h.endsWith(u"(!)"_qs), qPrintable(h));

        QString error;
        auto store = CaseStore::open(docket.path(), CaseStore::OpenMode::OpenExisting, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->schemaVersion(), CaseStore::latestSchemaVersion());
        QVERIFY(store->integrityProblems().isEmpty());
        QCOMPARE(read(store->handle(), schema), before);
        const ReviewStore reviewStore(*store);
        const QStringList problems = SignedRecords(*store).problems();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QVERIFY(reviewStore.policyTextProblems().isEmpty());

        AuditLog audit(store->handle());
        QVERIFY(audit.verify().ok);
        // The newest entry records the upgrade: the log's first entry for a docket from
        // before it, a docket.upgrade otherwise.
        const AuditEntry start = audit.entries(std::numeric_limits<qint64>::max(), 1).first();
        QCOMPARE(start.action, schema < 4 ? u"audit.start"_qs : u"docket.upgrade"_qs);
        const QJsonObject details = QJsonDocument::fromJson(start.details).object();
        QCOMPARE(details[u"schema_from"_qs].toInt(), schema);
        QCOMPARE(details[u"schema"_qs].toInt(), CaseStore::latestSchemaVersion());
        if (schema < 4) {
            QCOMPARE(details[u"cases"_qs].toInteger(), cases);
            QCOMPARE(details[u"reviews"_qs].toInt(), reviews);
            QCOMPARE(details[u"signatures"_qs].toInt(), signatures);
        }
        // Signatures made before schema 5 signed no attestation: the upgrade lists them.
        QCOMPARE(details[u"unattested_reviews"_qs].toArray().size(), signatures);
        QCOMPARE(SignedRecords(*store).attestationStart().unattested.size(), signatures);
        QVERIFY(reviewStore.statusProblems().isEmpty());

        if (schema >= 3) {  // the amendment chain survives: a draft v2 naming the signed v1
            const qint64 caseId = store->findCaseId(u"204555101"_qs);
            const std::optional<Review> latest = ReviewStore(*store).latest(caseId);
            QVERIFY(latest);
            QCOMPARE(latest->version, 2);
            QCOMPARE(latest->status, u"draft"_qs);
            QVERIFY(ReviewStore(*store).signatureOf(latest->supersedes));
        }
        // Schema 7 built the name index again with one-letter prefixes: it still finds what
        // a scan of the names finds.
        Sqlite::Statement definition(
            store->handle(), u"SELECT sql FROM sqlite_schema WHERE name = 'case_search'"_qs);
        QVERIFY(definition.step() == SQLITE_ROW);
        QVERIFY2(definition.text(0).contains(u"prefix = '1 2 3'"_qs),
                 qPrintable(definition.text(0)));
        int found = 0;
        for (const char *letter : {"a", "m", "s"}) {
            Sqlite::Statement indexed(
                store->handle(),
                u"SELECT group_concat(rowid) FROM (SELECT rowid FROM case_search WHERE "
                "case_search MATCH '%1*' ORDER BY rowid)"_qs.arg(QLatin1String(letter)));
            Sqlite::Statement scanned(
                store->handle(),
                u"SELECT group_concat(id) FROM (SELECT id FROM cases WHERE ' ' || search_name "
                "LIKE '%% %1%%' ORDER BY id)"_qs.arg(QLatin1String(letter)));
            QVERIFY(indexed.step() == SQLITE_ROW && scanned.step() == SQLITE_ROW);
            QCOMPARE(indexed.text(0), scanned.text(0));
            found += indexed.text(0).isEmpty() ? 0 : 1;
        }
        QVERIFY(found > 0);
        // Schema 8 sorts counsel without regard to case.
        Sqlite::Statement counselIndex(
            store->handle(), u"SELECT sql FROM sqlite_schema WHERE name = 'cases_counsel'"_qs);
        QVERIFY(counselIndex.step() == SQLITE_ROW);
        QVERIFY2(counselIndex.text(0).contains(u"COLLATE NOCASE"_qs),
                 qPrintable(counselIndex.text(0)));
        // Opening again changes nothing more.
        const qint64 entries = audit.count();
        store.reset();
        store = CaseStore::open(docket.path(), CaseStore::OpenMode::OpenExisting, &error);
        QCOMPARE(AuditLog(store->handle()).count(), entries);
    }

    // An older docket whose schema was changed by hand is refused for that reason, and is
    // not upgraded (it was refused as merely "written by an earlier version": open it where
    // it can be written, which it was).
    void anOlderDocketChangedByHandIsRefusedForTheChange() {
        TestDocket docket;
        QVERIFY(
            QFile::copy(QStringLiteral(DISCRETION_TEST_DATA "/docket-v4.sqlite"), docket.path()));
        QFile::setPermissions(docket.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(sqliteExec(docket.path(), "CREATE INDEX planted ON cases(language)"), SQLITE_OK);
        QString error;
        QVERIFY(!CaseStore::open(docket.path(), CaseStore::OpenMode::OpenExisting, &error));
        QVERIFY2(error.contains(u"its schema was changed outside Discretion (index planted "_qs),
                 qPrintable(error));
        QVERIFY2(error.contains(u"earlier version of Discretion (schema 4)"_qs), qPrintable(error));
        QVERIFY2(!error.contains(u"where it can be written"_qs), qPrintable(error));
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(docket.path()).constData(), &db), SQLITE_OK);
        qint64 after = -1;
        {
            Sqlite::Statement version(db, QStringLiteral("PRAGMA user_version"));
            if (version.step() == SQLITE_ROW)
                after = version.int64(0);
        }
        sqlite3_close(db);
        QCOMPARE(after, 4);  // not upgraded
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
