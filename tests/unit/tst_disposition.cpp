#include "TestDocket.h"
#include "report/DispositionDocument.h"
#include "review/AnswersFile.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>

namespace {
QString run(const QString &program, const QStringList &args, int *exitCode = nullptr) {
    QProcess p;
    p.start(program, args);
    p.waitForFinished(60000);
    if (exitCode)
        *exitCode = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}

DispositionDocument::Input input(const QString &reasons) {
    QFile f(QStringLiteral(DISCRETION_SOURCE "/resources/policies/example-answers.json"));
    f.open(QIODevice::ReadOnly);
    AnswersFile::Result r = AnswersFile::read(f.readAll(), PolicyPack::builtIn());
    Case c = makeCase(u"204555101"_qs, QString::fromUtf8("Nguyễn"), QString::fromUtf8("Thị Hương"));
    c.court = u"LOS"_qs;
    c.counselName = u"Ana Beltrán, Esq."_qs;
    c.eoir28Date = QDate(2019, 5, 2);
    r.review.reasons = reasons;
    r.review.refresh(c, *r.pack);
    ReviewSignature signature{1,
                              r.review.sha256(),
                              "sig",
                              "cert",
                              u"A. Attorney"_qs,
                              u"2026-11-29T10:00:00Z"_qs,
                              QString(64, u'a'),
                              {}};
    return {c,
            u"Los Angeles"_qs,
            r.review,
            *r.pack,
            signature,
            {u"A. Attorney"_qs,
             u"Assistant Chief Counsel"_qs,
             u"OPLA Los Angeles"_qs,
             u"654321"_qs,
             u"CA"_qs,
             {}}};
}
}  // namespace

class TestDisposition : public QObject {
    Q_OBJECT
    TestDocket m_dir;

  private Q_SLOTS:
    void rendersAValidPdfWithTheKeyFields() {
        const DispositionDocument::Input in = input(u"Not a priority; long residence."_qs);
        const QString path = m_dir.path(u"d.pdf"_qs);
        QString error;
        QVERIFY2(DispositionDocument::write(in, {QPageSize(QPageSize::Letter)}, path, &error),
                 qPrintable(error));
        int code = -1;
        const QString check = run(u"qpdf"_qs, {u"--check"_qs, path}, &code);
        QVERIFY2(code == 0, qPrintable(check));
        const QString text = run(u"pdftotext"_qs, {u"-layout"_qs, path, u"-"_qs});
        for (const QString &expected :
             QStringList{QString::fromUtf8("Nguyễn, Thị Hương"), u"A204-555-101"_qs,
                         u"LOS — Los Angeles"_qs, u"Join or not oppose a motion to dismiss"_qs,
                         u"Not a priority; long residence."_qs, u"/s/ A. Attorney"_qs,
                         u"Bar no. 654321 (CA)"_qs, in.review.sha256(), in.review.policySha256,
                         u"Page 1 of"_qs, u"Mitigating factors"_qs,
                         u"Office of the Principal Legal Advisor"_qs,
                         u"Other considerations the policy names"_qs, u"Never a factor"_qs,
                         u"This record does not say whether the reviewer was shown"_qs,
                         u"Audit log head at signing (SHA-256): "_qs +
                             QString(64, u'a')})  // no ligatures: text stays searchable
            QVERIFY2(text.contains(expected), qPrintable(expected));
        const QString fonts = run(u"pdffonts"_qs, {path});
        QVERIFY(fonts.contains(u"FreeSerif"_qs));
        for (const QString &line : fonts.split(u'\n').mid(2))
            if (!line.trimmed().isEmpty())
                QVERIFY2(line.contains(u" yes "_qs), qPrintable(line));  // every font embedded
        QVERIFY(run(u"pdfinfo"_qs, {path}).contains(u"612 x 792 pts (letter)"_qs));
    }

