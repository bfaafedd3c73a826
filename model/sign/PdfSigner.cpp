#include "PdfSigner.h"

#include "PdfScan.h"
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

// A widget on the last page with no area, hidden: what a signature field needs, and
// nothing a reader paints.
PoDoFo::PdfAnnotation *invisibleWidget(PoDoFo::PdfMemDocument &document) {
    PoDoFo::PdfPage *page = document.GetPage(document.GetPageCount() - 1);
    PoDoFo::PdfAnnotation *annotation =
        page->CreateAnnotation(PoDoFo::ePdfAnnotation_Widget, PoDoFo::PdfRect());
    annotation->SetFlags(PoDoFo::ePdfAnnotationFlags_Invisible |
                         PoDoFo::ePdfAnnotationFlags_Hidden);
    return annotation;
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
                          const PdfSignatureDetails &details, QByteArray *cmsWritten,
                          QString *error) {
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
    PoDoFo::PdfSignatureField field(invisibleWidget(document), document.GetAcroForm(), &document);
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
    *cmsWritten = cms;
    return QByteArray(output.GetBuffer(), qsizetype(memory.GetLength()));
}

PoDoFo::PdfArray streamsOf(PoDoFo::PdfMemDocument &document, const QList<QByteArray> &items) {
    PoDoFo::PdfArray out;
    for (const QByteArray &item : items) {
        PoDoFo::PdfObject *stream = document.GetObjects().CreateObject();
        stream->GetStream()->Set(item.constData(), item.size());
        out.push_back(stream->Reference());
    }
    return out;
}

// The references an earlier DSS holds under key, kept when a new DSS replaces it.
PoDoFo::PdfArray earlier(PoDoFo::PdfMemDocument &document, const char *key) {
    PoDoFo::PdfObject *dss = document.GetCatalog()->GetIndirectKey(PoDoFo::PdfName("DSS"));
    PoDoFo::PdfObject *items =
        dss && dss->IsDictionary() ? dss->GetIndirectKey(PoDoFo::PdfName(key)) : nullptr;
    return items && items->IsArray() ? items->GetArray() : PoDoFo::PdfArray();
}

void addItems(PoDoFo::PdfMemDocument &document, PoDoFo::PdfObject *dss, const char *key,
              const QList<QByteArray> &items) {
    PoDoFo::PdfArray all = earlier(document, key);
    for (const PoDoFo::PdfObject &added : streamsOf(document, items))
        all.push_back(added);
    if (!all.empty())
        dss->GetDictionary().AddKey(PoDoFo::PdfName(key), all);
}

// An incremental update that adds a Document Security Store (ISO 32000-2 12.8.4.3) to the
// catalog, keeping what an earlier one held, and nothing else: what a verifier accepts
// after a certification signature.
QByteArray withDss(const QByteArray &pdf, const ValidationData &data) {
    PoDoFo::PdfMemDocument document;
    document.LoadFromBuffer(pdf.constData(), long(pdf.size()), true);
    // An earlier DSS is updated, not replaced: a replaced one would be left behind as an
    // object nothing refers to, which a verifier rightly calls a change.
    PoDoFo::PdfObject *dss = document.GetCatalog()->GetIndirectKey(PoDoFo::PdfName("DSS"));
    if (!dss || !dss->IsDictionary() || !dss->Reference().IsIndirect())
        dss = document.GetObjects().CreateObject("DSS");
    addItems(document, dss, "Certs", data.certificates);
    addItems(document, dss, "CRLs", data.crls);
    addItems(document, dss, "OCSPs", {});
    document.GetCatalog()->GetDictionary().AddKey(PoDoFo::PdfName("DSS"), dss->Reference());
    PoDoFo::PdfRefCountedBuffer output(size_t(pdf.size()) * 2);
    PoDoFo::PdfOutputDevice memory(&output);
    document.WriteUpdate(&memory, true);
    return QByteArray(output.GetBuffer(), qsizetype(memory.GetLength()));
}

