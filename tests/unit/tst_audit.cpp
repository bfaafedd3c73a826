#include "ExampleReview.h"
#include "TestDocket.h"
#include "audit/AuditLog.h"
#include "audit/AuditText.h"
#include "io/CsvImporter.h"
#include "store/Sqlite.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace {
QJsonObject detailsOf(const AuditEntry &e) {
    return QJsonDocument::fromJson(e.details).object();
}

QString sqlError(CaseStore &store, const QString &sql) {
    QSqlQuery q(store.database());
    return q.exec(sql) ? QString() : q.lastError().text();
}

AuditEntry newest(CaseStore &store) {
    return AuditLog(store.handle()).entries(std::numeric_limits<qint64>::max(), 1).value(0);
}
}  // namespace

// The audit log: one chained entry per change, in the change's own transaction; the
// database refuses edits; any edit made behind its back is found and named.
class TestAudit : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void aNewDocketStartsTheChain() {
        TestDocket docket;
        auto store = docket.open();
        AuditLog log(store->handle());
        QCOMPARE(log.count(), 1);
        QCOMPARE(newest(*store).action, u"docket.create"_qs);
        QCOMPARE(newest(*store).prevHash, QByteArray(32, '\0'));
        QVERIFY(log.verify().ok);
    }

    void caseChangesAreRecordedFieldByField() {
        TestDocket docket;
        auto store = docket.open();
        Case c = makeCase(u"204555101"_qs, u"Hernández"_qs, u"Rosa"_qs);
        c.nationality = u"Guatemala"_qs;
        QString error;
        QVERIFY(store->saveCase(c, &error));
        AuditEntry e = newest(*store);
        QCOMPARE(e.action, u"case.create"_qs);
        QCOMPARE(e.entityId, u"204555101"_qs);
        QCOMPARE(detailsOf(e)[u"values"_qs][u"nationality"_qs].toString(), u"Guatemala"_qs);

        c.nationality = u"Honduras"_qs;
        c.charges.append(
            {u"Illegal entry"_qs, QDate(2012, 1, 3), u"federal"_qs, u"dismissed"_qs, {}, false});
        QVERIFY(store->saveCase(c, &error));
        e = newest(*store);
        QCOMPARE(e.action, u"case.edit"_qs);
        const QJsonObject changes = detailsOf(e)[u"changes"_qs].toObject();
        QCOMPARE(changes.keys(), (QStringList{u"charges"_qs, u"nationality"_qs}));
        QCOMPARE(changes[u"nationality"_qs][u"old"_qs].toString(), u"Guatemala"_qs);
        QCOMPARE(changes[u"nationality"_qs][u"new"_qs].toString(), u"Honduras"_qs);
        QCOMPARE(changes[u"charges"_qs][u"new"_qs].toArray().size(), 1);

        const qint64 before = AuditLog(store->handle()).count();
        QVERIFY(store->saveCase(c, &error));  // nothing changed: nothing recorded
        QCOMPARE(AuditLog(store->handle()).count(), before);

        QVERIFY(store->deleteCase(c.id, &error));
        e = newest(*store);
        QCOMPARE(e.action, u"case.delete"_qs);
        QCOMPARE(detailsOf(e)[u"values"_qs][u"family_name"_qs].toString(), u"Hernández"_qs);
        const QList<AuditEntry> history =
            AuditLog(store->handle()).entriesFor(u"case"_qs, u"204555101"_qs, 10);
        QCOMPARE(history.size(), 3);  // newest first
        QCOMPARE(history.last().action, u"case.create"_qs);
        QVERIFY(AuditLog(store->handle()).verify().ok);
    }

    void anImportRecordsEachCaseAndItsCountsOrNothing() {
        TestDocket docket;
        auto store = docket.open();
        QVERIFY(docket.writeFile(u"good.csv"_qs,
                                 "a_number,family_name\n"
                                 "A204555101,Ruiz\nA204555102,Diaz\n"));
        ImportReport report =
            CsvImporter(*store, DuplicatePolicy::Update).importFile(docket.path(u"good.csv"_qs));
        QVERIFY(report.succeeded());
        AuditLog log(store->handle());
        QCOMPARE(log.count(), 4);  // create, two cases, the import
        const AuditEntry summary = newest(*store);
        QCOMPARE(summary.action, u"import"_qs);
        QCOMPARE(summary.entityId, u"good.csv"_qs);
        QCOMPARE(detailsOf(summary)[u"imported"_qs].toInt(), 2);
        QCOMPARE(log.entriesFor(u"case"_qs, u"204555102"_qs, 5).value(0).action, u"case.import"_qs);

        // An unclosed quote: nothing imported, and nothing recorded.
        QVERIFY(docket.writeFile(u"bad.csv"_qs,
                                 "a_number,family_name\n"
                                 "A204555103,Lopez\nA204555104,\"Unclosed\n"));
        report =
            CsvImporter(*store, DuplicatePolicy::Update).importFile(docket.path(u"bad.csv"_qs));
        QVERIFY(!report.succeeded());
        QCOMPARE(log.count(), 4);
        QVERIFY(log.verify().ok);
    }

    // A CSV update names only the columns it has: the entry holds each changed field's old
    // and new value, and the History tab says them.
    void anImportUpdateIsRecordedFieldByField() {
        TestDocket docket;
        auto store = docket.open();
        QVERIFY(docket.writeFile(u"first.csv"_qs,
                                 "a_number,family_name,given_names,nationality\n"
                                 "A204555101,Ruiz,Ana,Peru\n"));
        QVERIFY(CsvImporter(*store, DuplicatePolicy::Update)
                    .importFile(docket.path(u"first.csv"_qs))
                    .succeeded());
        QVERIFY(docket.writeFile(u"second.csv"_qs,
                                 "a_number,family_name,given_names\nA204555101,Diaz,Ana\n"));
        QVERIFY(CsvImporter(*store, DuplicatePolicy::Update)
                    .importFile(docket.path(u"second.csv"_qs))
                    .succeeded());
        const AuditEntry update =
            AuditLog(store->handle()).entriesFor(u"case"_qs, u"204555101"_qs, 1).value(0);
        QCOMPARE(update.action, u"case.import_update"_qs);
        const QJsonObject changes = detailsOf(update)[u"changes"_qs].toObject();
        QCOMPARE(changes.keys(), QStringList{u"family_name"_qs});
        QCOMPARE(changes[u"family_name"_qs].toObject()[u"old"_qs].toString(), u"Ruiz"_qs);
        QCOMPARE(changes[u"family_name"_qs].toObject()[u"new"_qs].toString(), u"Diaz"_qs);
        QCOMPARE(AuditText::describe(update),
                 u"Updated by import of second.csv: Family name: Ruiz → Diaz"_qs);
        QVERIFY(AuditLog(store->handle()).verify().ok);
    }

    void reviewsSignaturesAndAmendmentsAreRecorded() {
        TestDocket docket;
        auto store = docket.open();
        Case c = makeCase(u"204555101"_qs, u"Ruiz"_qs);
        QString error;
        QVERIFY(store->saveCase(c, &error));
        QVERIFY(recordExampleReview(*store, c.id, u"draft"_qs));
        QCOMPARE(newest(*store).action, u"review.save"_qs);
        QVERIFY(recordExampleReview(*store, c.id, u"ready"_qs));
        QCOMPARE(newest(*store).action, u"review.ready"_qs);
        const QString headBefore = AuditLog(store->handle()).headHashHex();
        const auto identity =
            SigningIdentity::generate({u"A. Attorney"_qs, {}, u"OPLA"_qs, {}, {}, {}},
                                      SigningIdentity::KeyType::EcP256, 30, &error);
        ReviewSignature signature;
        QVERIFY(ReviewStore(*store).sign(ReviewStore(*store).latest(c.id)->id, *identity,
                                         &signature, &error));
        QCOMPARE(signature.auditHead, headBefore);
        QCOMPARE(ReviewStore(*store).signatureOf(signature.reviewId)->auditHead, headBefore);
        const AuditEntry signing = newest(*store);
        QCOMPARE(signing.action, u"review.sign"_qs);
        QCOMPARE(detailsOf(signing)[u"audit_head"_qs].toString(), headBefore);
        QCOMPARE(detailsOf(signing)[u"signer"_qs].toString(), u"A. Attorney"_qs);
        QVERIFY(ReviewStore(*store).amend(c.id, u"New evidence"_qs, &error));
        QCOMPARE(newest(*store).action, u"review.amend"_qs);
        QCOMPARE(detailsOf(newest(*store))[u"reason"_qs].toString(), u"New evidence"_qs);
        QVERIFY(ReviewStore(*store).addPolicyText(PolicyPack::builtIn().first(), &error));
        QCOMPARE(newest(*store).action, u"policy.load"_qs);
        QVERIFY(AuditLog(store->handle()).verify().ok);
    }

    void entriesNameTheProfileAndTheAccount() {
        TestDocket docket;
        auto store = docket.open();
        qputenv("USER", "jdoe");
        AuditLog::setProfileName(u"Ana Beltrán"_qs);
        Case c = makeCase(u"204555101"_qs, u"Ruiz"_qs);
        QString error;
        QVERIFY(store->saveCase(c, &error));
        AuditLog::setProfileName({});
        QCOMPARE(newest(*store).actor, u"Ana Beltrán (jdoe)"_qs);
        QVERIFY(store->deleteCase(c.id, &error));
        QCOMPARE(newest(*store).actor, u"jdoe"_qs);
    }

    void theDatabaseRefusesToChangeTheLog() {
        TestDocket docket;
        auto store = docket.open();
        QVERIFY(sqlError(*store, u"UPDATE audit_log SET actor='someone else'"_qs)
                    .contains(u"append-only"_qs));
        QVERIFY(sqlError(*store, u"DELETE FROM audit_log"_qs).contains(u"append-only"_qs));
        QCOMPARE(AuditLog(store->handle()).count(), 1);
    }

    // With the sqlite3 tool anything can be done; the chain then names the first entry
    // that no longer holds.
    void anEditBehindItsBackIsFoundAndNamed() {
        TestDocket docket;
        auto store = docket.open();
        QString error;
        for (int i = 0; i < 5; ++i) {
            Case c = makeCase(u"20455510%1"_qs.arg(i), u"Case"_qs);
            QVERIFY(store->saveCase(c, &error));
        }
        QVERIFY(AuditLog(store->handle()).verify().ok);
        QCOMPARE(sqlError(*store, u"DROP TRIGGER audit_log_no_update"_qs), QString());
        QCOMPARE(sqlError(*store,
                          u"UPDATE audit_log SET details=replace(details,'Case','Kase') "
                          "WHERE seq=3"_qs),
                 QString());
        AuditVerification v = AuditLog(store->handle()).verify();
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBroken, 3);
        QVERIFY2(v.problem.contains(u"entry 3"_qs) && v.problem.contains(u"changed"_qs),
                 qPrintable(v.problem));
        // The quick check of the newest entries still sees it when it is in its window.
        QVERIFY(!AuditLog(store->handle()).verify(5).ok);
        QVERIFY(AuditLog(store->handle()).verify(2).ok);  // the last two link and hold

        TestDocket other;
        auto second = other.open();
        for (int i = 0; i < 3; ++i) {
            Case c = makeCase(u"20455520%1"_qs.arg(i), u"Case"_qs);
            QVERIFY(second->saveCase(c, &error));
        }
        QCOMPARE(sqlError(*second, u"DROP TRIGGER audit_log_no_delete"_qs), QString());
        QCOMPARE(sqlError(*second, u"DELETE FROM audit_log WHERE seq=2"_qs), QString());
        v = AuditLog(second->handle()).verify();
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBroken, 2);
        QVERIFY2(v.problem.contains(u"missing"_qs), qPrintable(v.problem));
    }

    // The whole log deleted with sqlite3 and its trigger made again as it was (the schema then
    // reads as Discretion's): the docket is refused and left as it is. It used to be upgraded
    // and given a fresh start entry, and `check` called that log ok (the attack round).
    void aDocketWithItsHistoryRemovedIsRefusedUnchanged() {
        TestDocket docket;
        {
            auto store = docket.open();
            Case c = makeCase(u"204555101"_qs, u"Case"_qs);
            QVERIFY(saved(*store, c));
        }
        for (const QString &name : {u"emptied"_qs, u"emptied-and-changed"_qs}) {
            const QString path = docket.path(name + u".sqlite"_qs);
            QVERIFY(QFile::copy(docket.path(), path));
            QCOMPARE(sqliteExec(path,
                                "UPDATE cases SET family_name = 'Tampered'; DROP TRIGGER "
                                "audit_log_no_delete; DELETE FROM audit_log;"),
                     SQLITE_OK);
            {
                // The trigger again, in its own words.
                auto store =
                    CaseStore::open(docket.path(), CaseStore::OpenMode::OpenExisting, nullptr);
                QVERIFY(store);
                Sqlite::Statement kept(store->handle(),
                                       u"SELECT sql FROM sqlite_schema WHERE name = "
                                       "'audit_log_no_delete'"_qs);
                QVERIFY(kept.step() == SQLITE_ROW);
                QCOMPARE(sqliteExec(path, kept.text(0).toUtf8().constData()), SQLITE_OK);
            }
            if (name.endsWith(u"changed"_qs))
                QCOMPARE(sqliteExec(path, "CREATE INDEX planted ON cases(language)"), SQLITE_OK);
            QFile before(path);
            QVERIFY(before.open(QIODevice::ReadOnly));
            const QByteArray bytes = before.readAll();
            before.close();
            QString error;
            QVERIFY(!CaseStore::open(path, CaseStore::OpenMode::OpenExisting, &error));
            QVERIFY2(error.contains(u"its audit log is empty, though every docket since schema 4 "
                                    "records its creation there"_qs),
                     qPrintable(error));
            QCOMPARE(error.contains(u"index planted was added outside Discretion"_qs),
                     name.endsWith(u"changed"_qs));
            QVERIFY2(!error.contains(u"earlier version"_qs), qPrintable(error));
            QFile after(path);
            QVERIFY(after.open(QIODevice::ReadOnly));
            QVERIFY(after.readAll() == bytes);  // no fresh start entry written
        }
    }

    void anOldDocketStartsItsLogWithWhatItHeld() {
        TestDocket docket;
        QVERIFY(QFile::copy(QStringLiteral(DISCRETION_TEST_DATA "/docket-v1.sqlite"),
                            docket.path(u"v1.sqlite"_qs)));
        QFile(docket.path(u"v1.sqlite"_qs))
            .setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        auto store = docket.open(u"v1.sqlite"_qs);
        QVERIFY(store);
        const AuditEntry start = newest(*store);
        QCOMPARE(start.action, u"audit.start"_qs);
        QCOMPARE(detailsOf(start)[u"schema_from"_qs].toInt(), 1);
        QCOMPARE(detailsOf(start)[u"cases"_qs].toInt(), 25);
        QVERIFY(AuditLog(store->handle()).verify().ok);
    }
};

QTEST_MAIN(TestAudit)
#include "tst_audit.moc"