    // FreeSerif has no Hangul and no Han: a Korean or Chinese name was drawn as boxes and
    // left out of the text layer ("In the Matter of ,"). A fallback font (WenQuanYi Zen
    // Hei, installed with the program) draws them, embedded like the rest.
    void namesInHangulAndHanAreDrawnAndSearchable() {
        DispositionDocument::Input in = input(QString::fromUtf8("Reasons for 王小明 as well."));
        in.theCase.familyName = QString::fromUtf8("최");
        in.theCase.givenNames = QString::fromUtf8("하은");
        const QString path = m_dir.path(u"hangul.pdf"_qs);
        QString error;
        QVERIFY2(DispositionDocument::write(in, {QPageSize(QPageSize::Letter)}, path, &error),
                 qPrintable(error));
        const QString text = run(u"pdftotext"_qs, {path, u"-"_qs});
        QVERIFY2(text.contains(QString::fromUtf8("최, 하은")), qPrintable(text.left(300)));
        QVERIFY(text.contains(QString::fromUtf8("王小明")));
        const QString fonts = run(u"pdffonts"_qs, {path});
        QVERIFY2(fonts.split(u'\n').size() > 5, qPrintable(fonts));  // a font beyond FreeSerif's
        for (const QString &line : fonts.split(u'\n').mid(2))
            if (!line.trimmed().isEmpty())
                QVERIFY2(line.contains(u" yes "_qs), qPrintable(line));
    }

    // The signature block: the time as a reader reads it, and the attorney who prepared the
    // review named when another signs it.
    void theSignatureBlockNamesWhoPreparedAndWhoSigned() {
        DispositionDocument::Input in = input(u"Reasons."_qs);
        in.review.reviewer = u"A. Attorney, Assistant Chief Counsel"_qs;
        QString html = DispositionDocument::html(in);
        QVERIFY2(html.contains(u"Signed 29 November 2026, 10:00 UTC"_qs),
                 qPrintable(html.right(600)));
        QVERIFY(!html.contains(u"Prepared by"_qs));
        in.review.reviewer = u"B. Preparer"_qs;
        html = DispositionDocument::html(in);
        QVERIFY(html.contains(u"Prepared by B. Preparer; signed by:<br>/s/ A. Attorney"_qs));
    }

    // The list marks a hearing gone by "(past)"; the signed page said only its date, as if it
    // were still to come. A signed copy tells it against the signing's date: the review's date
    // is typed, and an attacker dated a review after a hearing still to come (the page called
    // it past) and backdated an amendment before one gone by (the page did not).
    void aHearingBeforeTheSigningIsSaidToBePast() {
        DispositionDocument::Input in = input(u"Reasons."_qs);  // signed 2026-11-29T10:00Z
        in.theCase.nextHearingType = u"master"_qs;
        in.theCase.nextHearingDate = QDate(2026, 11, 28);
        in.review.reviewDate = QDate(2026, 11, 1);  // backdated before the hearing
        QString html = DispositionDocument::html(in);
        QVERIFY2(html.contains(u"2026-11-28, Master calendar (already past when signed on "
                               u"2026-11-29; no later hearing on the docket)"_qs),
                 qPrintable(html.left(2000)));
        in.theCase.nextHearingDate = QDate(2026, 12, 10);
        in.review.reviewDate = QDate(2027, 3, 1);  // dated after a hearing still to come
        html = DispositionDocument::html(in);
        QVERIFY(html.contains(u"2026-12-10, Master calendar"_qs));
        QVERIFY(!html.contains(u"already past"_qs));
        in.theCase.nextHearingDate = QDate(2026, 11, 29);  // the day of the signing
        QVERIFY(!DispositionDocument::html(in).contains(u"already past"_qs));
        // A draft has no signing: its review's date.
        in.signature.reset();
        in.review.reviewDate = QDate(2026, 12, 4);
        in.theCase.nextHearingDate = QDate(2026, 11, 30);
        html = DispositionDocument::html(in);
        QVERIFY2(html.contains(u"2026-11-30, Master calendar (already past at the review on "
                               u"2026-12-04; no later hearing on the docket)"_qs),
                 qPrintable(html.left(2000)));
    }

