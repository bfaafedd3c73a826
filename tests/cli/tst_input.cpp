// Input that a careless tool or a hostile sender makes, through the real executable:
// spreadsheet formulas in exported cells, JSON that names a key twice, NUL bytes, UTF-16
// text, and a docket another program holds busy. Each is named, and nothing is lost.
#include "Programs.h"
#include "TestDocket.h"

#include <sqlite3.h>

namespace {

QByteArray exampleCase() {
    QFile f(policyFile(u"example-case.jsonl"_qs));
    f.open(QIODevice::ReadOnly);
    return f.readAll().trimmed();
}

QByteArray read(const QString &path) {
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}
}  // namespace

class TestInput : public QObject {
    Q_OBJECT
    TestDocket m_dir;

    QString docketWithExample(const QString &name) {
        const QString db = m_dir.path(name);
        const Run r = discretionRun(
            {u"import-jsonl"_qs, u"--db"_qs, db, policyFile(u"example-case.jsonl"_qs)});
        if (r.exitCode != 0)
            qFatal("%s", qPrintable(r.all()));
        return db;
    }

  private Q_SLOTS:
    // OWASP's CSV injection: a cell that starts a formula gets an apostrophe in the export,
    // and the same file imports back to the same text.
    void exportedCellsNeverStartAFormula() {
        const QString db = m_dir.path(u"formula.sqlite"_qs);
        QByteArray line = exampleCase();
        line.replace("\"Petty theft\"", "\"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\"");
        line.replace("\"counsel_name\":\"Ana Beltrán, Esq.\"", "\"counsel_name\":\"@SUM(A1)\"");
        line.insert(1, "\"notes\":\"-2+3\",\"health_notes\":\"+cmd|' /C calc'!A0\",");
        line.replace("\"nationality\":\"Mexico\"", "\"nationality\":\"Peru;=1+1;x\"");
        QVERIFY(m_dir.writeFile(u"formula.jsonl"_qs, line + '\n'));
        Run r =
            discretionRun({u"import-jsonl"_qs, u"--db"_qs, db, m_dir.path(u"formula.jsonl"_qs)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const QString csv = m_dir.path(u"formula.csv"_qs);
        r = discretionRun({u"export-csv"_qs, u"--db"_qs, db, csv});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        // Python's csv module reads the cells as a spreadsheet would receive them.
        r = runProgram(u"python3"_qs,
                       {u"-c"_qs,
                        u"import csv,sys\n"
                        "for row in csv.DictReader(open(sys.argv[1], newline='')):\n"
                        "  for k in ('notes','health_notes','counsel_name','nationality'):\n"
                        "    print(k + '=' + row[k])"_qs,
                        csv});
        QVERIFY2(r.out.contains(u"notes='-2+3\n"_qs), qPrintable(r.all()));
        QVERIFY2(r.out.contains(u"health_notes='+cmd|' /C calc'!A0\n"_qs), qPrintable(r.out));
        // After a ';' or a tab a spreadsheet set to another locale starts a new cell: guarded
        // there too, so no cell starts a formula whichever separator splits the file.
        QVERIFY2(r.out.contains(u"nationality=Peru;'=1+1;x\n"_qs), qPrintable(r.out));
        const Run bySemicolon = runProgram(
            u"python3"_qs, {u"-c"_qs,
                            u"import csv,sys\n"
                            "for row in csv.reader(open(sys.argv[1], newline=''), "
                            "delimiter=';'):\n"
                            "  for cell in row:\n"
                            "    assert not cell.startswith(('=','+','-','@')), cell\n"_qs,
                            csv});
        QVERIFY2(bySemicolon.exitCode == 0, qPrintable(bySemicolon.all()));
        QVERIFY2(r.out.contains(u"counsel_name='@SUM(A1)\n"_qs), qPrintable(r.out));
        // Back in: the apostrophe the export added comes off again.
        const QString again = m_dir.path(u"again.sqlite"_qs);
        r = discretionRun({u"import-csv"_qs, u"--db"_qs, again, csv});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        r = discretionRun({u"export-jsonl"_qs, u"--db"_qs, again, m_dir.path(u"again.jsonl"_qs)});
        const QByteArray back = read(m_dir.path(u"again.jsonl"_qs));
        QVERIFY2(
            back.contains("\"notes\":\"-2+3\"") && back.contains("\"counsel_name\":\"@SUM(A1)\""),
            back.constData());
    }

    // Qt's reader keeps one of two values for a repeated key; the program refuses the file.
    void jsonThatNamesAKeyTwiceIsRefused() {
        const QString db = docketWithExample(u"dup.sqlite"_qs);
        QByteArray line = exampleCase().replace("A204-555-101", "A204-555-109");
        line.insert(1, "\"family_name\":\"Other\",");
        QVERIFY(m_dir.writeFile(u"dup.jsonl"_qs, line + '\n'));
        Run r = discretionRun({u"import-jsonl"_qs, u"--db"_qs, db, m_dir.path(u"dup.jsonl"_qs)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"rejected: dup.jsonl, line 1: the key \"family_name\" appears "
                                "twice"_qs),
                 qPrintable(r.err));

        QByteArray pack = read(policyFile(u"mayorkas-doyle-2022.json"_qs));
        pack.insert(pack.indexOf('{') + 1, "\"title\": \"A quieter title\",");
        QVERIFY(m_dir.writeFile(u"dup-pack.json"_qs, pack));
        r = discretionRun({u"policy"_qs, u"validate"_qs, m_dir.path(u"dup-pack.json"_qs)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"the key \"title\" appears twice"_qs), qPrintable(r.err));

        QByteArray answers = read(policyFile(u"example-answers.json"_qs));
        answers.replace("{\"answer\": \"yes\", \"note\": \"Fifteen years in the US.\"}",
                        "{\"answer\": \"no\", \"note\": \"x\", \"answer\": \"yes\"}");
        QVERIFY(m_dir.writeFile(u"dup-answers.json"_qs, answers));
        r = discretionRun({u"review"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs,
                           u"--answers"_qs, m_dir.path(u"dup-answers.json"_qs)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"invalid: dup-answers.json, the file: the key \"answer\" appears "
                                "twice in answers.presence"_qs),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(u"nothing was stored"_qs));
    }

    void nulBytesAndUtf16AreNamed() {
        const QString db = docketWithExample(u"nul.sqlite"_qs);
        QVERIFY(m_dir.writeFile(u"nul.csv"_qs, QByteArray("a_number,family_name\n"
                                                          "A204555201,Ruiz\n"
                                                          "A204555202,Di\0az\n",
                                                          52)));
        Run r = discretionRun({u"import-csv"_qs, u"--db"_qs, db, m_dir.path(u"nul.csv"_qs)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"rejected: nul.csv, line 3, family_name: the text contains a "
                                "NUL byte"_qs),
                 qPrintable(r.err));
        QVERIFY(r.out.contains(u"imported 1,"_qs));
        QByteArray line = exampleCase().replace("A204-555-101", "A204-555-203");
        line.replace("\"Rosa\"", "\"Ro\\u0000sa\"");
        QVERIFY(m_dir.writeFile(u"nul.jsonl"_qs, line + '\n'));
        r = discretionRun({u"import-jsonl"_qs, u"--db"_qs, db, m_dir.path(u"nul.jsonl"_qs)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"line 1, given_names: the text contains a NUL character"_qs),
                 qPrintable(r.err));

        const QString text = u"a_number,family_name\nA204555301,Ruiz\n"_qs;
        // What Excel's "Unicode Text" writes: a byte order mark, then UTF-16 (little-endian
        // here, as on every machine this runs on).
        const QByteArray utf16 =
            QByteArray("\xFF\xFE") +
            QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
        QVERIFY(m_dir.writeFile(u"excel.csv"_qs, utf16));
        r = discretionRun({u"import-csv"_qs, u"--db"_qs, db, m_dir.path(u"excel.csv"_qs)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"the file is UTF-16 text; save it as UTF-8"_qs),
                 qPrintable(r.err));
        r = discretionRun({u"check"_qs, u"--db"_qs, db});
        QVERIFY2(r.out.contains(u"cases: 2"_qs), qPrintable(r.out));  // the example and Ruiz
    }

    // Another program holds the write lock past the 5-second busy timeout: each writing
    // command says so and exits 2 ("fatal, nothing changed"), as the README promises.
    void aBusyDocketExitsTwo() {
        const QString db = docketWithExample(u"busy.sqlite"_qs);
        Run r = discretionRun({u"review"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs,
                               u"--answers"_qs, policyFile(u"example-answers.json"_qs)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        sqlite3 *holder = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(db).constData(), &holder), SQLITE_OK);
        QCOMPARE(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DISCRETION_PASSPHRASE"_qs, u"busy-passphrase"_qs);
        r = discretionRun({u"identity"_qs, u"--name"_qs, u"Ana Attorney"_qs, u"--out"_qs,
                           m_dir.path(u"busy.p12"_qs)},
                          env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const QList<QStringList> writes{
            {u"sign"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs, u"--identity"_qs,
             m_dir.path(u"busy.p12"_qs)},
            {u"import-jsonl"_qs, u"--db"_qs, db, policyFile(u"example-case.jsonl"_qs)}};
        for (const QStringList &args : writes) {
            r = discretionRun(args, env);
            QVERIFY2(
                r.exitCode == 2 && r.err.contains(u"the docket is busy"_qs),
                qPrintable(u"%1 exited %2: %3"_qs.arg(args.first()).arg(r.exitCode).arg(r.all())));
        }
        sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(holder);
        r = discretionRun(writes.first(), env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));  // free again: it signs
    }

    // A load into an empty docket writes through a rollback journal and, once its pages
    // spill, holds the file exclusively until it commits: even a reading command waits, then
    // says the docket is busy (not "damaged").
    void aDocketUnderABulkLoadIsBusyNotDamaged() {
        const QString db = docketWithExample(u"loading.sqlite"_qs);
        sqlite3 *holder = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(db).constData(), &holder), SQLITE_OK);
        QCOMPARE(sqlite3_exec(holder, "PRAGMA journal_mode=DELETE; BEGIN EXCLUSIVE", nullptr,
                              nullptr, nullptr),
                 SQLITE_OK);
        Run r = discretionRun({u"check"_qs, u"--db"_qs, db});
        QVERIFY2(r.exitCode == 2 && r.err.contains(u"the docket is busy"_qs), qPrintable(r.all()));
        QVERIFY2(!r.err.contains(u"damaged"_qs), qPrintable(r.err));
        sqlite3_exec(holder, "ROLLBACK; PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
        sqlite3_close(holder);
        r = discretionRun({u"check"_qs, u"--db"_qs, db});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
    }
};

QTEST_GUILESS_MAIN(TestInput)
#include "tst_input.moc"