// A last update with a document timestamp (SubFilter ETSI.RFC3161) over every byte before
// it, the DSS included: PAdES B-LTA, which can be renewed before the authority's
// certificate expires.
QByteArray withDocumentTimestamp(const QByteArray &pdf, const PdfSignatureDetails &details,
                                 QString *error) {
    PoDoFo::PdfMemDocument document;
    document.LoadFromBuffer(pdf.constData(), long(pdf.size()), true);
    PoDoFo::PdfRefCountedBuffer output(size_t(pdf.size()) + kTimestampedSpace * 3);
    PoDoFo::PdfOutputDevice memory(&output);
    PoDoFo::PdfSignOutputDevice device(&memory);
    device.SetSignatureSize(kTimestampedSpace);
    PoDoFo::PdfSignatureField field(invisibleWidget(document), document.GetAcroForm(), &document);
    field.SetFieldName(PoDoFo::PdfString("Document timestamp"));
    field.SetSignature(*device.GetSignatureBeacon());
    PoDoFo::PdfDictionary &dict = field.GetSignatureObject()->GetDictionary();
    dict.AddKey(PoDoFo::PdfName("Type"), PoDoFo::PdfName("DocTimeStamp"));
    dict.AddKey(PoDoFo::PdfName("SubFilter"), PoDoFo::PdfName("ETSI.RFC3161"));
    document.WriteUpdate(&device, true);
    if (!device.HasSignaturePosition())
        PODOFO_RAISE_ERROR_INFO(PoDoFo::ePdfError_SignatureError, "no place for the timestamp");
    device.AdjustByteRange();
    device.Seek(0);
    const QByteArray token = SignatureTimestamp::fetch(
        details.timestampAuthority, signedBytes(device), details.timestampTimeoutMs, error);
    if (token.isEmpty())
        return {};
    if (size_t(token.size()) > kTimestampedSpace) {
        *error = tr("the document timestamp (%1 bytes) is larger than the room left for it")
                     .arg(token.size());
        return {};
    }
    device.SetSignature(PoDoFo::PdfData(token.constData(), size_t(token.size())));
    device.Flush();
    return QByteArray(output.GetBuffer(), qsizetype(memory.GetLength()));
}

// B-LT and B-LTA on a timestamped signature: the signer's and the authority's chains with
// their CRLs, then a document timestamp over them.
QByteArray longTerm(const QByteArray &signedPdf, const QByteArray &cms,
                    const SigningIdentity &identity, const PdfSignatureDetails &details,
                    QString *error) {
    const SignatureTimestamp::Check timestamp = SignatureTimestamp::check(cms);
    QList<QByteArray> leaves{identity.certificateDer()};
    if (timestamp.valid)
        leaves << timestamp.authorityCertificate;
    QString problem;
    const std::optional<ValidationData> data =
        ValidationData::gather(leaves, *details.validation, Clock::nowUtc(), &problem);
    if (!data) {
        *error = tr("PAdES B-LT: %1").arg(problem);
        return {};
    }
    const QByteArray withData = withDss(signedPdf, *data);
    return details.archiveTimestamp ? withDocumentTimestamp(withData, details, error) : withData;
}
}  // namespace

QByteArray extend(const QByteArray &pdf, const QList<QByteArray> &certificates,
                  const ValidationSources &sources, const QUrl &timestampAuthority,
                  QString *error) {
    PoDoFo::PdfError::EnableDebug(false);
    PoDoFo::PdfError::EnableLogging(false);
    // What the PDF already holds serves, and is not written twice.
    const PdfScan::Document scanned = PdfScan::read(pdf);
    ValidationSources withEarlier = sources;
    withEarlier.chain << scanned.dssCertificates;
    withEarlier.crls << scanned.dssCrls;
    QString problem;
    const std::optional<ValidationData> gathered =
        ValidationData::gather(certificates, withEarlier, Clock::nowUtc(), &problem);
    if (!gathered) {
        *error = tr("cannot extend it: %1").arg(problem);
        return {};
    }
    ValidationData data;
    for (const QByteArray &cert : gathered->certificates)
        if (!scanned.dssCertificates.contains(cert))
            data.certificates << cert;
    for (const QByteArray &crl : gathered->crls)
        if (!scanned.dssCrls.contains(crl))
            data.crls << crl;
    PdfSignatureDetails details;
    details.timestampAuthority = timestampAuthority;
    details.timestampTimeoutMs = sources.timeoutMs;
    try {
        return withDocumentTimestamp(withDss(pdf, data), details, error);
    } catch (const PoDoFo::PdfError &e) {
        *error = QString::fromUtf8(PoDoFo::PdfError::ErrorMessage(e.GetError()));
        return {};
    }
}

QByteArray sign(const QByteArray &pdf, const SigningIdentity &identity,
                const PdfSignatureDetails &details, QString *error) {
    PoDoFo::PdfError::EnableDebug(false);  // PoDoFo would print its trailers to stdout
    PoDoFo::PdfError::EnableLogging(false);
    try {
        QByteArray cms;
        QByteArray signedPdf = signedDocument(pdf, identity, details, &cms, error);
        if (signedPdf.isEmpty() || !details.validation || details.timestampAuthority.isEmpty())
            return signedPdf;
        return longTerm(signedPdf, cms, identity, details, error);
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
