// A history that cannot be quietly rewritten: the docket edited with sqlite3 the way an
// attacker with a copy of the file would, then judged by the real executable.
#include "Programs.h"
#include "Rechain.h"
#include "TestDocket.h"
#include "store/CaseStore.h"

#include <QCryptographicHash>

namespace {
const QString kPassphrase = QStringLiteral("history-passphrase");

QByteArray sha256Of(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly)
               ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
               : QByteArray();
}

}  // namespace

class TestHistory : public QObject {
    Q_OBJECT
    TestDocket m_dir;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();

    Run cli(const QStringList &args) { return discretionRun(args, m_env); }
    Run sqlite(const QString &db, const QString &sql) {
        return runProgram(u"sqlite3"_qs, {db, sql});
    }

    // The example case, reviewed and signed.
    QString signedDocket(const QString &name) {
        const QString db = m_dir.path(name);
        const QString id = m_dir.path(name + u".p12"_qs);
        const QList<QStringList> steps{
            {u"import-jsonl"_qs, u"--db"_qs, db, policyFile(u"example-case.jsonl"_qs)},
            {u"review"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs, u"--answers"_qs,
             policyFile(u"example-answers.json"_qs)},
            {u"identity"_qs, u"--name"_qs, u"Ana Attorney"_qs, u"--out"_qs, id},
            {u"sign"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs, u"--identity"_qs, id}};
        for (const QStringList &step : steps)
            if (const Run r = cli(step); r.exitCode != 0)
                qFatal("%s", qPrintable(step.first() + u": "_qs + r.all()));
        return db;
    }

  private Q_SLOTS:
    void initTestCase() { m_env.insert(u"DISCRETION_PASSPHRASE"_qs, kPassphrase); }

    void aGenuineDocketHasTheSchemaDiscretionMakes() {
        const Run r = cli({u"check"_qs, u"--db"_qs, signedDocket(u"genuine.sqlite"_qs)});
        QVERIFY2(r.exitCode == 0 && r.out.contains(u"schema: as Discretion makes it"_qs),
                 qPrintable(r.all()));
    }

    void aLookAlikeSignerIsNotTrusted();

