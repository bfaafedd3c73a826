// The signed record names its person: a disposition prints the case facts the review was
// signed on, whatever the docket's live case later says, and every way of changing the
// live case is either named (export, verify) or recorded field by field (import). Each
// attack goes through the real executable on a real docket edited with sqlite3.
#include "Programs.h"
#include "TestDocket.h"

namespace {
const QByteArray kPassphrase = "signed-record-passphrase";

QProcessEnvironment withPassphrase() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DISCRETION_PASSPHRASE"_qs, QString::fromUtf8(kPassphrase));
    return env;
}

// The example case under another A-number and name (the example's own JSON Lines record,
// so it passes the same checks).
QByteArray secondCase() {
    QFile f(policyFile(u"example-case.jsonl"_qs));
    f.open(QIODevice::ReadOnly);
    return f.readAll()
        .replace("A204-555-101", "A204-555-102")
        .replace("Hern\xc3\xa1ndez", "Quispe")
        .replace("\"Rosa\"", "\"Lucia\"");
}
}  // namespace

// Rewrites review 1's record with sqlite3's help the way an insider with the file would:
// "facts" puts another person's name and A-number into the case facts, "downgrade" drops
// them and claims format 1; the record's hash (and with "signed", the signature row's) is
// recomputed so that every stored hash agrees.
const char *const kRewrite = R"(
import hashlib, json, sqlite3, sys
db, mode, also_signature = sys.argv[1], sys.argv[2], sys.argv[3] == 'signed'
c = sqlite3.connect(db)
o = json.loads(c.execute('SELECT record FROM reviews WHERE id=1').fetchone()[0])
if mode == 'facts':
    o['case'].update(a_number='204555102', family_name='Other', given_names='Olga')
else:
    del o['case']; o['format'] = 1
record = json.dumps(o, sort_keys=True, separators=(',', ':'), ensure_ascii=False)
digest = hashlib.sha256(record.encode()).hexdigest()
if also_signature:  # a ready review is not protected by triggers: nothing to drop
    c.executescript('DROP TRIGGER signed_review_no_update; DROP TRIGGER signature_no_update;')
c.execute('UPDATE reviews SET record=?, record_sha256=? WHERE id=1', (record, digest))
if also_signature:
    c.execute('UPDATE review_signatures SET record_sha256=? WHERE review_id=1', (digest,))
c.commit()
)";

class TestSignedRecord : public QObject {
    Q_OBJECT
    TestDocket m_dir;
    QString m_identity;

    Run cli(const QStringList &args) { return discretionRun(args, withPassphrase()); }

    // A docket with both cases, each reviewed with the example answers and signed.
    QString signedDocket(const QString &name) {
        const QString db = m_dir.path(name);
        m_dir.writeFile(name + u".jsonl"_qs, secondCase());
        const QList<QStringList> steps{
            {u"import-jsonl"_qs, u"--db"_qs, db, policyFile(u"example-case.jsonl"_qs)},
            {u"import-jsonl"_qs, u"--db"_qs, db, m_dir.path(name + u".jsonl"_qs)}};
        for (const QStringList &step : steps)
            if (const Run r = cli(step); r.exitCode != 0)
                qFatal("%s", qPrintable(r.all()));
        for (const QString &aNumber : {u"A204-555-101"_qs, u"A204-555-102"_qs})
            for (const QStringList &step :
                 {QStringList{u"review"_qs, u"--db"_qs, db, u"--case"_qs, aNumber, u"--answers"_qs,
                              policyFile(u"example-answers.json"_qs)},
                  QStringList{u"sign"_qs, u"--db"_qs, db, u"--case"_qs, aNumber, u"--identity"_qs,
                              m_identity}})
                if (const Run r = cli(step); r.exitCode != 0)
                    qFatal("%s", qPrintable(r.all()));
        return db;
    }

    Run exportPdf(const QString &db, const QString &aNumber, const QString &pdf) {
        return cli({u"export-pdf"_qs, u"--db"_qs, db, u"--case"_qs, aNumber, u"--out"_qs, pdf,
                    u"--identity"_qs, m_identity});
    }

    QString pdfText(const QString &pdf) {
        return runProgram(u"pdftotext"_qs, {u"-layout"_qs, pdf, u"-"_qs}).out;
    }

