#include "DispositionDocument.h"

#include "files/PrivateFile.h"

#include "KeepRowsTogether.h"

#include "domain/ANumber.h"
#include "domain/CaseSnapshot.h"
#include "domain/Codes.h"
#include "domain/FieldText.h"
#include "policy/PolicyLibrary.h"
#include "sign/SignedRecords.h"
#include "store/CaseStore.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("DispositionDocument", text);
}
QString esc(const QString &s) {
    return s.toHtmlEscaped();
}

QString orMissing(const QString &s) {
    return s.trimmed().isEmpty() ? tr("not recorded") : s;
}

QString answersTable(const QString &heading, const QList<PolicyItem> &items, const Review &r) {
    if (items.isEmpty())
        return {};
    QString html = QStringLiteral(
                       "<h3>%1</h3><table width='100%' cellspacing='0' cellpadding='4' border='1' "
                       "style='border-color:#999; border-collapse:collapse'>"
                       "<thead><tr style='background:#eee'><th align='left' width='38%'>%2</th>"
                       "<th align='left' width='12%'>%3</th><th align='left'>%4</th></tr></thead>")
                       .arg(esc(heading), tr("Question"), tr("Answer"), tr("Note"));
    for (const PolicyItem &item : items) {
        QString note;
        for (const ReviewAnswer &a : r.answers)
            if (a.itemId == item.id)
                note = a.note;
        html += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td><td>%3</td></tr>")
                    .arg(esc(item.label), esc(orMissing(r.answerOf(item.id))), esc(note));
    }
    return html + QStringLiteral("</table>");
}

// The rest of the policy: what it asks to be weighed, and what must never be a factor;
// and whether the record says the reviewer was shown them.
QString considerations(const PolicyPack &pack, const Review &r) {
    auto list = [](const QString &heading, const QList<PolicyItem> &items) -> QString {
        if (items.isEmpty())
            return QString();
        QString html = QStringLiteral("<h3>%1</h3><ul>").arg(esc(heading));
        for (const PolicyItem &item : items)
            html += QStringLiteral("<li><b>%1.</b> %2</li>").arg(esc(item.label), esc(item.help));
        return html + QStringLiteral("</ul>");
    };
    const QString html = list(tr("Other considerations the policy names"), pack.considerations) +
                         list(tr("Never a factor"), pack.neverFactors);
    if (html.isEmpty())
        return {};
    return html + QStringLiteral("<p style='font-size:9pt'><i>%1</i></p>")
                      .arg(esc(!r.considerationsShown.isEmpty()
                                   ? tr("The reviewer was shown these while weighing the "
                                        "disposition.")
                                   : tr("This record does not say whether the reviewer was shown "
                                        "these (answers recorded from a file, or by an earlier "
                                        "version of Discretion).")));
}

QString caption(const DispositionDocument::Input &in) {
    const Case &c = in.theCase;
    return QStringLiteral(
               "<p align='center' style='font-size:10pt'>%1<br>%2</p>"
               "<h1 align='center' style='font-size:15pt'>%3</h1>"
               "<table width='100%' cellpadding='2'>"
               "<tr><td width='30%'>%4</td><td><b>%5</b></td></tr>"
               "<tr><td>%6</td><td><b>%7</b></td></tr>"
               "<tr><td>%8</td><td>%9</td></tr>")
               .arg(esc(tr("UNITED STATES DEPARTMENT OF HOMELAND SECURITY")),
                    esc(tr("Office of the Principal Legal Advisor")),
                    esc(tr("Prosecutorial Discretion Disposition")), esc(tr("In the Matter of")),
                    esc(c.displayName()), esc(tr("A-number")), ANumber::displayDigits(c.aNumber),
                    esc(tr("Immigration court")),
                    esc(c.court.isEmpty() ? tr("not recorded")
                                          : c.court + QStringLiteral(" — ") + in.courtName)) +
           QStringLiteral(
               "<tr><td>%1</td><td>%2</td></tr><tr><td>%3</td><td>%4</td></tr>"
               "<tr><td>%5</td><td>%6</td></tr></table>")
               .arg(esc(tr("Case type; custody")),
                    esc(orMissing(Codes::caseTypes().label(c.caseType)) + QStringLiteral("; ") +
                        orMissing(Codes::custody().label(c.custody))),
                    esc(tr("Next hearing")),
                    esc(c.nextHearingDate.isValid()
                            ? FieldText::isoDate(c.nextHearingDate) + QStringLiteral(", ") +
                                  Codes::hearingTypes().label(c.nextHearingType)
                            : tr("not scheduled")),
                    esc(tr("Counsel")),
                    esc(c.isRepresented() ? c.counselName + QStringLiteral(" (EOIR-28 ") +
                                                orMissing(FieldText::isoDate(c.eoir28Date)) + u')'
                                          : tr("unrepresented")));
}

