#include "ExampleReview.h"
#include "HeldPool.h"
#include "Programs.h"
#include "TestDocket.h"
#include "report/BatchExport.h"
#include "sign/PdfVerifier.h"

#include <QDir>
#include <QProcess>
#include <QScopeGuard>
#include <QThread>

namespace {
int exitCodeOf(const QString &program, const QStringList &args, QString *output = nullptr) {
    const Run r = runProgram(program, args, QProcessEnvironment::systemEnvironment(), {}, 60000);
    if (output)
        *output = r.all();
    return r.exitCode;
}
}  // namespace

// Batch export of signed dispositions: which cases are exported, every PDF valid and
// signed by the identity that signed its record, and a cancel that leaves whole files.
class TestBatchExport : public QObject {
    Q_OBJECT
    TestDocket m_docket;
    std::unique_ptr<CaseStore> m_store;
    std::optional<SigningIdentity> m_mine;
    std::optional<SigningIdentity> m_colleague;
    QList<qint64> m_all;

    static SigningIdentity identity(const QString &name) {
        QString error;
        return *SigningIdentity::generate({name, {}, u"OPLA"_qs, {}, {}, {}},
                                          SigningIdentity::KeyType::EcP256, 365, &error);
    }

  private Q_SLOTS:
    void initTestCase() {
        m_store = m_docket.open();
        m_mine = identity(u"A. Attorney"_qs);
        m_colleague = identity(u"B. Colleague"_qs);
        // 12 cases: 8 signed by me, 2 by a colleague, 1 ready but unsigned, 1 not reviewed.
        for (int i = 0; i < 12; ++i) {
            Case c = makeCase(u"2045551%1"_qs.arg(i, 2, 10, QLatin1Char('0')), u"Case"_qs,
                              QString::fromUtf8("Zoë %1").arg(i));
            QString error;
            QVERIFY2(m_store->saveCase(c, &error), qPrintable(error));
            m_all << c.id;
            if (i < 8)
                QVERIFY(signExampleReview(*m_store, c.id, *m_mine));
            else if (i < 10)
                QVERIFY(signExampleReview(*m_store, c.id, *m_colleague));
            else if (i == 10)
                QVERIFY(recordExampleReview(*m_store, c.id, u"ready"_qs));
        }
    }

    void thePlanCountsWhatIsLeftOut() {
        const QString folder = m_docket.path(u"plan"_qs);
        const BatchExport::Plan mine = BatchExport::plan(*m_store, m_all, folder, &*m_mine);
        QCOMPARE(mine.items.size(), 8);
        QCOMPARE(mine.notSigned, 2);
        QCOMPARE(mine.otherIdentity, 2);
        QCOMPARE(mine.items.first().path, folder + u"/disposition-A204555100-v1.pdf"_qs);
        const BatchExport::Plan unsignedPdfs = BatchExport::plan(*m_store, m_all, folder, nullptr);
        QCOMPARE(unsignedPdfs.items.size(), 10);  // without signing, every signed record
    }

    void everyExportedPdfIsValidAndMatchesTheDocket() {
        const QString folder = m_docket.path(u"out"_qs);
        QVERIFY(QDir().mkpath(folder));
        const BatchExport::Plan plan = BatchExport::plan(*m_store, m_all, folder, &*m_mine);
        int lastDone = -1;
        const BatchExport::Result result = BatchExport::run(
            plan.items, {QPageSize(QPageSize::Letter)}, &*m_mine, [&lastDone](int done, int) {
                lastDone = done;
                return true;
            });
        QVERIFY2(result.failures.isEmpty(), qPrintable(result.failures.join(u'\n')));
        QCOMPARE(result.written, 8);
        QVERIFY(!result.cancelled);
        QCOMPARE(lastDone, 8);
        const QStringList files = QDir(folder).entryList(QDir::Files);
        QCOMPARE(files.size(), 8);  // no temporary files left beside them
        for (const QString &name : files) {
            const QString path = QDir(folder).filePath(name);
            QString output;
            QCOMPARE(exitCodeOf(u"pdfsig"_qs, {path}, &output), 0);
            QVERIFY2(output.contains(u"Signature is Valid."_qs), qPrintable(output));
            QVERIFY2(output.contains(u"Total document signed"_qs), qPrintable(output));
            QCOMPARE(exitCodeOf(u"qpdf"_qs, {u"--check"_qs, path}, &output), 0);
            const PdfVerification v = PdfVerifier::verify(path);
            QVERIFY2(v.ok(), qPrintable(v.problem));
            const DocketMatch match = PdfVerifier::matchInDocket(v, *m_store);
            QVERIFY2(match.matches, qPrintable(match.problem));
            QVERIFY2(name.contains(match.aNumber), qPrintable(name));
            QCOMPARE(QFile(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                     QFileDevice::Permissions());
        }
    }

    // The PDFs are rendered on WorkerPool: with Qt's global pool held (where the window's
    // paints split their fills), the export still runs to its end.
    void theExportDoesNotWaitForQtsGlobalPool() {
        const QString folder = m_docket.path(u"held"_qs);
        QVERIFY(QDir().mkpath(folder));
        const BatchExport::Plan plan = BatchExport::plan(*m_store, m_all, folder, &*m_mine);
        std::atomic_int written{-1};
        const std::unique_ptr<QThread> exporter(QThread::create([&] {
            written =
                BatchExport::run(plan.items, {QPageSize(QPageSize::Letter)}, &*m_mine, {}).written;
        }));
        const auto joined = qScopeGuard([&] { exporter->wait(); });  // after the pool is let go
        {
            const HeldPool held;
            exporter->start();
            QTRY_VERIFY_WITH_TIMEOUT(exporter->isFinished(), 60000);
        }
        QCOMPARE(written.load(), 8);
    }

    void aCancelledExportLeavesOnlyWholeFiles() {
        const QString folder = m_docket.path(u"cancelled"_qs);
        QVERIFY(QDir().mkpath(folder));
        BatchExport::Plan plan = BatchExport::plan(*m_store, m_all, folder, &*m_mine);
        for (int copy = 0; copy < 40; ++copy)  // enough work that the cancel lands mid-way
            plan.items << BatchExport::Item{plan.items[copy % 8].input,
                                            folder + u"/extra-%1.pdf"_qs.arg(copy)};
        const BatchExport::Result result =
            BatchExport::run(plan.items, {QPageSize(QPageSize::Letter)}, &*m_mine,
                             [](int done, int) { return done < 3; });
        QVERIFY(result.cancelled);
        QVERIFY2(result.written < plan.items.size(), qPrintable(QString::number(result.written)));
        const QStringList files = QDir(folder).entryList(QDir::Files);
        QCOMPARE(files.size(), result.written);
        for (const QString &name : files)
            QVERIFY2(PdfVerifier::verify(QDir(folder).filePath(name)).ok(), qPrintable(name));
    }
};

QTEST_MAIN(TestBatchExport)
#include "tst_batchexport.moc"
