#include "DispositionDocument.h"

#include "files/PrivateFile.h"

#include "BlocksHtml.h"
#include "DispositionContent.h"
#include "PageTypesetter.h"

#include "domain/ANumber.h"
#include "domain/CaseSnapshot.h"
#include "domain/Codes.h"
#include "domain/FieldText.h"
#include "policy/PolicyLibrary.h"
#include "sign/SignedRecords.h"
#include "store/CaseStore.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QPainter>
#include <QPdfWriter>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("DispositionDocument", text);
}

const QString kFontFamily = QStringLiteral("FreeSerif");
constexpr qreal kPoints = 10.5;
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
    return BlocksHtml::toHtml(DispositionContent::blocks(in), kFontFamily, kPoints);
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
    // A letter spacing other than zero turns ligatures off: "ff" in a hash or "ffi" in
    // "Office" stay two or three letters for search, copy and pdftotext.
    QFont plain(kFontFamily);
    plain.setPointSizeF(kPoints);
    plain.setLetterSpacing(QFont::AbsoluteSpacing, 0.02);  // 26.6 fixed point: not below 1/64
    const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());
    const QSizeF body(page.width(),
                      page.height() - writer.resolution() * 0.35);  // room for the footer
    PageTypesetter typesetter(&writer, body, plain);
    typesetter.layout(DispositionContent::blocks(input));
    const int pages = typesetter.pageCount();
    QPainter painter(&writer);
    QFont footerFont(kFontFamily);
    footerFont.setPointSizeF(8);
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            writer.newPage();
        typesetter.drawPage(painter, i);
        painter.setFont(footerFont);
        painter.setPen(Qt::black);
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