    // check says when opening upgraded the docket, and how many signatures predate
    // attestations; the second check has nothing to upgrade.
    void anOldDocketSaysItWasUpgraded() {
        const QString db = m_dir.path(u"v4.sqlite"_qs);
        QVERIFY(QFile::copy(QStringLiteral(DISCRETION_TEST_DATA "/docket-v4.sqlite"), db));
        QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        Run r = cli({u"check"_qs, u"--db"_qs, db});
        QVERIFY2(r.exitCode == 0 &&
                     r.out.contains(
                         u"schema version: %1 (latest %1; upgraded from 4 as it was opened"_qs.arg(
                             CaseStore::latestSchemaVersion())) &&
                     r.out.contains(u"signatures from before schema 5 (their signer, time and "
                                    "audit head are not signed): 1"_qs),
                 qPrintable(r.all()));
        r = cli({u"check"_qs, u"--db"_qs, db});
        QVERIFY2(r.exitCode == 0 && r.out.contains(u"schema version: %1 (latest %1)\n"_qs.arg(
                                        CaseStore::latestSchemaVersion())),
                 qPrintable(r.all()));
        // A backup kept from before the upgrade still witnesses the history, and checking
        // with it leaves it exactly as it was (it is read, never opened as a docket).
        const QString backup = m_dir.path(u"backup-v4.sqlite"_qs);
        QVERIFY(QFile::copy(QStringLiteral(DISCRETION_TEST_DATA "/docket-v4.sqlite"), backup));
        QFile::setPermissions(backup, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const QByteArray before = sha256Of(backup);
        r = cli({u"check"_qs, u"--db"_qs, db, u"--witness"_qs, backup});
        QVERIFY2(r.exitCode == 0 && !r.out.contains(u"WITNESS"_qs), qPrintable(r.all()));
        QCOMPARE(sha256Of(backup), before);
    }
    void theCircumstancesOfASignatureAreSigned_data();
    void theCircumstancesOfASignatureAreSigned();
    void aRewrittenHistoryCannotMoveTheSignedHead();
    void theLogTheSignaturesAndTheListAgree_data();
    void theLogTheSignaturesAndTheListAgree();
    void witnessesFindARewrittenOrTruncatedHistory();

    // Protective triggers dropped: named by check, and the docket opens read-only.
    // A trigger given an sqlite_ name with writable_schema: compared like any other.
    void aTriggerCannotHideBehindAnSqliteName() {
        const QString db = signedDocket(u"hidden.sqlite"_qs);
        QCOMPARE(sqlite(db,
                        u"PRAGMA writable_schema=ON; CREATE TRIGGER sqlite_autoindex_evil "
                        "AFTER INSERT ON audit_log BEGIN UPDATE cases SET "
                        "family_name='Impostor'; END;"_qs)
                     .exitCode,
                 0);
        const Run r = cli({u"check"_qs, u"--db"_qs, db});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"trigger sqlite_autoindex_evil was added outside Discretion"_qs),
                 qPrintable(r.out));
        QVERIFY(r.err.contains(u"is open read-only"_qs));
    }

    void aDroppedTriggerIsNamed() {
        const QString db = signedDocket(u"dropped.sqlite"_qs);
        QCOMPARE(sqlite(db, u"DROP TRIGGER signed_review_no_update"_qs).exitCode, 0);
        const Run r = cli({u"check"_qs, u"--db"_qs, db});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"schema: CHANGED\n  trigger signed_review_no_update is "
                                "missing"_qs),
                 qPrintable(r.out));
        QVERIFY2(r.err.contains(u"is open read-only: its schema was changed outside "
                                "Discretion (trigger signed_review_no_update is missing)"_qs),
                 qPrintable(r.err));
    }

    // A foreign trigger that renames the case whenever a review is written: before, `amend`
    // ran it silently. Now the docket opens read-only, amend changes nothing, and check
    // names the trigger with its SQL.
    void aForeignTriggerNeverRuns() {
        const QString db = signedDocket(u"foreign.sqlite"_qs);
        QCOMPARE(sqlite(db,
                        u"CREATE TRIGGER quiet_rename AFTER INSERT ON reviews BEGIN "
                        "UPDATE cases SET family_name='Impostor'; END"_qs)
                     .exitCode,
                 0);
        Run r = cli({u"amend"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs, u"--reason"_qs,
                     u"New evidence"_qs});
        QVERIFY2(r.exitCode == 2 && r.err.contains(u"the docket is open read-only"_qs),
                 qPrintable(r.all()));
        QVERIFY(sqlite(db, u"SELECT family_name FROM cases"_qs).out.startsWith(u"Hernández"_qs));
        r = cli({u"check"_qs, u"--db"_qs, db});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"trigger quiet_rename was added outside Discretion: CREATE "
                                "TRIGGER quiet_rename AFTER INSERT ON reviews"_qs),
                 qPrintable(r.out));
    }
};

