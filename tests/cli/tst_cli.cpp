// Runs the built `discretion` executable on real files, as a script would.
#include "Programs.h"
#include "TestDocket.h"
#include "domain/ANumber.h"

#include <sqlite3.h>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

namespace {
Run discretion(const QStringList &args) {
    return discretionRun(args);
}
}  // namespace

class TestCli : public QObject {
    Q_OBJECT
    TestDocket m_dir;

    // The README's example case with its example answers recorded as a ready review.
    void readyExampleReview(const QString &db) {
        QCOMPARE(
            discretion({u"import-jsonl"_qs, u"--db"_qs, db,
                        QStringLiteral(DISCRETION_SOURCE "/resources/policies/example-case.jsonl")})
                .exitCode,
            0);
        QCOMPARE(
            discretion(
                {u"review"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs, u"--answers"_qs,
                 QStringLiteral(DISCRETION_SOURCE "/resources/policies/example-answers.json")})
                .exitCode,
            0);
    }

  private Q_SLOTS:
    void helpListsEveryCommand() {
        const Run r = discretion({u"--help"_qs});
        QCOMPARE(r.exitCode, 0);
        for (const char *command : {"generate-docket", "import-csv", "export-csv", "import-jsonl",
                                    "export-jsonl", "list", "check"})
            QVERIFY2(r.out.contains(QLatin1String(command)), command);
    }