QString factsAndRules(const Review &r) {
    QString html = QStringLiteral(
                       "<h3>%1</h3><table width='100%' cellpadding='3' border='1' cellspacing='0' "
                       "style='border-collapse:collapse'>")
                       .arg(esc(tr("Facts relied on (derived from the record)")));
    for (const DerivedFact &f : r.facts)
        html += QStringLiteral(
                    "<tr><td width='38%'>%1</td><td width='12%'><b>%2</b></td><td>%3</td></tr>")
                    .arg(esc(f.label), esc(f.valueText()), esc(f.derivation));
    html += QStringLiteral("</table><h3>%1</h3>").arg(esc(tr("What the policy says")));
    bool any = false;
    for (const RuleSnapshot &rule : r.rules) {
        if (rule.state != u"applies")
            continue;
        any = true;
        html += QStringLiteral(
                    "<p>%1<br><span style='color:#444; font-size:9pt'>%2: %3. [%4]</span></p>")
                    .arg(esc(rule.says), esc(tr("Because")),
                         esc(rule.because.join(QStringLiteral("; "))), esc(rule.citation));
    }
    return any ? html
               : html + QStringLiteral("<p>%1</p>").arg(esc(tr("No guidance rule applied.")));
}

QString signatureBlock(const DispositionDocument::Input &in) {
    const SignerProfile &s = in.signer;
    const QString name = s.fullName.isEmpty() && in.signature ? in.signature->signer : s.fullName;
    // A legal document gives the time as a reader reads it, in UTC (never a raw ISO string).
    const QDateTime signedAt =
        in.signature ? QDateTime::fromString(in.signature->signedAt, Qt::ISODate) : QDateTime();
    QStringList lines = {
        QStringLiteral("/s/ ") + name, s.title, s.office,
        s.barNumber.isEmpty() ? QString() : tr("Bar no. %1 (%2)").arg(s.barNumber, s.barState),
        in.signature
            ? tr("Signed %1 UTC")
                  .arg(QLocale(QLocale::English)
                           .toString(signedAt.toUTC(), QStringLiteral("d MMMM yyyy, HH:mm")))
            : tr("Not signed")};
    // The attorney who prepared the review is named when another attorney signs it (a
    // reviewer recorded as "name, title" is the same person).
    if (!in.review.reviewer.isEmpty() && in.signature && !in.review.reviewer.startsWith(name))
        lines.prepend(tr("Prepared by %1; signed by:").arg(in.review.reviewer));
    lines.removeAll(QString());
    for (QString &line : lines)
        line = esc(line);
    return QStringLiteral(
               "<table width='100%' cellpadding='2' style='margin-top:18px'><tr><td "
               "width='45%'></td>"
               "<td><p>%1</p></td></tr></table>")
        .arg(lines.join(QStringLiteral("<br>")));
}
}  // namespace

std::optional<DispositionDocument::Input> DispositionDocument::forCase(CaseStore &store,
                                                                       qint64 caseId) {
    ReviewStore reviews(store);
    const std::optional<Review> review = reviews.latest(caseId);
    const std::optional<Case> theCase = store.loadCase(caseId);
    if (!review || !theCase)
        return std::nullopt;
    Input input{*theCase, {}, *review, {}, reviews.signatureOf(review->id), {}, {}};
    if (input.signature)
        input.recordProblem = SignedRecords(store).problemOf(review->id);
    if (review->hasCaseFacts()) {
        input.theCase = review->caseOnRecord();
        input.theCase.id = theCase->id;
        input.liveCaseDiffers = CaseSnapshot::differences(input.theCase, *theCase);
    }
    for (const Court &c : store.courts())
        if (c.code == input.theCase.court)
            input.courtName = c.name;
    for (const PolicyPack &pack : PolicyLibrary::available(store))
        if (pack.sha256() == review->policySha256)
            input.pack = pack;
    // The signature block comes from the certificate that signed, not from anything editable.
    if (input.signature)
        input.signer = SigningIdentity::profileOf(input.signature->certificate);
    if (input.signature && input.signer.fullName.isEmpty())
        input.signer.fullName = input.signature->signer;
    return input;
}

PdfSignatureDetails DispositionDocument::signatureDetails(const Input &input) {
    return {
        tr("Disposition in the matter of %1").arg(ANumber::displayDigits(input.theCase.aNumber)),
        input.signer.office, input.review.sha256(),
        input.signature ? input.signature->auditHead : QString()};
}

