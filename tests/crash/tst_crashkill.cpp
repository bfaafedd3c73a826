#include "ExampleReview.h"
#include "TestDocket.h"
#include "audit/AuditLog.h"
#include "io/CaseExporter.h"
#include "sign/PdfVerifier.h"
#include "store/Sqlite.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QThread>

namespace {
constexpr int kKillsPerOperation = 20;
const QByteArray kPassphrase = "crash-test passphrase";

qint64 scalar(CaseStore &store, const QString &sql) {
    QSqlQuery q(sql, store.database());
    return q.next() ? q.value(0).toLongLong() : -1;
}

// What a docket holds, for comparing the state after a kill with before and after.
struct Snapshot {
    qint64 cases = -1;
    qint64 auditEntries = -1;
    qint64 signatures = -1;
    qint64 indexes = -1;
    friend bool operator==(const Snapshot &, const Snapshot &) = default;
};

Snapshot snapshot(CaseStore &store) {
    return {scalar(store, u"SELECT count(*) FROM cases"_qs), AuditLog(store.handle()).count(),
            scalar(store, u"SELECT count(*) FROM review_signatures"_qs),
            scalar(store, u"SELECT count(*) FROM sqlite_schema WHERE type='index'"_qs)};
}

// The checks every docket must pass after any kill; returns what is wrong.
QString soundness(CaseStore &store) {
    if (const QStringList problems = store.integrityProblems(); !problems.isEmpty())
        return u"integrity: "_qs + problems.join(u"; "_qs);
    if (const AuditVerification v = AuditLog(store.handle()).verify(); !v.ok)
        return u"audit chain: "_qs + v.problem;
    if (store.caseCount() != scalar(store, u"SELECT count(*) FROM cases"_qs))
        return u"the kept case count differs from the cases"_qs;
    // Every signature is whole: it verifies over its record, the case says signed, and
    // the audit log has its entry.
    QSqlQuery q(
        u"SELECT r.record, s.signature, s.certificate, c.review_status FROM reviews r "
        "JOIN review_signatures s ON s.review_id = r.id JOIN cases c ON c.id = r.case_id"_qs,
        store.database());
    while (q.next()) {
        if (!SigningIdentity::verify(q.value(2).toByteArray(), q.value(0).toString().toUtf8(),
                                     q.value(1).toByteArray()))
            return u"a stored signature does not verify"_qs;
        if (q.value(3).toString() != u"signed")
            return u"a signed review's case is not marked signed"_qs;
    }
    const qint64 signEntries =
        scalar(store, u"SELECT count(*) FROM audit_log WHERE action='review.sign'"_qs);
    if (signEntries != scalar(store, u"SELECT count(*) FROM review_signatures"_qs))
        return u"signatures and their audit entries differ in number"_qs;
    return {};
}

struct Outcome {
    int kills = 0;      // the process was still running when killed
    int completed = 0;  // it had finished before the kill
    QStringList problems;
};
}  // namespace

class TestCrashKill : public QObject {
    Q_OBJECT
    TestDocket m_dir;
    QRandomGenerator m_random{20261129};

    // Runs the command until done once to learn how long it takes, then kills fresh runs at
    // random moments until it has been interrupted kKillsPerOperation times. `prepare`
    // sets the stage for a run (a fresh docket copy); `check` inspects what a run left.
    Outcome killRepeatedly(const QStringList &args, const std::function<void()> &prepare,
                           const std::function<QString(bool finished)> &check) {
        Outcome outcome;
        prepare();
        QElapsedTimer timer;
        timer.start();
        QProcess calibration;
        calibration.start(QStringLiteral(DISCRETION_EXECUTABLE), args);
        calibration.waitForFinished(300000);
        const qint64 fullRun = timer.elapsed();
        if (calibration.exitCode() != 0) {
            outcome.problems << u"the uninterrupted run failed: "_qs +
                                    QString::fromUtf8(calibration.readAllStandardError());
            return outcome;
        }
        if (const QString problem = check(true); !problem.isEmpty())
            outcome.problems << u"after a full run: "_qs + problem;
        for (int attempt = 0;
             outcome.kills < kKillsPerOperation && attempt < 3 * kKillsPerOperation; ++attempt) {
            prepare();
            QProcess p;
            p.start(QStringLiteral(DISCRETION_EXECUTABLE), args);
            p.waitForStarted();
            QThread::msleep(m_random.bounded(quint32(fullRun)));
            const bool running = p.state() == QProcess::Running;
            p.kill();  // SIGKILL: no destructors, no rollback, no QSaveFile cleanup
            p.waitForFinished();
            running ? ++outcome.kills : ++outcome.completed;
            if (const QString problem = check(!running); !problem.isEmpty())
                outcome.problems << u"kill %1: "_qs.arg(attempt) + problem;
        }
        qInfo("%s: %d kills mid-way, %d runs finished first, full run %lld ms, %lld problems",
              qPrintable(args.first()), outcome.kills, outcome.completed, fullRun,
              qint64(outcome.problems.size()));
        return outcome;
    }