// A look-alike: a second identity with the same name signs another case. Without a trust
// store the signature is "valid" (the key signed the bytes) but the first-seen rule names
// it; with the attorney's real certificate as the trust store, verify, review show and
// check all say it is not trusted, and the genuine signature is.
void TestHistory::aLookAlikeSignerIsNotTrusted() {
    const QString db = signedDocket(u"lookalike.sqlite"_qs);
    const QString real = m_dir.path(u"lookalike.sqlite.p12"_qs);
    const QString fake = m_dir.path(u"fake.p12"_qs);
    const QString trust = m_dir.path(u"ana.pem"_qs);
    QFile line(policyFile(u"example-case.jsonl"_qs));
    QVERIFY(line.open(QIODevice::ReadOnly));
    QVERIFY(m_dir.writeFile(u"second.jsonl"_qs,
                            line.readAll().replace("A204-555-101", "A204-555-102")));
    const QList<QStringList> steps{{u"pkcs12"_qs, u"-in"_qs, real, u"-nokeys"_qs, u"-passin"_qs,
                                    u"env:PASS"_qs, u"-out"_qs, trust}};
    QProcessEnvironment env = m_env;
    env.insert(u"PASS"_qs, kPassphrase);
    QVERIFY(runProgram(u"openssl"_qs, steps.first(), env).exitCode == 0);
    for (const QStringList &step :
         {QStringList{u"import-jsonl"_qs, u"--db"_qs, db, m_dir.path(u"second.jsonl"_qs)},
          QStringList{u"review"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-102"_qs,
                      u"--answers"_qs, policyFile(u"example-answers.json"_qs)},
          QStringList{u"identity"_qs, u"--name"_qs, u"Ana Attorney"_qs, u"--out"_qs, fake},
          QStringList{u"sign"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-102"_qs,
                      u"--identity"_qs, fake},
          QStringList{u"export-pdf"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-102"_qs,
                      u"--out"_qs, m_dir.path(u"fake.pdf"_qs), u"--identity"_qs, fake},
          QStringList{u"export-pdf"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs,
                      u"--out"_qs, m_dir.path(u"real.pdf"_qs), u"--identity"_qs, real}})
        QVERIFY2(cli(step).exitCode == 0, qPrintable(step.first()));

    Run r = cli({u"check"_qs, u"--db"_qs, db});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(u"A204-555-102 (signed by Ana Attorney at "_qs) &&
                 r.out.contains(u"another certificate than Ana Attorney's first signature"_qs),
             qPrintable(r.out));
    r = cli({u"verify"_qs, m_dir.path(u"fake.pdf"_qs)});
    QVERIFY2(
        r.exitCode == 0 && r.out.contains(u"the signer was not checked against a trust store"_qs),
        qPrintable(r.out));
    r = cli({u"verify"_qs, m_dir.path(u"fake.pdf"_qs), u"--trust"_qs, trust});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(
                 u"NOT ACCEPTED: valid, signer not trusted: Ana Attorney is not trusted by "_qs),
             qPrintable(r.out));
    r = cli({u"verify"_qs, m_dir.path(u"real.pdf"_qs), u"--trust"_qs, trust});
    QVERIFY2(r.exitCode == 0 && r.out.contains(u"valid and trusted"_qs), qPrintable(r.out));
    r = cli({u"review"_qs, u"show"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-102"_qs,
             u"--trust"_qs, trust});
    QVERIFY2(r.out.contains(u"\"trusted\": false"_qs) && r.out.contains(u"\"valid\": true"_qs),
             qPrintable(r.out));
    r = cli({u"review"_qs, u"show"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-102"_qs});
    QVERIFY2(r.out.contains(u"\"trusted\": null"_qs) &&
                 r.out.contains(u"not checked: no trust store"_qs),
             qPrintable(r.out));
    m_env.insert(u"DISCRETION_TRUST"_qs, trust);
    r = cli({u"review"_qs, u"show"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs});
    QVERIFY2(r.out.contains(u"\"trusted\": true"_qs), qPrintable(r.out));
    m_env.remove(u"DISCRETION_TRUST"_qs);
    QVERIFY(m_dir.writeFile(u"empty.pem"_qs, "not a certificate\n"));
    r = cli({u"check"_qs, u"--db"_qs, db, u"--trust"_qs, m_dir.path(u"empty.pem"_qs)});
    QVERIFY2(r.exitCode == 2 && r.err.contains(u"holds no PEM certificate"_qs), qPrintable(r.err));
    // A PDF witness vouches for a head only if a trusted key signed it.
    r = cli({u"check"_qs, u"--db"_qs, db, u"--trust"_qs, trust, u"--witness"_qs,
             m_dir.path(u"fake.pdf"_qs)});
    QVERIFY2(r.exitCode == 1 &&
                 r.out.contains(u"fake.pdf proves nothing: its signer Ana Attorney is not "
                                "trusted by "_qs +
                                trust),
             qPrintable(r.all()));
    r = cli({u"check"_qs, u"--db"_qs, db, u"--trust"_qs, trust, u"--witness"_qs,
             m_dir.path(u"real.pdf"_qs)});
    QVERIFY2(r.out.contains(u"the history it saw is still there"_qs) &&
                 r.out.contains(u", signed by Ana Attorney, trusted"_qs),
             qPrintable(r.all()));
}

// Witnesses outside the docket: a signed PDF carries the audit head at signing, a backup its
// newest entry. The chain rewritten and recomputed (it verifies on its own) or cut off
// before them is named; the genuine docket passes.
void TestHistory::witnessesFindARewrittenOrTruncatedHistory() {
    const QString db = signedDocket(u"witnessed.sqlite"_qs);
    const QString pdf = m_dir.path(u"witness.pdf"_qs);
    const QString backup = m_dir.path(u"witness-backup.sqlite"_qs);
    QVERIFY(cli({u"export-pdf"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs, u"--out"_qs,
                 pdf, u"--identity"_qs, m_dir.path(u"witnessed.sqlite.p12"_qs)})
                .exitCode == 0);
    QVERIFY(cli({u"backup"_qs, u"--db"_qs, db, backup}).exitCode == 0);
    const QStringList witnessed{u"check"_qs, u"--db"_qs,      db,    u"--witness"_qs,
                                pdf,         u"--witness"_qs, backup};
    Run r = cli(witnessed);
    QVERIFY2(r.exitCode == 0 && r.out.count(u"the history it saw is still there"_qs) == 2,
             qPrintable(r.all()));

    const QString rewritten = m_dir.path(u"rewritten.sqlite"_qs);
    QVERIFY(QFile::copy(db, rewritten));
    QVERIFY2(runProgram(u"python3"_qs, rechainArgs(rewritten, u"rewrite"_qs)).exitCode == 0,
             "rechain");
    r = cli({u"audit"_qs, u"verify"_qs, u"--db"_qs, rewritten});
    QVERIFY2(r.exitCode == 0, qPrintable(r.all()));  // the rewrite holds on its own
    r = cli({u"check"_qs, u"--db"_qs, rewritten});   // the signature's own head is gone too
    QVERIFY2(r.exitCode == 1 && r.out.contains(u"the audit log no longer leads up to the head "
                                               "this review was signed at"_qs),
             qPrintable(r.out));
    r = cli({u"check"_qs, u"--db"_qs, rewritten, u"--witness"_qs, pdf, u"--witness"_qs, backup});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(u"WITNESS BROKEN: %1 saw the audit head"_qs.arg(pdf)) &&
                 r.out.contains(u"the history up to it was rewritten"_qs),
             qPrintable(r.out));

    const QString cut = m_dir.path(u"cut.sqlite"_qs);
    QVERIFY(QFile::copy(db, cut));
    QVERIFY(runProgram(u"python3"_qs, rechainArgs(cut, u"truncate"_qs, 3)).exitCode == 0);
    r = cli({u"check"_qs, u"--db"_qs, cut, u"--witness"_qs, backup});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(u"and the docket's log now ends at entry 3: it was cut off"_qs),
             qPrintable(r.out));
}

