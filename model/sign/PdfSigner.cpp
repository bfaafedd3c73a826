#include "PdfSigner.h"

#include "SignatureTimestamp.h"
#include "SigningIdentity.h"
#include "domain/Clock.h"
#include "files/PrivateFile.h"

#include <podofo/podofo.h>
#include <QCoreApplication>
#include <QFile>

namespace PdfSigner {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("PdfSigner", text);
}

// Room for the CMS blob: the certificate plus an ECDSA or RSA-3072 signature fits well;
// a timestamp token adds the authority's signature and certificates.
constexpr size_t kSignatureSpace = 8192;
constexpr size_t kTimestampedSpace = 24576;

// The CAdES signature over the signed bytes, with its timestamp when one is asked for.
QByteArray signature(const QByteArray &bytes, const SigningIdentity &identity,
                     const PdfSignatureDetails &details, QString *error) {
    QByteArray cms = identity.cadesDetached(bytes, error);  // not const: may be returned
    if (cms.isEmpty() || details.timestampAuthority.isEmpty())
        return cms;
    const QByteArray token = SignatureTimestamp::fetch(details.timestampAuthority,
                                                       SignatureTimestamp::signatureValueOf(cms),
                                                       details.timestampTimeoutMs, error);
    return token.isEmpty() ? QByteArray() : SignatureTimestamp::withToken(cms, token, error);
}

PoDoFo::PdfString utf8(const QString &text) {
    const QByteArray bytes = text.toUtf8();
    return PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8 *>(bytes.constData()));
}

// The form must say it holds signatures (SigFlags 3: signatures exist, append only).
void markSigned(PoDoFo::PdfAcroForm *form) {
    PoDoFo::PdfDictionary &dict = form->GetObject()->GetDictionary();
    dict.RemoveKey(PoDoFo::PdfName("SigFlags"));
    dict.AddKey(PoDoFo::PdfName("SigFlags"), PoDoFo::PdfObject(static_cast<PoDoFo::pdf_int64>(3)));
    form->SetNeedAppearances(false);
}

QByteArray signedBytes(PoDoFo::PdfSignOutputDevice &device) {
    QByteArray all;
    char buffer[65536];
    size_t read = 0;
    while ((read = device.ReadForSignature(buffer, sizeof buffer)) > 0)
        all.append(buffer, qsizetype(read));
    return all;
}

// The signed document: the original bytes followed by an incremental update with the
// signature field, all in memory.
QByteArray signedDocument(const QByteArray &pdf, const SigningIdentity &identity,
                          const PdfSignatureDetails &details, QString *error) {
    const size_t space = details.timestampAuthority.isEmpty() ? kSignatureSpace : kTimestampedSpace;
    PoDoFo::PdfMemDocument document;
    document.LoadFromBuffer(pdf.constData(), long(pdf.size()), true);
    markSigned(document.GetAcroForm());
    document.GetInfo()->SetCustomKey(PoDoFo::PdfName("DiscretionRecordSHA256"),
                                     utf8(details.recordSha256));
    if (!details.auditHead.isEmpty())
        document.GetInfo()->SetCustomKey(PoDoFo::PdfName("DiscretionAuditHead"),
                                         utf8(details.auditHead));

    PoDoFo::PdfRefCountedBuffer output(size_t(pdf.size()) + space * 3);
    PoDoFo::PdfOutputDevice memory(&output);
    PoDoFo::PdfSignOutputDevice device(&memory);
    device.SetSignatureSize(space);
    // An invisible field: the visible signature block is part of the page itself.
    PoDoFo::PdfPage *page = document.GetPage(document.GetPageCount() - 1);
    PoDoFo::PdfAnnotation *annotation =
        page->CreateAnnotation(PoDoFo::ePdfAnnotation_Widget, PoDoFo::PdfRect());
    annotation->SetFlags(PoDoFo::ePdfAnnotationFlags_Invisible |
                         PoDoFo::ePdfAnnotationFlags_Hidden);
    PoDoFo::PdfSignatureField field(annotation, document.GetAcroForm(), &document);
    field.SetFieldName(PoDoFo::PdfString("Disposition signature"));
    field.SetSignatureReason(utf8(details.reason));
    field.SetSignatureLocation(utf8(details.location));
    // The program's one clock, so the date a test pins is the date the PDF carries. PAdES
    // keeps the claimed signing time here, in /M, and not in the CMS.
    const QDateTime signingTime = Clock::nowUtc();
    field.SetSignatureDate(PoDoFo::PdfDate(time_t(signingTime.toSecsSinceEpoch())));
    field.SetSignature(*device.GetSignatureBeacon());
    // PAdES: PoDoFo writes adbe.pkcs7.detached; the CMS inside is CAdES, and says so.
    field.GetSignatureObject()->GetDictionary().AddKey(PoDoFo::PdfName("SubFilter"),
                                                       PoDoFo::PdfName("ETSI.CAdES.detached"));
    field.GetSignatureObject()->GetDictionary().AddKey(PoDoFo::PdfName("Name"),
                                                       utf8(identity.commonName()));
    // A certification signature (DocMDP, no changes permitted): readers flag any later
    // change to the disposition, not just a broken byte range.
    field.AddCertificationReference(document.GetCatalog(),
                                    PoDoFo::PdfSignatureField::ePdfCertPermission_NoPerms);

    document.WriteUpdate(&device, true);
    if (!device.HasSignaturePosition())
        PODOFO_RAISE_ERROR_INFO(PoDoFo::ePdfError_SignatureError, "no place for the signature");
    device.AdjustByteRange();
    device.Seek(0);
    const QByteArray cms = signature(signedBytes(device), identity, details, error);
    if (cms.isEmpty())
        return {};
    if (size_t(cms.size()) > space) {
        *error = tr("the signature (%1 bytes) is larger than the room left for it (%2 bytes)")
                     .arg(cms.size())
                     .arg(space);
        return {};
    }
    device.SetSignature(PoDoFo::PdfData(cms.constData(), size_t(cms.size())));
    device.Flush();
    return QByteArray(output.GetBuffer(), qsizetype(memory.GetLength()));
}
}  // namespace

QByteArray sign(const QByteArray &pdf, const SigningIdentity &identity,
                const PdfSignatureDetails &details, QString *error) {
    PoDoFo::PdfError::EnableDebug(false);  // PoDoFo would print its trailers to stdout
    PoDoFo::PdfError::EnableLogging(false);
    try {
        return signedDocument(pdf, identity, details, error);
    } catch (const PoDoFo::PdfError &e) {
        *error = QString::fromUtf8(PoDoFo::PdfError::ErrorMessage(e.GetError()));
        return {};
    }
}

bool sign(const QString &input, const QString &output, const SigningIdentity &identity,
          const PdfSignatureDetails &details, QString *error) {
    QFile in(input);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(input, in.errorString());
        return false;
    }
    QString problem;
    const QByteArray signedPdf = sign(in.readAll(), identity, details, &problem);
    if (signedPdf.isEmpty()) {
        *error = tr("could not sign %1: %2").arg(input, problem);
        return false;
    }
    return writeFile(output, signedPdf, error);
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error) {
    return PrivateFile::write(path, bytes, error);
}
}  // namespace PdfSigner