    Run rewrite(const QString &db, const QString &mode, bool alsoSignature) {
        return runProgram(u"python3"_qs, {u"-c"_qs, QString::fromUtf8(kRewrite), db, mode,
                                          alsoSignature ? u"signed"_qs : u"ready"_qs});
    }

    // The example case and a second one, the first reviewed and marked ready (not signed).
    QString readyDocket(const QString &name) {
        const QString db = m_dir.path(name);
        m_dir.writeFile(name + u".jsonl"_qs, secondCase());
        for (const QStringList &step :
             {QStringList{u"import-jsonl"_qs, u"--db"_qs, db, policyFile(u"example-case.jsonl"_qs)},
              QStringList{u"import-jsonl"_qs, u"--db"_qs, db, m_dir.path(name + u".jsonl"_qs)},
              QStringList{u"review"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs,
                          u"--answers"_qs, policyFile(u"example-answers.json"_qs)}})
            if (const Run r = cli(step); r.exitCode != 0)
                qFatal("%s", qPrintable(r.all()));
        return db;
    }

  private Q_SLOTS:
    void initTestCase() {
        m_identity = m_dir.path(u"id.p12"_qs);
        const Run r =
            cli({u"identity"_qs, u"--name"_qs, u"Ana Attorney"_qs, u"--out"_qs, m_identity});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
    }

    // Renamed with sqlite3 after signing: the re-exported, validly signed PDF still names
    // the person the review was signed for, and export and verify say what now differs.
    void aCaseRenamedAfterSigningStillPrintsWhoWasSigned() {
        const QString db = signedDocket(u"renamed.sqlite"_qs);
        const Run edit = runProgram(
            u"sqlite3"_qs, {db,
                            u"UPDATE cases SET family_name='Impostor', date_of_birth='1970-01-01' "
                            "WHERE a_number='204555101'"_qs});
        QVERIFY2(edit.exitCode == 0, qPrintable(edit.all()));
        const QString pdf = m_dir.path(u"renamed.pdf"_qs);
        const Run r = exportPdf(db, u"A204555101"_qs, pdf);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY2(r.out.contains(u"note: the case in the docket now differs from the signed "
                                "record"_qs),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(u"Family name: 'Hernández' → 'Impostor'"_qs), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"Date of birth: '1985-06-02' → '1970-01-01'"_qs),
                 qPrintable(r.out));
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(u"HERNÁNDEZ"_qs, Qt::CaseInsensitive), qPrintable(text.left(800)));
        QVERIFY(!text.contains(u"Impostor"_qs, Qt::CaseInsensitive));
        QVERIFY(text.contains(u"1985-06-02"_qs));
        const Run v = cli({u"verify"_qs, pdf, u"--db"_qs, db});
        QCOMPARE(v.exitCode, 0);
        QVERIFY2(v.out.contains(u"Family name: 'Hernández' → 'Impostor'"_qs) &&
                     v.out.contains(u"matches the signed review of A204-555-101"_qs),
                 qPrintable(v.out));
        QVERIFY(runProgram(u"pdfsig"_qs, {pdf}).out.contains(u"Signature is Valid"_qs));
        const Run all = cli({u"export-pdf"_qs, u"--db"_qs, db, u"--all-signed"_qs, u"--out"_qs,
                             m_dir.path(u"all"_qs), u"--identity"_qs, m_identity});
        QVERIFY2(all.exitCode == 0 &&
                     all.out.contains(u"note: the docket's case now differs from the signed "
                                      "record for A204-555-101 (the PDFs show"_qs) &&
                     !all.out.contains(u"A204-555-102"_qs),
                 qPrintable(all.all()));
    }

    // The same rename through an import: the audit log keeps each field's old and new value.
    void anImportUpdateIsAuditedFieldByField() {
        const QString db = signedDocket(u"imported.sqlite"_qs);
        QByteArray line = secondCase().replace("A204-555-102", "A204-555-101");
        m_dir.writeFile(u"update.jsonl"_qs, line.replace("\"Lucia\"", "\"Lucinda\""));
        Run r = cli({u"import-jsonl"_qs, u"--db"_qs, db, u"--on-duplicate"_qs, u"update"_qs,
                     m_dir.path(u"update.jsonl"_qs)});
        QVERIFY2(r.exitCode == 0 && r.out.contains(u"updated 1"_qs), qPrintable(r.all()));
        r = cli({u"audit"_qs, u"show"_qs, u"--db"_qs, db, u"--case"_qs, u"A204555101"_qs});
        QVERIFY2(
            r.out.contains(u"case.import_update"_qs) &&
                r.out.contains(u"\"family_name\":{\"new\":\"Quispe\",\"old\":\"Hernández\"}"_qs) &&
                r.out.contains(u"\"given_names\":{\"new\":\"Lucinda\",\"old\":\"Rosa\"}"_qs),
            qPrintable(r.out));
        r = exportPdf(db, u"A204555101"_qs, m_dir.path(u"imported.pdf"_qs));
        QVERIFY2(r.out.contains(u"Given names: 'Rosa' → 'Lucinda'"_qs), qPrintable(r.out));
        QVERIFY(pdfText(m_dir.path(u"imported.pdf"_qs)).contains(u"Rosa"_qs));
    }

    // Reviews swapped between two cases with sqlite3 (triggers dropped): the PDF of one
    // person must not verify as the other's. The A-number comes from the signed record.
    void aRewrittenReadyRecordIsNotSigned();
    void aRewrittenSignedRecordIsNeitherExportedNorMatched();

    void aSignedReviewFiledUnderAnotherCaseIsNamed() {
        const QString db = signedDocket(u"swapped.sqlite"_qs);
        const QString pdf = m_dir.path(u"swapped.pdf"_qs);
        QVERIFY(exportPdf(db, u"A204555101"_qs, pdf).exitCode == 0);
        const Run edit = runProgram(u"sqlite3"_qs, {db,
                                                    u"DROP TRIGGER signed_review_no_update; "
                                                    "UPDATE reviews SET case_id = -case_id; "
                                                    "UPDATE reviews SET case_id = 3 + case_id"_qs});
        QVERIFY2(edit.exitCode == 0, qPrintable(edit.all()));
        const Run v = cli({u"verify"_qs, pdf, u"--db"_qs, db});
        QCOMPARE(v.exitCode, 1);
        QVERIFY2(v.out.contains(u"INVALID: the signed record is the review of A204-555-101, "
                                "but the docket files it under A204-555-102"_qs),
                 qPrintable(v.out));
    }
};

