// Renders and digitally signs N disposition PDFs through BatchExport (all cores), and
// reports PDFs per second and peak memory. Run by tests/bench/run-pdf-bench, which
// times LibreOffice converting an equivalent document as the reference.
#include "report/BatchExport.h"
#include "review/AnswersFile.h"
#include "store/HeapSettings.h"
#include "store/WorkerPool.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUrl>

namespace {
double peakMegabytes() {
    QFile f(QStringLiteral("/proc/self/status"));
    f.open(QIODevice::ReadOnly);
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}
}  // namespace

int main(int argc, char **argv) {
    HeapSettings::apply();  // as the program's own main does
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const int count = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 1000;
    if (argc < 2) {
        QTextStream(stderr) << "usage: bench_pdf SOURCE_DIR [COUNT] [HTML_OUT]\n";
        return 2;
    }
    QFile answers(QString::fromLocal8Bit(argv[1]) +
                  QStringLiteral("/resources/policies/example-answers.json"));
    answers.open(QIODevice::ReadOnly);
    AnswersFile::Result read = AnswersFile::read(answers.readAll(), PolicyPack::builtIn());
    Case c;
    c.aNumber = QStringLiteral("204555101");
    c.familyName = QString::fromUtf8("Hernández");
    c.givenNames = QStringLiteral("Rosa");
    c.counselName = QStringLiteral("Ana Beltrán, Esq.");
    c.eoir28Date = QDate(2019, 5, 2);
    read.review.refresh(c, *read.pack);
    QString error;
    // BENCH_TOKEN_URI (and BENCH_PIN): sign with a key on a PKCS#11 token instead of one in
    // memory; BENCH_TSA_URL: timestamp every signature there (PAdES B-T).
    const QString tokenUri = qEnvironmentVariable("BENCH_TOKEN_URI");
    const auto identity =
        tokenUri.isEmpty()
            ? SigningIdentity::generate(
                  {QStringLiteral("A. Attorney"), {}, QStringLiteral("OPLA"), {}, {}, {}},
                  SigningIdentity::KeyType::EcP256, 30, &error)
            : SigningIdentity::fromToken(tokenUri, qgetenv("BENCH_PIN"), {}, &error);
    if (!identity) {
        QTextStream(stderr) << "bench_pdf: " << error << '\n';
        return 2;
    }
    const ReviewSignature signature{1,
                                    read.review.sha256(),
                                    identity->sign(read.review.canonicalBytes(), &error),
                                    identity->certificateDer(),
                                    identity->commonName(),
                                    QStringLiteral("2026-11-29T10:00:00Z"),
                                    QString(64, u'a'),
                                    {}};
    const DispositionDocument::Input input{
        c,           QStringLiteral("Los Angeles"),
        read.review, *read.pack,
        signature,   {QStringLiteral("A. Attorney"), {}, QStringLiteral("OPLA"), {}, {}, {}},
        {}};
    if (argc > 3) {  // the same document as HTML, for the LibreOffice reference
        QFile html(QString::fromLocal8Bit(argv[3]));
        html.open(QIODevice::WriteOnly);
        html.write(DispositionDocument::html(input).toUtf8());
    }
    QTemporaryDir dir;
    // BENCH_KEEP=1: the PDFs stay, to be looked at (their folder is printed on stderr).
    if (qEnvironmentVariableIsSet("BENCH_KEEP")) {
        dir.setAutoRemove(false);
        QTextStream(stderr) << "bench_pdf: PDFs kept in " << dir.path() << '\n';
    }
    QList<BatchExport::Item> items;
    for (int i = 0; i < count; ++i)
        items.append({input, dir.filePath(QStringLiteral("d%1.pdf").arg(i))});
    if (const int threads = qEnvironmentVariableIntValue("BENCH_THREADS"); threads > 0)
        WorkerPool::instance()->setMaxThreadCount(threads);
    QElapsedTimer timer;
    timer.start();
    const PdfFormat format{QPageSize(QPageSize::Letter), true,
                           QUrl(qEnvironmentVariable("BENCH_TSA_URL"))};
    const BatchExport::Result result = BatchExport::run(items, format, &*identity);
    for (const QString &failure : result.failures.mid(0, 3))
        QTextStream(stderr) << "bench_pdf: " << failure << '\n';
    const double seconds = timer.nsecsElapsed() / 1e9;
    QTextStream(stdout) << "pdfs " << result.written << " seconds " << seconds << " per_second "
                        << result.written / seconds << " peak_mb " << peakMegabytes()
                        << " failures " << result.failures.size() << '\n';
    return result.failures.isEmpty() ? 0 : 1;
}