    QString freshCopy(const QString &base, const QString &name) {
        const QString path = m_dir.path(name);
        for (const QString &suffix : {QString(), u"-wal"_qs, u"-shm"_qs})
            QFile::remove(path + suffix);
        QFile::copy(base, path);
        QFile(path).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return path;
    }

  private Q_SLOTS:
    void initTestCase() {
        qputenv("DISCRETION_PASSPHRASE", kPassphrase);
        QString error;
        const auto identity =
            SigningIdentity::generate({u"A. Attorney"_qs, {}, u"OPLA"_qs, {}, {}, {}},
                                      SigningIdentity::KeyType::EcP256, 30, &error);
        QVERIFY(identity && identity->save(m_dir.path(u"id.p12"_qs), kPassphrase, &error));
    }

    // An import is all or nothing, into an empty docket (indexes set aside and rebuilt)
    // and into one that already has cases.
    void killedImportsLeaveTheDocketAsItWasOrFullyImported() {
        {
            // Fewer under the sanitizers (scripts/test --sanitize), which run it 4x slower.
            const int rows = qEnvironmentVariableIntValue("DISCRETION_CRASH_ROWS");
            auto source = m_dir.openGenerated(rows > 0 ? rows : 40000, 71);
            qint64 written = 0;
            QString error;
            QVERIFY(CaseExporter::exportCsv(*source, {}, {}, m_dir.path(u"big.csv"_qs), &written,
                                            &error));
        }
        for (const bool empty : {true, false}) {
            const QString base = m_dir.path(empty ? u"empty.sqlite"_qs : u"some.sqlite"_qs);
            {
                auto store = m_dir.open(QFileInfo(base).fileName());
                QString error;
                if (!empty)
                    QVERIFY(DocketGenerator::fill(*store, 500, 5, PinnedClock::today(), &error));
            }
            Snapshot before;
            {
                auto store = m_dir.open(QFileInfo(base).fileName());
                before = snapshot(*store);
            }
            std::optional<Snapshot> complete;
            const QString docket = m_dir.path(u"import.sqlite"_qs);
            const Outcome o = killRepeatedly(
                {u"import-csv"_qs, u"--db"_qs, docket, m_dir.path(u"big.csv"_qs)},
                [&] { freshCopy(base, u"import.sqlite"_qs); },
                [&](bool finished) -> QString {
                    QString error;
                    auto store = CaseStore::open(docket, CaseStore::OpenMode::OpenExisting, &error);
                    if (!store)
                        return error;
                    const Snapshot now = snapshot(*store);
                    if (finished && !complete)
                        complete = now;
                    if (const QString problem = soundness(*store); !problem.isEmpty())
                        return problem;
                    if (now != before && (!complete || now != *complete))
                        return u"half an import: %1 cases, %2 audit entries, %3 indexes"_qs
                            .arg(now.cases)
                            .arg(now.auditEntries)
                            .arg(now.indexes);
                    return QString();
                });
            QVERIFY2(o.problems.isEmpty(), qPrintable(o.problems.join(u'\n')));
            QCOMPARE(o.kills, kKillsPerOperation);
        }
    }