// The signer's name, the signing time and the audit head kept beside a signature are signed
// with the same key (schema 5): changed with sqlite3, triggers set aside and put back, each
// is named by check and makes review show say the signature is not valid.
void TestHistory::theCircumstancesOfASignatureAreSigned_data() {
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("named");
    QTest::newRow("signer renamed")
        << u"UPDATE review_signatures SET signer='Someone Else'"_qs
        << u"the signer is kept as \"Someone Else\", but the certificate names \"Ana "
           "Attorney\""_qs;
    QTest::newRow("signing time moved")
        << u"UPDATE review_signatures SET signed_at='2021-01-04T10:00:00Z'"_qs
        << u"(Ana Attorney, 2021-01-04T10:00:00Z, "_qs;
    QTest::newRow("audit head moved")
        << u"UPDATE review_signatures SET audit_head=(SELECT lower(hex(hash)) FROM audit_log "
           "WHERE seq=1)"_qs
        << u"are not the ones the key signed: they were changed after signing"_qs;
    QTest::newRow("attestation removed")
        << u"UPDATE review_signatures SET attestation=x''"_qs
        << u"its signer, time and audit head are not signed (the attestation was removed"_qs;
}

void TestHistory::theCircumstancesOfASignatureAreSigned() {
    QFETCH(QString, sql);
    QFETCH(QString, named);
    const QString db = signedDocket(QString::fromLatin1(QTest::currentDataTag()) + u".sqlite"_qs);
    QVERIFY(cli({u"check"_qs, u"--db"_qs, db}).exitCode == 0);
    const Run edit = runProgram(u"python3"_qs, {u"-c"_qs, QString::fromUtf8(kForge), db, sql});
    QVERIFY2(edit.exitCode == 0, qPrintable(edit.all()));
    Run r = cli({u"check"_qs, u"--db"_qs, db});
    QVERIFY2(r.exitCode == 1 && r.out.contains(named) &&
                 r.out.contains(u"schema: as Discretion makes it"_qs),
             qPrintable(r.out));
    r = cli({u"review"_qs, u"show"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs});
    QVERIFY2(r.out.contains(u"\"valid\": false"_qs) && r.out.contains(named.left(20)),
             qPrintable(u"exit %1: "_qs.arg(r.exitCode) + r.all()));
}

