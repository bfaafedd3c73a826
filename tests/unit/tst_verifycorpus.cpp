// Every input in the verification fuzzer's corpus (tests/fuzz/corpus/verify), kept as a
// regression file: none may crash, the genuine disposition is valid and every forged or
// crashing one is not. A crash the fuzzer finds is added there under its own name.
#include "sign/PdfVerifier.h"

#include <QDir>
#include <QTest>

class TestVerifyCorpus : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void everyCorpusFileHasTheVerdictItsNameSays() {
        const QDir corpus(QStringLiteral(DISCRETION_SOURCE "/tests/fuzz/corpus/verify"));
        const QStringList files = corpus.entryList(QDir::Files);
        QVERIFY(files.contains(QStringLiteral("signed-disposition.pdf")));
        for (const QString &name : files) {
            const PdfVerification v = PdfVerifier::verify(corpus.filePath(name));
            const bool genuine = name == QStringLiteral("signed-disposition.pdf");
            QVERIFY2(v.ok() == genuine, qPrintable(name + QStringLiteral(": ") + v.problem));
            QVERIFY2(genuine || !v.problem.trimmed().isEmpty(), qPrintable(name));
        }
    }
};

QTEST_GUILESS_MAIN(TestVerifyCorpus)
#include "tst_verifycorpus.moc"