    // The wizard showed which rules could not be told on the answers given; the signed page
    // keeps them, after the rules that applied, so a reader knows what was left open.
    void rulesThatCouldNotBeToldArePrinted() {
        DispositionDocument::Input in = input(u"Reasons."_qs);
        const QString heading = u"Could not be told at the review"_qs;
        QVERIFY(in.review.rules.size() >= 3);
        for (RuleSnapshot &rule : in.review.rules)
            if (rule.state == u"undecided")
                rule.state = u"does_not_apply"_qs;
        QVERIFY(!DispositionDocument::html(in).contains(heading));
        const QStringList undecided = {in.review.rules[0].says, in.review.rules[2].says};
        in.review.rules[0].state = in.review.rules[2].state = u"undecided"_qs;
        const QString html = DispositionDocument::html(in);
        const qsizetype at = html.indexOf(heading);
        QVERIFY2(at > html.indexOf(u"What the policy says"_qs), qPrintable(html));
        QVERIFY(at < html.indexOf(u"Reasons."_qs));
        for (const QString &says : undecided)
            QVERIFY2(html.indexOf(says.toHtmlEscaped(), at) > at, qPrintable(says));
        QVERIFY(html.indexOf(in.review.rules[1].says.toHtmlEscaped(), at) < 0);
        // One marked line per rule, as the wizard shows it: a rule's line breaks cannot make
        // it pass for several rules or a signature line.
        in.review.rules[2].says = u"Public safety\n/s/ J. Forger, Chief Counsel"_qs;
        const QString one = DispositionDocument::html(in);
        QVERIFY2(one.contains(u"– Public safety /s/ J. Forger, Chief Counsel"_qs),
                 qPrintable(one.mid(one.indexOf(heading), 600)));
    }

    void aDraftAndAnAmendmentSayWhatTheyAreAtTheTop() {
        DispositionDocument::Input in = input(u"Reasons."_qs);
        QString html = DispositionDocument::html(in);
        QVERIFY(!html.contains(u"NOT SIGNED"_qs));
        QVERIFY(!html.contains(u"Amended"_qs));
        QVERIFY(html.contains(u"/s/ A. Attorney"_qs));
        QVERIFY(html.contains(u"How it was derived"_qs));  // the facts table's header
        in.review.version = 2;
        in.review.amendmentReason = u"A new conviction record."_qs;
        html = DispositionDocument::html(in);
        const qsizetype amended = html.indexOf(u"Amended: version 2, superseding version 1"_qs);
        QVERIFY(amended > 0 && amended < html.indexOf(u"Policy applied"_qs));
        QVERIFY(html.contains(u"Amendment (version 2, superseding version 1):"_qs));
        in.signature.reset();
        html = DispositionDocument::html(in);
        const qsizetype draft = html.indexOf(u"NOT SIGNED"_qs);
        QVERIFY(draft > 0 && draft < html.indexOf(u"Policy applied"_qs));
        QVERIFY2(!html.contains(u"/s/"_qs),
                 qPrintable(html.right(600)));  // a draft bears no signature mark
        QVERIFY(html.contains(u"Not signed"_qs));
    }

    void longReasonsFlowOverPagesAndA4Works() {
        QString reasons;
        for (int i = 0; i < 200; ++i)
            reasons +=
                u"Paragraph %1 of the reasons, which go on at length about the record. "_qs.arg(i +
                                                                                                1);
        const QString path = m_dir.path(u"long.pdf"_qs);
        QString error;
        QVERIFY(
            DispositionDocument::write(input(reasons), {QPageSize(QPageSize::A4)}, path, &error));
        const QString info = run(u"pdfinfo"_qs, {path});
        QVERIFY(info.contains(u"(A4)"_qs));
        const int pages = info.section(u"Pages:"_qs, 1).trimmed().section(u'\n', 0, 0).toInt();
        QVERIFY2(pages >= 4, qPrintable(info));
        const QString text = run(u"pdftotext"_qs, {path, u"-"_qs});
        QVERIFY(text.contains(u"Paragraph 200 of the reasons"_qs));
        QVERIFY(text.contains(u"Page %1 of %1"_qs.arg(pages)));
    }