    // Each review is signed in its own transaction: after a kill every review is either
    // signed whole (signature verifies, case marked, audit entry) or still ready.
    void killedBatchSigningLeavesNoHalfSignedReview() {
        const QString base = m_dir.path(u"ready.sqlite"_qs);
        {
            auto store = m_dir.openGenerated(400, 13);
            for (qint64 id = 1; id <= 400; ++id)
                QVERIFY(recordExampleReview(*store, id, u"ready"_qs));
        }
        QVERIFY(QFile::copy(m_dir.path(), base));
        const QString docket = m_dir.path(u"sign.sqlite"_qs);
        const Outcome o = killRepeatedly(
            {u"sign"_qs, u"--db"_qs, docket, u"--all-ready"_qs, u"--identity"_qs,
             m_dir.path(u"id.p12"_qs)},
            [&] { freshCopy(base, u"sign.sqlite"_qs); },
            [&](bool finished) -> QString {
                QString error;
                auto store = CaseStore::open(docket, CaseStore::OpenMode::OpenExisting, &error);
                if (!store)
                    return error;
                const qint64 signatures = snapshot(*store).signatures;
                const qint64 ready = ReviewStore(*store).readyReviews().size();
                if (signatures + ready != 400)
                    return u"%1 signed and %2 ready of 400"_qs.arg(signatures).arg(ready);
                if (finished && signatures != 400)
                    return u"the finished run signed %1"_qs.arg(signatures);
                return soundness(*store);
            });
        QVERIFY2(o.problems.isEmpty(), qPrintable(o.problems.join(u'\n')));
        QCOMPARE(o.kills, kKillsPerOperation);
    }

    // PDFs are written whole through QSaveFile: a killed export leaves complete, valid
    // PDFs (and perhaps a temporary file), never a truncated one.
    void killedExportsLeaveOnlyWholePdfs() {
        const QString base = m_dir.path(u"signed.sqlite"_qs);
        {
            auto store = m_dir.open(u"signed-source.sqlite"_qs);
            QString error;
            QVERIFY(DocketGenerator::fill(*store, 150, 17, PinnedClock::today(), &error));
            const auto identity =
                SigningIdentity::load(m_dir.path(u"id.p12"_qs), kPassphrase, &error);
            for (qint64 id = 1; id <= 150; ++id)
                QVERIFY(signExampleReview(*store, id, *identity));
        }
        QVERIFY(QFile::copy(m_dir.path(u"signed-source.sqlite"_qs), base));
        const QString docket = m_dir.path(u"export.sqlite"_qs);
        const QString out = m_dir.path(u"pdfs"_qs);
        int pdfsChecked = 0;
        const Outcome o = killRepeatedly(
            {u"export-pdf"_qs, u"--db"_qs, docket, u"--all-signed"_qs, u"--out"_qs, out,
             u"--identity"_qs, m_dir.path(u"id.p12"_qs)},
            [&] {
                freshCopy(base, u"export.sqlite"_qs);
                QDir(out).removeRecursively();
            },
            [&](bool finished) -> QString {
                const QStringList pdfs = QDir(out).entryList({u"*.pdf"_qs}, QDir::Files);
                if (finished && pdfs.size() != 150)
                    return u"the finished run wrote %1 PDFs"_qs.arg(pdfs.size());
                for (const QString &name : pdfs) {
                    const PdfVerification v = PdfVerifier::verify(QDir(out).filePath(name));
                    if (!v.ok())
                        return QString(name + u": "_qs + v.problem);
                    ++pdfsChecked;
                }
                QString error;
                auto store = CaseStore::open(docket, CaseStore::OpenMode::OpenExisting, &error);
                return store ? soundness(*store) : error;
            });
        qInfo("export: %d PDFs left by killed or finished runs, every one whole and valid",
              pdfsChecked);
        QVERIFY2(o.problems.isEmpty(), qPrintable(o.problems.join(u'\n')));
        QCOMPARE(o.kills, kKillsPerOperation);
    }
};

QTEST_GUILESS_MAIN(TestCrashKill)
#include "tst_crashkill.moc"