    void generateCheckAndList() {
        const QString db = m_dir.path(u"gen.sqlite"_qs);
        Run r = discretion({u"generate-docket"_qs, u"--db"_qs, db, u"--cases"_qs, u"700"_qs,
                            u"--seed"_qs, u"4"_qs});
        QCOMPARE(r.exitCode, 0);
        r = discretion({u"check"_qs, u"--db"_qs, db});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"cases: 700"_qs));
        QVERIFY(r.out.contains(u"integrity: ok"_qs));
        QVERIFY(r.out.contains(u"synthetic: yes"_qs));
        r = discretion(
            {u"list"_qs, u"--db"_qs, db, u"--court"_qs, u"atl"_qs, u"--limit"_qs, u"5"_qs});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(!lines.isEmpty() && lines.size() <= 5);
        for (const QString &line : lines) {
            const QStringList cols = line.split(u'\t');
            QCOMPARE(cols.size(), 10);
            QVERIFY(cols[0].startsWith(u'A') && cols[0].size() == 12);
            QCOMPARE(cols[4], u"ATL"_qs);
        }
        // An unknown court is refused, and the file an export would write stays as it was.
        const QString kept = m_dir.path(u"kept.csv"_qs);
        {
            QFile f(kept);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write("earlier\n") == 8);
        }
        r = discretion({u"export-csv"_qs, u"--db"_qs, db, u"--court"_qs, u"NOPE"_qs, kept});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"--court \"NOPE\": no such court in this docket"_qs) &&
                     r.err.contains(u"ATL"_qs),
                 qPrintable(r.err));
        QFile earlier(kept);
        QVERIFY(earlier.open(QIODevice::ReadOnly));
        QCOMPARE(earlier.readAll(), QByteArray("earlier\n"));
        // Nor an empty value (an unset variable in a script), nor a letter that only Qt's
        // Unicode upper-casing makes ASCII (dotless ı: "chı" once chose CHI).
        for (const QString &court : {u"nope"_qs, QString(), u"ch\u0131"_qs, u"atl "_qs}) {
            r = discretion({u"list"_qs, u"--db"_qs, db, u"--court"_qs, court});
            QCOMPARE(r.exitCode, 2);
            QVERIFY(r.out.isEmpty());
        }
        const QString aNumber = lines.first().section(u'\t', 0, 0);
        r = discretion({u"list"_qs, u"--db"_qs, db, u"--search"_qs, aNumber.mid(1).remove(u'-')});
        QCOMPARE(r.out.split(u'\n', Qt::SkipEmptyParts).size(), 1);
        QVERIFY(r.out.startsWith(aNumber));
    }

    // Same seed and same --as-of date: the same docket, whatever day the command runs.
    void generateAsOfADateIsReproducible() {
        QStringList exports;
        for (const QString &name : {u"asof1"_qs, u"asof2"_qs}) {
            const QString db = m_dir.path(name + u".sqlite"_qs);
            Run r = discretion({u"generate-docket"_qs, u"--db"_qs, db, u"--cases"_qs, u"50"_qs,
                                u"--seed"_qs, u"9"_qs, u"--as-of"_qs, u"2024-02-29"_qs});
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.out.contains(u"as of 2024-02-29"_qs), qPrintable(r.out));
            const QString out = m_dir.path(name + u".jsonl"_qs);
            QCOMPARE(discretion({u"export-jsonl"_qs, u"--db"_qs, db, out}).exitCode, 0);
            QFile f(out);
            QVERIFY(f.open(QIODevice::ReadOnly));
            exports << QString::fromUtf8(f.readAll());
        }
        QVERIFY(exports[0].count(u'\n') == 50);
        QCOMPARE(exports[0], exports[1]);
        // Every hearing is after the as-of date, within three years.
        const QRegularExpression hearing(u"\"next_hearing_date\":\"(\\d{4}-\\d\\d-\\d\\d)\""_qs);
        int hearings = 0;
        for (auto m = hearing.globalMatch(exports[0]); m.hasNext(); ++hearings) {
            const QString date = m.next().captured(1);
            QVERIFY2(date > u"2024-02-29"_qs && date <= u"2027-03-01"_qs, qPrintable(date));
        }
        QVERIFY(hearings > 25);

        const Run bad = discretion({u"generate-docket"_qs, u"--db"_qs, m_dir.path(u"bad.sqlite"_qs),
                                    u"--cases"_qs, u"5"_qs, u"--as-of"_qs, u"2023-02-29"_qs});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(u"--as-of"_qs), qPrintable(bad.err));
        QVERIFY(!QFileInfo::exists(m_dir.path(u"bad.sqlite"_qs)));
    }

    void importCsvExitCodesAndMessages() {
        const QString db = m_dir.path(u"imp.sqlite"_qs);
        QVERIFY(m_dir.writeFile(
            u"ok.csv"_qs, "a_number,family_name,court\n012345678,One,ATL\n012345679,Two,BOS\n"));
        Run r = discretion({u"import-csv"_qs, u"--db"_qs, db, m_dir.path(u"ok.csv"_qs)});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(u"imported 2, updated 0, skipped 0, rejected 0"_qs),
                 qPrintable(r.out));

        QVERIFY(m_dir.writeFile(u"some.csv"_qs,
                                "a_number,family_name,court\n012345670,Three,ATL\n012345671,Four,"
                                "NOPE\n012345678,Again,ATL\n"));
        r = discretion({u"import-csv"_qs, u"--db"_qs, db, m_dir.path(u"some.csv"_qs)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains(u"imported 1, updated 0, skipped 1, rejected 1"_qs));
        QVERIFY2(r.err.contains(u"line 3, court: 'NOPE' is not a known court code"_qs),
                 qPrintable(r.err));

        r = discretion({u"import-csv"_qs, u"--db"_qs, db, m_dir.path(u"some.csv"_qs),
                        u"--on-duplicate"_qs, u"update"_qs});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains(u"updated 2"_qs));

        QVERIFY(m_dir.writeFile(u"fatal.csv"_qs, "family_name\nX\n"));
        r = discretion({u"import-csv"_qs, u"--db"_qs, db, m_dir.path(u"fatal.csv"_qs)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"no a_number column"_qs));
        r = discretion({u"check"_qs, u"--db"_qs, db});
        QVERIFY(r.out.contains(u"cases: 3"_qs));

        r = discretion({u"import-csv"_qs, u"--db"_qs, db, m_dir.path(u"ok.csv"_qs),
                        u"--on-duplicate"_qs, u"merge"_qs});
        QCOMPARE(r.exitCode, 2);
    }

    void exportsRoundTripThroughCsvAndJsonLines() {
        const QString db = m_dir.path(u"src.sqlite"_qs);
        QCOMPARE(
            discretion({u"generate-docket"_qs, u"--db"_qs, db, u"--cases"_qs, u"400"_qs}).exitCode,
            0);
        Run r = discretion({u"export-csv"_qs, u"--db"_qs, db, m_dir.path(u"all.csv"_qs)});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"exported 400 cases"_qs));
        r = discretion({u"import-csv"_qs, u"--db"_qs, m_dir.path(u"fromcsv.sqlite"_qs),
                        m_dir.path(u"all.csv"_qs)});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"imported 400"_qs));

        QCOMPARE(
            discretion({u"export-jsonl"_qs, u"--db"_qs, db, m_dir.path(u"all.jsonl"_qs)}).exitCode,
            0);
        r = discretion({u"import-jsonl"_qs, u"--db"_qs, m_dir.path(u"fromjson.sqlite"_qs),
                        m_dir.path(u"all.jsonl"_qs)});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(discretion({u"export-jsonl"_qs, u"--db"_qs, m_dir.path(u"fromjson.sqlite"_qs),
                             m_dir.path(u"again.jsonl"_qs)})
                     .exitCode,
                 0);
        QFile a(m_dir.path(u"all.jsonl"_qs)), b(m_dir.path(u"again.jsonl"_qs));
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        const QByteArray first = a.readAll();
        QCOMPARE(first.count('\n'), 400);
        QCOMPARE(b.readAll(), first);  // byte-identical: nothing lost either way
    }

    // A search that cannot run (the name index removed with sqlite3) is an error, never an
    // empty list that reads as "no such person".
    void aSearchThatCannotRunIsAnError() {
        const QString db = m_dir.path(u"dropped.sqlite"_qs);
        QCOMPARE(discretion({u"generate-docket"_qs, u"--db"_qs, db, u"--cases"_qs, u"30"_qs,
                             u"--seed"_qs, u"2"_qs, u"--as-of"_qs, u"2026-11-29"_qs})
                     .exitCode,
                 0);
        QCOMPARE(sqliteExec(db, "DROP TABLE case_search"), SQLITE_OK);
        Run r = discretion({u"list"_qs, u"--db"_qs, db, u"--search"_qs, u"gar"_qs});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"the cases could not be read: no such table: case_search"_qs),
                 qPrintable(r.err));
        r = discretion({u"list"_qs, u"--db"_qs, db, u"--limit"_qs, u"3"_qs});
        QCOMPARE(r.exitCode, 0);  // the list without a name search still reads
        QCOMPARE(r.out.count(u'\n'), 3);
    }

    void policyCommandsListShowAndValidate() {
        Run r = discretion({u"policy"_qs, u"list"_qs});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(
            u"dhs-2021-guidelines-opla-2022\t2022-04-25..2022-06-24,2023-07-28..2025-01-20"_qs));
        QVERIFY(r.out.contains(u"case-by-case-2022-2023"_qs));
        r = discretion({u"policy"_qs, u"show"_qs, u"dhs-2021-guidelines-opla-2022"_qs});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"joint_motion_dismiss"_qs) &&
                r.out.contains(u"C. Border security"_qs));
        QCOMPARE(discretion({u"policy"_qs, u"show"_qs, u"nope"_qs}).exitCode, 2);
        QVERIFY(m_dir.writeFile(u"pack.json"_qs, "{\"format\": 1, \"id\": \"x\"}"));
        r = discretion({u"policy"_qs, u"validate"_qs, m_dir.path(u"pack.json"_qs)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"pack.json: title: missing"_qs), qPrintable(r.err));
        r = discretion(
            {u"policy"_qs, u"validate"_qs,
             QStringLiteral(DISCRETION_SOURCE "/resources/policies/vacatur-2022-2023.json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(u"valid: case-by-case-2022-2023 sha256 "_qs));
    }

    void reviewRecordsWithTheWizardsChecks() {
        const QString db = m_dir.path(u"review.sqlite"_qs);
        // The README's example case (represented) and an unrepresented one.
        QVERIFY(m_dir.writeFile(u"case.jsonl"_qs,
                                R"({"a_number":"A204-555-102","family_name":"Unrepresented"})"));
        for (const QString &file :
             {QStringLiteral(DISCRETION_SOURCE "/resources/policies/example-case.jsonl"),
              m_dir.path(u"case.jsonl"_qs)})
            QCOMPARE(discretion({u"import-jsonl"_qs, u"--db"_qs, db, file}).exitCode, 0);
        const QString example =
            QStringLiteral(DISCRETION_SOURCE "/resources/policies/example-answers.json");

        // Unrepresented: the policy's usual course is a continuance, so the example's joint
        // motion needs a reason for departing from it, and nothing is stored without one.
        Run r = discretion({u"review"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-102"_qs,
                            u"--answers"_qs, example});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"invalid: example-answers.json, deviation_reason:"_qs) &&
                     r.err.contains(u"nothing was stored"_qs),
                 qPrintable(r.err));
        QCOMPARE(
            discretion({u"review"_qs, u"show"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-102"_qs})
                .exitCode,
            1);

        r = discretion({u"review"_qs, u"--db"_qs, db, u"--case"_qs, u"204555101"_qs,
                        u"--answers"_qs, example});
        QCOMPARE(r.exitCode, 0);
        const QString hash = r.out.trimmed().section(u' ', -1);
        QCOMPARE(hash.size(), 64);
        r = discretion(
            {u"review"_qs, u"show"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject shown = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(shown[u"record_sha256"_qs].toString(), hash);
        const QJsonObject record = shown[u"record"_qs].toObject();
        QCOMPARE(record[u"disposition"_qs].toString(), u"joint_motion_dismiss"_qs);
        QCOMPARE(record[u"policy"_qs].toObject()[u"id"_qs].toString(),
                 u"dhs-2021-guidelines-opla-2022"_qs);
        bool jointMotionRuleApplies = false;
        for (const QJsonValue &rule : record[u"rules"_qs].toArray())
            jointMotionRuleApplies |= rule[u"rule"_qs] == u"non_priority_represented"_qs &&
                                      rule[u"state"_qs] == u"applies"_qs;
        QVERIFY(jointMotionRuleApplies);

        QVERIFY(m_dir.writeFile(
            u"bad.json"_qs,
            R"({"reviewer":"X","review_date":"2024-03-01","status":"ready","answers":{"public_safety":{"answer":"maybe"}}})"));
        r = discretion({u"review"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs,
                        u"--answers"_qs, m_dir.path(u"bad.json"_qs)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(u"invalid: bad.json, public_safety: the answer is 'maybe'"_qs));
        QVERIFY(r.err.contains(u"invalid: bad.json, national_security: not answered"_qs));
        // The stored review is untouched.
        r = discretion(
            {u"review"_qs, u"show"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()[u"record_sha256"_qs].toString(),
                 hash);
    }

    void signAndAmendFromTheCommandLine() {
        const QString db = m_dir.path(u"sign.sqlite"_qs);
        readyExampleReview(db);
        if (QTest::currentTestFailed())
            return;
        // An identity as an agency would issue it, made with the openssl tool.
        QProcess openssl;
        openssl.setWorkingDirectory(m_dir.dir());
        openssl.start(
            u"sh"_qs,
            {u"-c"_qs,
             u"openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes "
             "-keyout k.pem -out c.pem -days 30 -subj '/CN=A. Attorney' && "
             "openssl pkcs12 -export -inkey k.pem -in c.pem -out id.p12 -passout pass:s3cret-pass"_qs});
        QVERIFY(openssl.waitForFinished(60000) && openssl.exitCode() == 0);
        const QStringList signArgs = {u"sign"_qs,
                                      u"--db"_qs,
                                      db,
                                      u"--case"_qs,
                                      u"A204-555-101"_qs,
                                      u"--identity"_qs,
                                      m_dir.path(u"id.p12"_qs)};

        QProcess wrong;  // passphrase on standard input
        wrong.start(QStringLiteral(DISCRETION_EXECUTABLE), signArgs);
        wrong.write("not-the-passphrase\n");
        wrong.closeWriteChannel();
        QVERIFY(wrong.waitForFinished(60000));
        QCOMPARE(wrong.exitCode(), 2);
        QVERIFY(wrong.readAllStandardError().contains("wrong passphrase"));

        qputenv("DISCRETION_PASSPHRASE", "s3cret-pass");
        Run r = discretion(signArgs);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(u"as A. Attorney"_qs));
        // The audit log names the signer (from the identity) and the account.
        r = discretion({u"audit"_qs, u"show"_qs, u"--db"_qs, db, u"--limit"_qs, u"1"_qs});
        QVERIFY2(r.out.section(u'\t', 2, 2).startsWith(u"A. Attorney"_qs), qPrintable(r.out));
        r = discretion(signArgs);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(u"already signed"_qs));
        qunsetenv("DISCRETION_PASSPHRASE");

        r = discretion(
            {u"review"_qs, u"show"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs});
        const QJsonObject signature =
            QJsonDocument::fromJson(r.out.toUtf8()).object()[u"signature"_qs].toObject();
        QCOMPARE(signature[u"signer"_qs].toString(), u"A. Attorney"_qs);
        QVERIFY(signature[u"valid"_qs].toBool());

        r = discretion({u"export-pdf"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs,
                        u"--out"_qs, m_dir.path(u"disposition.pdf"_qs)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QProcess text;
        text.start(u"pdftotext"_qs, {m_dir.path(u"disposition.pdf"_qs), u"-"_qs});
        QVERIFY(text.waitForFinished(60000));
        const QString pdfText = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY(pdfText.contains(u"/s/ A. Attorney"_qs) && pdfText.contains(u"A204-555-101"_qs));
        QCOMPARE(discretion({u"export-pdf"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs,
                             u"--out"_qs, m_dir.path(u"x.pdf"_qs), u"--page-size"_qs, u"legal"_qs})
                     .exitCode,
                 2);

        // Every signed case as a digitally signed PDF in a folder, each one verifiable.
        qputenv("DISCRETION_PASSPHRASE", "s3cret-pass");
        r = discretion({u"export-pdf"_qs, u"--db"_qs, db, u"--all-signed"_qs, u"--out"_qs,
                        m_dir.path(u"all"_qs), u"--identity"_qs, m_dir.path(u"id.p12"_qs)});
        qunsetenv("DISCRETION_PASSPHRASE");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"wrote 1 PDFs"_qs) && r.out.contains(u"digitally signed"_qs),
                 qPrintable(r.out));
        r = discretion(
            {u"verify"_qs, m_dir.path(u"all/disposition-A204555101-v1.pdf"_qs), u"--db"_qs, db});
        QVERIFY2(r.exitCode == 0 && r.out.contains(u"matches the signed review of A204-555-101"_qs),
                 qPrintable(r.out + r.err));

        const QStringList answer{
            u"review"_qs,
            u"--db"_qs,
            db,
            u"--case"_qs,
            u"A204-555-101"_qs,
            u"--answers"_qs,
            QStringLiteral(DISCRETION_SOURCE "/resources/policies/example-answers.json")};
        r = discretion(answer);  // a signed review cannot take new answers
        QVERIFY2(
            r.exitCode == 1 && r.err.contains(u"is signed and cannot change; amend it first"_qs),
            qPrintable(r.err));
        r = discretion({u"amend"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(u"needs a reason"_qs));
        r = discretion({u"amend"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs,
                        u"--reason"_qs, u"New evidence"_qs});
        QCOMPARE(r.exitCode, 0);
        r = discretion(
            {u"review"_qs, u"show"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs});
        const QJsonObject record =
            QJsonDocument::fromJson(r.out.toUtf8()).object()[u"record"_qs].toObject();
        QCOMPARE(record[u"version"_qs].toInt(), 2);
        QCOMPARE(record[u"status"_qs].toString(), u"draft"_qs);
        QCOMPARE(record[u"amendment_reason"_qs].toString(), u"New evidence"_qs);
        // The amendment takes answers in place, keeping its version, link and reason.
        r = discretion(answer);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = discretion(
            {u"review"_qs, u"show"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs});
        const QJsonObject answered =
            QJsonDocument::fromJson(r.out.toUtf8()).object()[u"record"_qs].toObject();
        QCOMPARE(answered[u"version"_qs].toInt(), 2);
        QCOMPARE(answered[u"supersedes"_qs].toInt(), record[u"supersedes"_qs].toInt());
        QCOMPARE(answered[u"amendment_reason"_qs].toString(), u"New evidence"_qs);
        QCOMPARE(discretion({u"check"_qs, u"--db"_qs, db}).exitCode, 0);
    }

    // A mistyped command is named, not taken for a docket to open in a window.
    void anUnknownCommandIsNamed() {
        Run r = discretion({u"generate"_qs});
        QVERIFY2(r.exitCode == 2 && r.err.contains(u"unknown command generate"_qs),
                 qPrintable(r.err));
        r = discretion({u"--bogus"_qs});
        QVERIFY2(r.exitCode == 2 && r.err.contains(u"unexpected --bogus"_qs), qPrintable(r.err));
    }

    void makesASigningIdentity() {
        qputenv("DISCRETION_PASSPHRASE", "a long passphrase");
        Run r = discretion({u"identity"_qs, u"--name"_qs, QString::fromUtf8("Ana Beltrán"),
                            u"--office"_qs, u"OPLA Los Angeles"_qs, u"--out"_qs,
                            m_dir.path(u"ana.p12"_qs)});
        qunsetenv("DISCRETION_PASSPHRASE");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(u"O=OPLA Los Angeles"_qs));
        QProcess openssl;  // another tool reads it with the same passphrase
        openssl.start(u"openssl"_qs, {u"pkcs12"_qs, u"-in"_qs, m_dir.path(u"ana.p12"_qs),
                                      u"-nokeys"_qs, u"-passin"_qs, u"pass:a long passphrase"_qs});
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);
        QVERIFY(openssl.readAllStandardOutput().contains("BEGIN CERTIFICATE"));
        QCOMPARE(discretion({u"identity"_qs, u"--name"_qs, u"X"_qs, u"--out"_qs,
                             m_dir.path(u"x.p12"_qs), u"--key"_qs, u"dsa"_qs})
                     .exitCode,
                 2);
    }

    void theSignatureBlockComesFromTheCertificate() {
        const QString db = m_dir.path(u"block.sqlite"_qs);
        readyExampleReview(db);
        if (QTest::currentTestFailed())
            return;
        qputenv("DISCRETION_PASSPHRASE", "block passphrase");
        QCOMPARE(discretion({u"identity"_qs, u"--name"_qs, u"Dana Ruiz"_qs, u"--title"_qs,
                             u"Assistant Chief Counsel"_qs, u"--office"_qs, u"OPLA San Diego"_qs,
                             u"--bar-number"_qs, u"654321"_qs, u"--bar-state"_qs, u"CA"_qs,
                             u"--out"_qs, m_dir.path(u"dana.p12"_qs)})
                     .exitCode,
                 0);
        QCOMPARE(discretion({u"sign"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs,
                             u"--identity"_qs, m_dir.path(u"dana.p12"_qs)})
                     .exitCode,
                 0);
        const Run r = discretion({u"export-pdf"_qs, u"--db"_qs, db, u"--case"_qs,
                                  u"A204-555-101"_qs, u"--out"_qs, m_dir.path(u"block.pdf"_qs),
                                  u"--identity"_qs, m_dir.path(u"dana.p12"_qs)});
        qunsetenv("DISCRETION_PASSPHRASE");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QProcess text;
        text.start(u"pdftotext"_qs, {m_dir.path(u"block.pdf"_qs), u"-"_qs});
        QVERIFY(text.waitForFinished(60000));
        const QString pdf = QString::fromUtf8(text.readAllStandardOutput());
        for (const QString &line : {u"/s/ Dana Ruiz"_qs, u"Assistant Chief Counsel"_qs,
                                    u"OPLA San Diego"_qs, u"Bar no. 654321 (CA)"_qs})
            QVERIFY2(pdf.contains(line), qPrintable(line));
    }

    void auditShowAndVerify() {
        const QString db = m_dir.path(u"audit.sqlite"_qs);
        readyExampleReview(db);
        Run r = discretion({u"audit"_qs, u"verify"_qs, u"--db"_qs, db});
        QVERIFY2(r.exitCode == 0 && r.out.startsWith(u"ok: 4 entries"_qs), qPrintable(r.out));
        r = discretion({u"audit"_qs, u"show"_qs, u"--db"_qs, db, u"--case"_qs, u"A204-555-101"_qs});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 2);  // newest first: the review, then the import of the case
        QCOMPARE(lines[0].section(u'\t', 3, 3), u"review.ready"_qs);
        QCOMPARE(lines[1].section(u'\t', 3, 3), u"case.import"_qs);
        QVERIFY(discretion({u"check"_qs, u"--db"_qs, db}).out.contains(u"audit log: ok, 4"_qs));

        // Changed with the sqlite3 tool: verify names the entry and fails.
        QProcess sqlite;
        sqlite.start(u"sqlite3"_qs, {db,
                                     u"DROP TRIGGER audit_log_no_update; UPDATE audit_log "
                                     "SET details='{}' WHERE seq=3;"_qs});
        QVERIFY(sqlite.waitForFinished(30000) && sqlite.exitCode() == 0);
        r = discretion({u"audit"_qs, u"verify"_qs, u"--db"_qs, db});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"BROKEN: entry 3"_qs), qPrintable(r.out));
        QCOMPARE(discretion({u"check"_qs, u"--db"_qs, db}).exitCode, 1);
        QCOMPARE(discretion({u"audit"_qs, u"bogus"_qs, u"--db"_qs, db}).exitCode, 2);
    }

    void backupAndRestore() {
        const QString db = m_dir.path(u"backed.sqlite"_qs);
        readyExampleReview(db);
        const QString copy = m_dir.path(u"backed-copy.sqlite"_qs);
        Run r = discretion({u"backup"_qs, u"--db"_qs, db, copy});
        QVERIFY2(r.exitCode == 0 && r.out.contains(u"audit chain of 4 entries verified"_qs),
                 qPrintable(r.out + r.err));
        // Never onto the docket itself or a file SQLite keeps beside it (the -wal one was
        // deleted at closing, after "verified" had been printed).
        QFile docket(db);
        QVERIFY(docket.open(QIODevice::ReadOnly));
        const QByteArray before = docket.readAll();
        docket.close();
        for (const QString &target : QStringList{db, db + u"-wal"_qs, db + u"-journal"_qs}) {
            r = discretion({u"backup"_qs, u"--db"_qs, db, target});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(u"it is an open docket itself"_qs), qPrintable(r.err));
            QVERIFY(!r.out.contains(u"verified"_qs));
        }
        QVERIFY(docket.open(QIODevice::ReadOnly));
        QCOMPARE(docket.readAll(), before);
        docket.close();
        QCOMPARE(discretion({u"check"_qs, u"--db"_qs, db}).exitCode, 0);
        r = discretion({u"restore"_qs, copy, u"--db"_qs, db});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"--force"_qs), qPrintable(r.err));
        r = discretion({u"restore"_qs, copy, u"--db"_qs, db, u"--force"_qs});
        QVERIFY2(r.exitCode == 0 && r.out.contains(u"kept as"_qs), qPrintable(r.out + r.err));
        r = discretion({u"audit"_qs, u"verify"_qs, u"--db"_qs, db});
        QVERIFY2(r.exitCode == 0 && r.out.startsWith(u"ok: 5 entries"_qs), qPrintable(r.out));
        // A backup whose protective trigger was dropped is refused before anything moves
        // (it replaced the docket, then said "nothing was changed").
        const QString tampered = m_dir.path(u"tampered-copy.sqlite"_qs);
        QVERIFY(QFile::copy(copy, tampered));
        {
            sqlite3 *raw = nullptr;
            QCOMPARE(sqlite3_open(QFile::encodeName(tampered).constData(), &raw), SQLITE_OK);
            QCOMPARE(
                sqlite3_exec(raw, "DROP TRIGGER audit_log_no_update", nullptr, nullptr, nullptr),
                SQLITE_OK);
            sqlite3_close(raw);
        }
        const QStringList keptBefore =
            QDir(m_dir.dir()).entryList({u"backed.sqlite.replaced-*"_qs});
        r = discretion({u"restore"_qs, tampered, u"--db"_qs, db, u"--force"_qs});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"its schema was changed outside Discretion"_qs) &&
                     r.err.contains(u"audit_log_no_update is missing"_qs),
                 qPrintable(r.err));
        QCOMPARE(QDir(m_dir.dir()).entryList({u"backed.sqlite.replaced-*"_qs}), keptBefore);
        QCOMPARE(discretion({u"check"_qs, u"--db"_qs, db}).exitCode, 0);
        r = discretion(
            {u"restore"_qs, m_dir.path(u"no-such.sqlite"_qs), u"--db"_qs, db, u"--force"_qs});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"no-such.sqlite"_qs), qPrintable(r.err));
    }

    // Diagnostics (standard error: progress, warnings) never carry names or A-numbers; a
    // masked export carries neither.
    void noPersonalDataInDiagnosticsOrMaskedExports() {
        const QString source = m_dir.path(u"private-source.sqlite"_qs);
        const QString db = m_dir.path(u"private.sqlite"_qs);
        const QString csv = m_dir.path(u"private.csv"_qs);
        QString diagnostics;
        for (const QStringList &args :
             {QStringList{u"generate-docket"_qs, u"--db"_qs, source, u"--cases"_qs, u"300"_qs},
              QStringList{u"export-csv"_qs, u"--db"_qs, source, csv},
              QStringList{u"import-csv"_qs, u"--db"_qs, db, csv},
              QStringList{u"backup"_qs, u"--db"_qs, db, m_dir.path(u"private-backup.sqlite"_qs)},
              QStringList{u"export-csv"_qs, u"--db"_qs, db, m_dir.path(u"masked.csv"_qs),
                          u"--mask"_qs},
              QStringList{u"check"_qs, u"--db"_qs, db}}) {
            const Run r = discretion(args);
            QVERIFY2(r.exitCode == 0, qPrintable(args.first() + r.err));
            diagnostics += r.err;
        }
        QFile masked(m_dir.path(u"masked.csv"_qs));
        QVERIFY(masked.open(QIODevice::ReadOnly));
        const QString maskedText = QString::fromUtf8(masked.readAll());
        QString error;
        auto store = CaseStore::open(db, CaseStore::OpenMode::OpenExisting, &error);
        QVERIFY(store);
        for (qint64 id = 1; id <= 300; ++id) {
            const Case c = *store->loadCase(id);
            for (const QString &personal : QStringList{c.aNumber, ANumber::displayDigits(c.aNumber),
                                                       c.familyName + u", "_qs + c.givenNames}) {
                QVERIFY2(!diagnostics.contains(personal), qPrintable(personal));
                QVERIFY2(!maskedText.contains(personal), qPrintable(personal));
            }
        }
    }

    void badDocketsGiveAClearMessage() {
        QVERIFY(m_dir.writeFile(u"fake.sqlite"_qs, "not a database at all"));
        Run r = discretion({u"check"_qs, u"--db"_qs, m_dir.path(u"fake.sqlite"_qs)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(m_dir.path(u"fake.sqlite"_qs)) &&
                r.err.contains(u"not an SQLite database"_qs));
        r = discretion({u"list"_qs, u"--db"_qs, m_dir.path(u"missing.sqlite"_qs)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"does not exist"_qs));
        r = discretion({u"list"_qs});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"--db FILE is required"_qs));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
