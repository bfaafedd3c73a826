// Hostile files, each through the real executable: what it says must name the file and
// the problem, and nothing already stored may be lost. The table is in README
// ("Reliability").
#include "ExampleReview.h"
#include "Programs.h"
#include "TestDocket.h"
#include "domain/CaseFields.h"
#include "io/CaseExporter.h"

#include <sqlite3.h>
#include <QCryptographicHash>
#include <QProcess>

namespace {
Run discretion(const QStringList &args) {
    return runProgram(QStringLiteral(DISCRETION_EXECUTABLE), args,
                      QProcessEnvironment::systemEnvironment(), {}, 600000);
}

QByteArray digest(const QString &path) {
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

bool sql(const QString &path, const char *statements) {
    sqlite3 *db = nullptr;
    sqlite3_open(QFile::encodeName(path).constData(), &db);
    const bool ok = sqlite3_exec(db, statements, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}
}  // namespace

class TestHostile : public QObject {
    Q_OBJECT
    TestDocket m_dir;
    const QString kPassphrase = u"hostile passphrase"_qs;

    QString identityFor(const QString &docketName) const {
        return m_dir.path(docketName + u".p12"_qs);
    }

    // A docket with the example case, signed, and its signed disposition PDF.
    QString signedDocket(const QString &name) {
        const QString db = m_dir.path(name);
        QString error;
        auto store = m_dir.open(name);
        Case c = makeCase(u"204555101"_qs, u"Hernández"_qs, u"Rosa"_qs);
        store->saveCase(c, &error);
        const auto identity =
            SigningIdentity::generate({u"A. Attorney"_qs, {}, u"OPLA"_qs, {}, {}, {}},
                                      SigningIdentity::KeyType::EcP256, 30, &error);
        // One identity file per docket: a signing identity is never overwritten.
        if (!identity || !identity->save(identityFor(name), kPassphrase.toUtf8(), &error))
            qFatal("cannot make the test identity: %s", qPrintable(error));
        signExampleReview(*store, c.id, *identity);
        return db;
    }

  private Q_SLOTS:
    void initTestCase() { qputenv("DISCRETION_PASSPHRASE", kPassphrase.toUtf8()); }

    void damagedOrForeignDocketsAreRefusedUntouched() {
        const QString good = signedDocket(u"good.sqlite"_qs);
        QFile::copy(good, m_dir.path(u"truncated.sqlite"_qs));
        QFile(m_dir.path(u"truncated.sqlite"_qs)).resize(QFileInfo(good).size() / 2);
        m_dir.writeFile(u"cases.sqlite"_qs, "a_number,family_name\nA204555101,Ruiz\n");
        QFile::copy(good, m_dir.path(u"newer.sqlite"_qs));
        QVERIFY(sql(m_dir.path(u"newer.sqlite"_qs), "PRAGMA user_version=99"));
        // A negative version was "damaged or not a database (not an error)".
        QFile::copy(good, m_dir.path(u"negative.sqlite"_qs));
        QVERIFY(sql(m_dir.path(u"negative.sqlite"_qs), "PRAGMA user_version=-1"));
        const QList<std::pair<QString, QString>> cases{
            {u"truncated.sqlite"_qs, u"truncated"_qs},
            {u"cases.sqlite"_qs, u"not an SQLite database"_qs},
            {u"newer.sqlite"_qs, u"newer version of Discretion"_qs},
            {u"negative.sqlite"_qs, u"its schema version is -1"_qs}};
        for (const auto &[name, problem] : cases) {
            const QByteArray before = digest(m_dir.path(name));
            const Run r = discretion({u"check"_qs, u"--db"_qs, m_dir.path(name)});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(name) && r.err.contains(problem), qPrintable(r.err));
            QCOMPARE(digest(m_dir.path(name)), before);  // nothing written
        }
    }

    void aSignedRecordEditedWithTheSqliteToolIsDetected() {
        const QString db = signedDocket(u"edited.sqlite"_qs);
        QVERIFY(sql(db,
                    "DROP TRIGGER signed_review_no_update; UPDATE reviews SET record = "
                    "replace(record, 'joint_motion_dismiss', 'decline_pd')"));
        const Run r = discretion({u"check"_qs, u"--db"_qs, db});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"A204-555-101 version 1: the signed record was changed after "
                                "signing"_qs),
                 qPrintable(r.out));
    }

    void aPolicyTextEditedWithTheSqliteToolIsDetected() {
        const QString db = signedDocket(u"policy.sqlite"_qs);
        QVERIFY(sql(db,
                    "UPDATE policy_texts SET canonical = replace(canonical, 'national', "
                    "'regional')"));
        const Run r = discretion({u"check"_qs, u"--db"_qs, db});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"the kept text no longer matches its SHA-256"_qs),
                 qPrintable(r.out));
    }

    void pdfsThatAreNotOursOrBrokenAreSaidSo() {
        const QString db = signedDocket(u"pdf.sqlite"_qs);
        const QString pdf = m_dir.path(u"signed.pdf"_qs);
        Run r = discretion({u"export-pdf"_qs, u"--db"_qs, db, u"--case"_qs, u"A204555101"_qs,
                            u"--out"_qs, pdf, u"--identity"_qs, identityFor(u"pdf.sqlite"_qs)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // A PDF from elsewhere, without any signature.
        QProcess qpdf;
        qpdf.start(u"qpdf"_qs, {u"--empty"_qs, m_dir.path(u"other.pdf"_qs)});
        QVERIFY(qpdf.waitForFinished(60000) && qpdf.exitCode() == 0);
        r = discretion({u"verify"_qs, m_dir.path(u"other.pdf"_qs)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"INVALID"_qs) && r.out.contains(u"signature"_qs),
                 qPrintable(r.out));
        // Ours, with one byte changed.
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        bytes[bytes.size() / 4] = bytes[bytes.size() / 4] ^ 0x20;
        f.seek(0);
        f.write(bytes);
        f.close();
        r = discretion({u"verify"_qs, pdf, u"--db"_qs, db});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"INVALID"_qs), qPrintable(r.out));
    }

    // A 100 MB CSV whose last row is bad: that row is named by its line, every other row
    // goes in. Then a 10 MB field and invalid UTF-8 in a small file: named, nothing lost.
    void aHundredMegabyteCsvWithOneBadRowAtTheEnd() {
        const QString csv = m_dir.path(u"big.csv"_qs);
        qint64 rows = 0;
        {
            auto source = m_dir.openGenerated(0, 1);
            QString error;
            QVERIFY(DocketGenerator::fill(*source, 620000, 41, PinnedClock::today(), &error));
            QVERIFY(CaseExporter::exportCsv(*source, {}, {}, csv, &rows, &error));
        }
        QFile file(csv);
        QVERIFY(file.open(QIODevice::Append));
        // A whole row, but its date of birth (the fourth column) does not exist.
        file.write("A299999999,Lastrow,Bad,1990-02-30" +
                   QByteArray(CaseFields::keys().size() - 4, ',') + "\n");
        file.close();
        QVERIFY2(file.size() > 100'000'000, qPrintable(QString::number(file.size())));
        const QString db = m_dir.path(u"big.sqlite"_qs);
        const Run r = discretion({u"import-csv"_qs, u"--db"_qs, db, csv});
        QCOMPARE(r.exitCode, 1);  // some rows rejected
        QVERIFY2(r.err.contains(u"rejected: big.csv, line %1"_qs.arg(rows + 2)) &&
                     r.err.contains(u"1990-02-30"_qs),
                 qPrintable(r.err.left(2000)));
        QVERIFY2(r.out.contains(u"imported %1,"_qs.arg(rows)), qPrintable(r.out));
    }

    void aTenMegabyteFieldAndInvalidUtf8AreNamedAndNothingIsLost() {
        const QString db = signedDocket(u"fields.sqlite"_qs);
        QByteArray csv = "a_number,family_name,notes\nA204555201,Ruiz,short\nA204555202,Diaz,";
        csv += QByteArray(10 * 1024 * 1024, 'x');
        csv += "\nA204555203,\xc3\x28oto,fine\n";
        QVERIFY(m_dir.writeFile(u"hostile.csv"_qs, csv));
        const Run r = discretion({u"import-csv"_qs, u"--db"_qs, db, m_dir.path(u"hostile.csv"_qs)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"rejected: hostile.csv, line 3, notes: Notes is 10,485,760 "
                                "characters long; a field holds at most 20,000"_qs),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(u"line 4, family_name: the text is not valid UTF-8"_qs),
                 qPrintable(r.err));
        QVERIFY(r.out.contains(u"imported 1,"_qs));
        const Run check = discretion({u"check"_qs, u"--db"_qs, db});
        QVERIFY2(check.exitCode == 0 && check.out.contains(u"cases: 2"_qs), qPrintable(check.out));
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