// The history before a signature rewritten and re-chained, and the head kept with the
// signature moved to the rewritten chain's: the head is signed, so the move is named.
void TestHistory::aRewrittenHistoryCannotMoveTheSignedHead() {
    const QString db = signedDocket(u"moved-head.sqlite"_qs);
    QVERIFY(runProgram(u"python3"_qs, rechainArgs(db, u"rewrite"_qs)).exitCode == 0);
    const QString follow =
        u"UPDATE review_signatures SET audit_head=(SELECT lower(hex(prev_hash)) "
        "FROM audit_log WHERE action='review.sign')"_qs;
    QVERIFY(runProgram(u"python3"_qs, {u"-c"_qs, QString::fromUtf8(kForge), db, follow}).exitCode ==
            0);
    QVERIFY(cli({u"audit"_qs, u"verify"_qs, u"--db"_qs, db}).exitCode == 0);
    const Run r = cli({u"check"_qs, u"--db"_qs, db});
    QVERIFY2(r.exitCode == 1 &&
                 r.out.contains(u"are not the ones the key signed: they were changed after "
                                "signing"_qs),
             qPrintable(r.out));
}

// Attacks a helper found on the first version of attestations, each passing check then:
// a signature made at schema 5 passed off as one from before (attestation and head blanked,
// an "upgrade" entry listing it appended and the chain recomputed); a signature deleted and
// the case set back to ready; a signed review moved under another case; a case marked
// signed without a review. Each is named now.
void TestHistory::theLogTheSignaturesAndTheListAgree_data() {
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("named");
    QTest::addColumn<bool>("rechain");
    QTest::newRow("passed off as unattested")
        << u"UPDATE review_signatures SET attestation=x'', audit_head=''; INSERT INTO "
           "audit_log(seq, at, actor, action, entity, entity_id, details, prev_hash, hash) "
           "VALUES((SELECT max(seq) + 1 FROM audit_log), '2026-11-29T12:00:00Z', 'x', "
           "'docket.upgrade', 'docket', 'd', '{\"schema\":5,\"schema_from\":4,"
           "\"unattested_reviews\":[1]}', zeroblob(32), zeroblob(32));"_qs
        << u"its signer, time and audit head are not signed (the attestation was removed"_qs
        << true;
    QTest::newRow("signature deleted")
        << u"DELETE FROM review_signatures; UPDATE cases SET review_status='ready' WHERE "
           "a_number='204555101';"_qs
        << u"A204-555-101: the audit log records its signing by Ana Attorney (entry "_qs << true;
    QTest::newRow("moved to another case")
        << u"UPDATE reviews SET case_id=(SELECT id FROM cases WHERE a_number='204555102'); "
           "UPDATE cases SET review_status=CASE a_number WHEN '204555102' THEN 'signed' ELSE "
           "'not_reviewed' END;"_qs
        << u"the signed record is the review of A204-555-101, but the docket files it under "
           "A204-555-102"_qs
        << true;
    QTest::newRow("marked signed without a review")
        << u"UPDATE cases SET review_status='signed' WHERE a_number='204555102';"_qs
        << u"A204-555-102: the list says signed, but its latest review says not_reviewed"_qs
        << true;
    // A second helper's attacks on the checks above.
    QTest::newRow("an upgrade slipped in before the chain")
        << u"INSERT INTO review_signatures(review_id, record_sha256, signature, certificate, "
           "signer, signed_at) SELECT 2, record_sha256, signature, certificate, signer, "
           "signed_at FROM review_signatures WHERE review_id = 1; INSERT INTO audit_log VALUES(0, "
           "'2026-11-29T12:00:00Z', 'x', 'docket.upgrade', 'docket', 'd', '{\"schema\":5,"
           "\"schema_from\":4,\"unattested_reviews\":[2]}', zeroblob(32), zeroblob(32));"_qs
        << u"an entry numbered 0 (docket.upgrade) is outside the chain"_qs << false;
    QTest::newRow("superseded version brought back")
        << u"UPDATE reviews SET version = 3 WHERE id = 1;"_qs
        << u"A204-555-101 version 3 (review 1): its version, amendment link, status, policy or "
           "A-number is not what its record says"_qs
        << false;
    QTest::newRow("amendment deleted")
        << u"DELETE FROM reviews WHERE id = 2; UPDATE cases SET review_status = 'signed' WHERE "
           "a_number = '204555101';"_qs
        << u"A204-555-101 review 2: the audit log records it (entry "_qs << false;
    QTest::newRow("draft passed off as ready")
        << u"UPDATE reviews SET status = 'ready', record = replace(record, '\"status\":\"draft\"', "
           "'\"status\":\"ready\"') WHERE id = 2; UPDATE cases SET review_status = 'ready' "
           "WHERE a_number = '204555101';"_qs
        << u"A204-555-101 review 2 is ready, but the audit log last recorded it as draft"_qs
        << false;
    // A third helper's: entries appended to explain a deleted amendment away.
    const QString append =
        u"INSERT INTO audit_log VALUES((SELECT max(seq) + 1 FROM audit_log), "
        "'2026-11-29T12:00:00Z', 'x', '%1', 'case', '%2', %3, zeroblob(32), "
        "zeroblob(32));"_qs;
    QTest::newRow("amendment deleted, the case 'deleted' in the log")
        << u"DELETE FROM reviews WHERE id = 2; UPDATE cases SET review_status = 'signed' WHERE "
           "a_number = '204555101';"_qs +
               append.arg(u"case.delete"_qs, u"204555101"_qs, u"'{}'"_qs) +
               append.arg(u"review.ready"_qs, u"204555101"_qs,
                          u"json_object('review', 1, 'status', 'ready', 'record_sha256', "
                          "(SELECT record_sha256 FROM reviews WHERE id = 1))"_qs)
        << u"A204-555-101: the audit log deleted this case (entry "_qs << true;
    QTest::newRow("amendment deleted, moved to a phantom case in the log")
        << u"DELETE FROM reviews WHERE id = 2; UPDATE cases SET review_status = 'signed' WHERE "
           "a_number = '204555101';"_qs +
               append.arg(u"review.save"_qs, u"204555999"_qs,
                          u"'{\"review\":2,\"status\":\"draft\"}'"_qs) +
               append.arg(u"case.delete"_qs, u"204555999"_qs, u"'{}'"_qs)
        << u"the audit log names review 2 under A204-555-101 (entry "_qs << true;
}