    // Every factor gets a note long enough that the tables cross page breaks; each row's
    // first and last words must be on the same page.
    void pdfAIsTheDefaultAndCanBeTurnedOff() {
        // PDF/A-1b declares itself in the XMP metadata (pdfaid:part) on PDF 1.4; the plain
        // form is PDF 1.6 without it. qpdf reads both as sound.
        const DispositionDocument::Input in = input(u"Reasons."_qs);
        const QByteArray archival = DispositionDocument::render(in, {});
        const QByteArray plain =
            DispositionDocument::render(in, {QPageSize(QPageSize::Letter), false});
        QVERIFY(archival.startsWith("%PDF-1.4"));
        QVERIFY(archival.contains("pdfaid:part"));
        QVERIFY(plain.startsWith("%PDF-1.6"));
        QVERIFY(!plain.contains("pdfaid:part"));
        QTemporaryDir dir;
        for (const QByteArray &pdf : {archival, plain}) {
            QFile f(dir.filePath(u"x.pdf"_qs));
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write(pdf) == pdf.size());
            f.close();
            QProcess qpdf;
            qpdf.start(u"qpdf"_qs, {u"--check"_qs, f.fileName()});
            QVERIFY(qpdf.waitForFinished(30000));
            QCOMPARE(qpdf.exitCode(), 0);
        }
    }

    void tableRowsDoNotSplitAcrossPages() {
        DispositionDocument::Input in = input(u"Reasons."_qs);
        for (int i = 0; i < in.review.answers.size(); ++i) {
            QString note = u"rowstart%1 "_qs.arg(i);
            for (int w = 0; w < 14 + (i % 5) * 6; ++w)
                note += u"the note goes on about the record "_qs;
            in.review.answers[i].note = note + u"rowend%1"_qs.arg(i);
        }
        const QString path = m_dir.path(u"rows.pdf"_qs);
        QString error;
        QVERIFY(DispositionDocument::write(in, {QPageSize(QPageSize::Letter)}, path, &error));
        const QString info = run(u"pdfinfo"_qs, {path});
        const int pages = info.section(u"Pages:"_qs, 1).trimmed().section(u'\n', 0, 0).toInt();
        QVERIFY2(pages >= 3, qPrintable(info));
        QHash<QString, int> pageOf;
        for (int page = 1; page <= pages; ++page) {
            const QString text = run(u"pdftotext"_qs, {u"-f"_qs, QString::number(page), u"-l"_qs,
                                                       QString::number(page), path, u"-"_qs});
            static const QRegularExpression marker(u"row(start|end)\\d+"_qs);
            for (const QRegularExpressionMatch &m : marker.globalMatch(text))
                pageOf.insert(m.captured(0), page);
        }
        QSet<int> pagesWithRows;
        for (int i = 0; i < in.review.answers.size(); ++i) {
            const QString start = u"rowstart%1"_qs.arg(i), end = u"rowend%1"_qs.arg(i);
            QVERIFY2(pageOf.contains(start) && pageOf.contains(end), qPrintable(start));
            QCOMPARE(pageOf.value(end), pageOf.value(start));
            pagesWithRows.insert(pageOf.value(start));
        }
        QVERIFY2(pagesWithRows.size() >= 2, "the tables should cross a page break");
    }

    void theRecordLineNeverStandsAloneOnAPage() {
        // Reasons of every length move the end of the document across a page break: the
        // record's hash line must always share its page with the signature block.
        int pagesSeen = 0;
        for (int lines = 0; lines <= 66; lines += 3) {
            QStringList reasons;
            for (int i = 0; i < lines; ++i)
                reasons << u"Reason line %1 of the written reasons."_qs.arg(i);
            const QByteArray pdf =
                DispositionDocument::render(input(reasons.join(u'\n') + u"."_qs), {});
            const QString path = m_dir.path(u"end%1.pdf"_qs.arg(lines));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write(pdf) == pdf.size());
            f.close();
            const QString info = run(u"pdfinfo"_qs, {path});
            const int pages = info.section(u"Pages:"_qs, 1).trimmed().section(u'\n', 0, 0).toInt();
            pagesSeen = qMax(pagesSeen, pages);
            const QString last = run(u"pdftotext"_qs, {u"-f"_qs, QString::number(pages), u"-l"_qs,
                                                       QString::number(pages), path, u"-"_qs});
            QVERIFY2(last.contains(u"Record SHA-256"_qs), qPrintable(last));
            QVERIFY2(last.contains(u"/s/ A. Attorney"_qs),
                     qPrintable(u"%1 lines of reasons: the last page holds only\n"_qs.arg(lines) +
                                last));
            // Nor is the signature alone with it: the end of the reasons comes along.
            if (lines > 0)
                QVERIFY2(last.contains(u"of the written reasons"_qs), qPrintable(last));
        }
        QVERIFY2(pagesSeen >= 3, "the sweep should push the end onto another page");
    }
};

QTEST_MAIN(TestDisposition)
#include "tst_disposition.moc"