QString DispositionDocument::html(const Input &in) {
    const Review &r = in.review;
    QString html =
        QStringLiteral("<html><body style='font-family:\"FreeSerif\"; font-size:10.5pt'>") +
        caption(in);
    if (!r.hasCaseFacts())
        html += QStringLiteral("<p style='font-size:9pt'><i>%1</i></p>")
                    .arg(esc(tr("This record was made by an earlier version of Discretion that "
                                "did not keep the case facts in the record: the caption above "
                                "shows the case as the docket held it when this copy was "
                                "printed.")));
    html +=
        QStringLiteral(
            "<h3>%1</h3><p>%2<br><span style='font-size:9pt'>%3 %4, SHA-256 "
            "%5</span>%6</p>")
            .arg(esc(tr("Policy applied")), esc(in.pack.title), esc(tr("id")), esc(r.policyId),
                 r.policySha256,
                 r.policyInForce ? QString()
                                 : QStringLiteral("<br><b>") +
                                       esc(tr("This policy was not in force on the review date.")) +
                                       QStringLiteral("</b>"));
    html += answersTable(tr("Enforcement priorities"), in.pack.priorities, r) + factsAndRules(r);
    html += answersTable(tr("Aggravating factors"), in.pack.aggravating, r) +
            answersTable(tr("Mitigating factors"), in.pack.mitigating, r) +
            considerations(in.pack, r);
    html += QStringLiteral("<h3>%1</h3><p><b>%2</b></p><h3>%3</h3><p>%4</p>")
                .arg(esc(tr("Disposition")), esc(in.pack.dispositionLabel(r.disposition)),
                     esc(tr("Reasons")), esc(r.reasons).replace(u'\n', QStringLiteral("<br>")));
    if (!r.deviationReason.isEmpty())
        html += QStringLiteral("<h3>%1</h3><p>%2</p>")
                    .arg(esc(tr("Why not the usual course")), esc(r.deviationReason));
    if (r.version > 1)
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(esc(tr("Amendment (version %1, superseding review %2):")
                                 .arg(r.version)
                                 .arg(r.supersedes)),
                         esc(r.amendmentReason));
    QString record =
        QStringLiteral("<p style='font-size:8.5pt; color:#333'>%1 %2 — %3 %4, %5 %6")
            .arg(esc(tr("Record SHA-256:")), r.sha256(), esc(tr("reviewer")), esc(r.reviewer),
                 esc(tr("review date")), FieldText::isoDate(r.reviewDate));
    if (in.signature && !in.signature->auditHead.isEmpty())
        record +=
            QStringLiteral("<br>%1 %2")
                .arg(esc(tr("Audit log head at signing (SHA-256):")), in.signature->auditHead);
    // The signature block and the record line are one table row, so a page break never
    // leaves the record line alone on a page of its own (KeepRowsTogether keeps rows whole).
    html += QStringLiteral("<table width='100%' cellpadding='0'><tr><td>%1%2</p></td></tr></table>")
                .arg(signatureBlock(in), record);
    return html + QStringLiteral("</body></html>");
}

QByteArray DispositionDocument::render(const Input &input, const PdfFormat &format) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPdfVersion(format.pdfA ? QPagedPaintDevice::PdfVersion_A1b
                                     : QPagedPaintDevice::PdfVersion_1_6);
    writer.setPageSize(format.pageSize);
    writer.setPageMargins(QMarginsF(22, 20, 22, 22), QPageLayout::Millimeter);
    writer.setTitle(tr("Prosecutorial discretion disposition, %1")
                        .arg(ANumber::displayDigits(input.theCase.aNumber)));
    writer.setCreator(QStringLiteral("Discretion " DISCRETION_VERSION));
    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(&writer);
    doc.setDocumentMargin(0);
    // A letter spacing other than zero turns ligatures off: "ff" in a hash or "ffi" in
    // "Office" stay two or three letters for search, copy and pdftotext.
    QFont plain(QStringLiteral("FreeSerif"));
    plain.setPointSizeF(10.5);  // headings are sized from the default font
    plain.setLetterSpacing(QFont::AbsoluteSpacing, 0.02);  // 26.6 fixed point: not below 1/64
    doc.setDefaultFont(plain);
    const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());
    const QSizeF body(page.width(),
                      page.height() - writer.resolution() * 0.35);  // room for the footer
    doc.setPageSize(body);  // before the content: the text is laid out once, at this size
    doc.setHtml(html(input));
    KeepRowsTogether::apply(doc);
    const int pages = doc.pageCount();
    QPainter painter(&writer);
    QFont footerFont(QStringLiteral("FreeSerif"));
    footerFont.setPointSizeF(8);
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            writer.newPage();
        painter.save();
        painter.translate(0, -body.height() * i);
        doc.drawContents(&painter, QRectF(0, body.height() * i, body.width(), body.height()));
        painter.restore();
        painter.setFont(footerFont);
        painter.drawText(QRectF(0, page.height() - writer.resolution() * 0.25, page.width(),
                                writer.resolution() * 0.25),
                         Qt::AlignRight | Qt::AlignBottom,
                         tr("%1 — Page %2 of %3")
                             .arg(ANumber::displayDigits(input.theCase.aNumber))
                             .arg(i + 1)
                             .arg(pages));
    }
    painter.end();
    return buffer.data();
}

bool DispositionDocument::write(const Input &input, const PdfFormat &format, const QString &path,
                                QString *error) {
    const QByteArray pdf = render(input, format);
    if (pdf.isEmpty()) {
        *error = tr("could not lay out the disposition for %1").arg(path);
        return false;
    }
    return PrivateFile::write(path, pdf, error);
}