void TestHistory::theLogTheSignaturesAndTheListAgree() {
    QFETCH(QString, sql);
    QFETCH(QString, named);
    QFETCH(bool, rechain);
    const QString db = signedDocket(QString::fromLatin1(QTest::currentDataTag()) + u".sqlite"_qs);
    QVERIFY(cli({u"amend"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs, u"--reason"_qs,
                 u"New evidence"_qs})
                .exitCode == 0);
    QFile line(policyFile(u"example-case.jsonl"_qs));
    QVERIFY(line.open(QIODevice::ReadOnly));
    QVERIFY(
        m_dir.writeFile(u"other.jsonl"_qs, line.readAll().replace("A204-555-101", "A204-555-102")));
    QVERIFY(cli({u"import-jsonl"_qs, u"--db"_qs, db, m_dir.path(u"other.jsonl"_qs)}).exitCode == 0);
    QVERIFY(cli({u"check"_qs, u"--db"_qs, db}).exitCode == 0);
    const Run forge = runProgram(u"python3"_qs, {u"-c"_qs, QString::fromUtf8(kForge), db, sql,
                                                 rechain ? u"rechain"_qs : u"keep"_qs});
    QVERIFY2(forge.exitCode == 0, qPrintable(forge.all()));
    if (rechain)  // the rewrite holds on its own
        QVERIFY(cli({u"audit"_qs, u"verify"_qs, u"--db"_qs, db}).exitCode == 0);
    const Run r = cli({u"check"_qs, u"--db"_qs, db});
    QVERIFY2(r.exitCode == 1 && r.out.contains(named) &&
                 r.out.contains(u"schema: as Discretion makes it"_qs),
             qPrintable(r.out));
}

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
