#include "TestDocket.h"
#include "report/DispositionDocument.h"
#include "review/AnswersFile.h"
#include "sign/PdfSigner.h"
#include "sign/PdfVerifier.h"

#include <QProcess>
#include <QRegularExpression>

namespace {
QString run(const QString &program, const QStringList &args) {
    QProcess p;
    p.start(program, args);
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}
}  // namespace

class TestPdfSigner : public QObject {
    Q_OBJECT
    TestDocket m_dir;

  private Q_SLOTS:
    void readersValidateTheSignatureAndSeeAnyChange() {
        QFile f(QStringLiteral(DISCRETION_SOURCE "/resources/policies/example-answers.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        AnswersFile::Result r = AnswersFile::read(f.readAll(), PolicyPack::builtIn());
        const Case c = makeCase(u"204555101"_qs, u"Hernández"_qs, u"Rosa"_qs);
        r.review.refresh(c, *r.pack);
        QString error;
        const auto identity =
            SigningIdentity::generate({u"A. Attorney"_qs, {}, u"OPLA Los Angeles"_qs, {}, {}, {}},
                                      SigningIdentity::KeyType::EcP256, 365, &error);
        QVERIFY(identity);
        const QString path = m_dir.path(u"d.pdf"_qs);
        QVERIFY(DispositionDocument::write({c, {}, r.review, *r.pack, std::nullopt, {}},
                                           {QPageSize(QPageSize::Letter)}, path, &error));
        QVERIFY2(PdfSigner::sign(path, path, *identity,
                                 {u"Disposition in the matter of A204-555-101"_qs,
                                  u"OPLA Los Angeles"_qs, r.review.sha256()},
                                 &error),
                 qPrintable(error));

        const QString report = run(u"pdfsig"_qs, {path});
        QVERIFY2(report.contains(u"Signature is Valid"_qs), qPrintable(report));
        QVERIFY(report.contains(u"Total document signed"_qs));
        QVERIFY2(report.contains(u"Signature Type: ETSI.CAdES.detached"_qs), qPrintable(report));
        QVERIFY(report.contains(u"SHA-256"_qs));
        QVERIFY(report.contains(u"Common Name: A. Attorney"_qs));
        // The signing time is the program's clock (pinned in tests), not the wall clock.
        const PdfVerification v = PdfVerifier::verify(path);
        QVERIFY2(v.ok(), qPrintable(v.problem));
        QCOMPARE(v.signingTime, Clock::nowUtc());
        QVERIFY(run(u"qpdf"_qs, {u"--check"_qs, path})
                    .contains(u"No syntax or stream encoding errors"_qs));
        QFile signedFile(path);
        QVERIFY(signedFile.open(QIODevice::ReadOnly));
        QByteArray bytes = signedFile.readAll();
        signedFile.close();
        // The record hash is in the document information, to match the PDF to the docket.
        QVERIFY(run(u"pdfinfo"_qs, {u"-custom"_qs, path})
                    .contains(u"DiscretionRecordSHA256:"_qs + r.review.sha256()));

        // One changed byte inside the signed range: every reader must see it.
        const qsizetype at = bytes.size() / 3;  // inside the first signed range
        QVERIFY(at < bytes.indexOf("/ByteRange"));
        bytes[at] = char(bytes[at] ^ 0x01);
        QVERIFY(m_dir.writeFile(u"tampered.pdf"_qs, bytes));
        const QString tampered = run(u"pdfsig"_qs, {m_dir.path(u"tampered.pdf"_qs)});
        QVERIFY2(!tampered.contains(u"Signature is Valid"_qs), qPrintable(tampered));
        // Our verifier says why in words: OpenSSL's reason, never its "error:1C800064:" line.
        const PdfVerification changed = PdfVerifier::verify(m_dir.path(u"tampered.pdf"_qs));
        QVERIFY(!changed.ok());
        QVERIFY2(!changed.problem.isEmpty(), "no reason given");
        static const QRegularExpression rawOpenSsl(u"error:[0-9A-F]{8}"_qs);
        QVERIFY2(!changed.problem.contains(rawOpenSsl) &&
                     !changed.details().join(u' ').contains(rawOpenSsl),
                 qPrintable(changed.problem));
    }

    void aFileThatIsNotAPdfIsRefused() {
        QVERIFY(m_dir.writeFile(u"no.pdf"_qs, "plain text"));
        QString error;
        const auto identity = SigningIdentity::generate(
            {u"X"_qs, {}, {}, {}, {}, {}}, SigningIdentity::KeyType::EcP256, 1, &error);
        QVERIFY(!PdfSigner::sign(m_dir.path(u"no.pdf"_qs), m_dir.path(u"out.pdf"_qs), *identity, {},
                                 &error));
        QVERIFY2(error.contains(u"could not sign"_qs), qPrintable(error));
        QVERIFY(!QFile::exists(m_dir.path(u"out.pdf"_qs)));
    }
};

QTEST_MAIN(TestPdfSigner)
#include "tst_pdfsigner.moc"