// A ready record rewritten to name another person (hashes recomputed) is not signed: it is
// not what the audit log says the attorney marked ready, and its facts name someone else.
void TestSignedRecord::aRewrittenReadyRecordIsNotSigned() {
    for (const QString &mode : {u"facts"_qs, u"downgrade"_qs}) {
        const QString db = readyDocket(mode + u"-ready.sqlite"_qs);
        QVERIFY(rewrite(db, mode, false).exitCode == 0);
        const Run r =
            cli({u"sign"_qs, u"--db"_qs, db, u"--all-ready"_qs, u"--identity"_qs, m_identity});
        QVERIFY2(r.exitCode == 1, qPrintable(mode + u": "_qs + r.all()));
        const QString why = mode == u"facts" ? u"its facts name A204-555-102, but it is the "
                                               "review of A204-555-101"_qs
                                             : u"recorded without the case facts"_qs;
        QVERIFY2(r.err.contains(why), qPrintable(r.err));
        QVERIFY(runProgram(u"sqlite3"_qs, {db, u"SELECT count(*) FROM review_signatures"_qs})
                    .out.startsWith(u"0"_qs));
    }
}

// A signed record rewritten with both stored hashes recomputed: export refuses it and
// verify --db calls the genuine PDF's docket match INVALID (the docket's signature over the
// record no longer verifies).
void TestSignedRecord::aRewrittenSignedRecordIsNeitherExportedNorMatched() {
    const QString db = signedDocket(u"rewritten.sqlite"_qs);
    const QString pdf = m_dir.path(u"before.pdf"_qs);
    QVERIFY(exportPdf(db, u"A204555101"_qs, pdf).exitCode == 0);
    QVERIFY(rewrite(db, u"facts"_qs, true).exitCode == 0);
    Run r = exportPdf(db, u"A204555101"_qs, m_dir.path(u"after.pdf"_qs));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"no longer holds: the signature does not verify"_qs),
             qPrintable(r.err));
    QVERIFY(!QFile::exists(m_dir.path(u"after.pdf"_qs)));
    r = cli({u"verify"_qs, pdf, u"--db"_qs, db});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(u"INVALID: "_qs), qPrintable(r.out));
}

QTEST_GUILESS_MAIN(TestSignedRecord)
#include "tst_signedrecord.moc"
