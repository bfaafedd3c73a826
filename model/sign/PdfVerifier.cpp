#include "PdfVerifier.h"

#include "SigningIdentity.h"
#include "store/CaseStore.h"
#include "store/ReviewStore.h"

#include <podofo/podofo.h>
#include <QCoreApplication>
#include <QFile>

namespace PdfVerifier {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("PdfVerifier", text);
}

// The signature value dictionary (/V) of the last signature field of the document.
const PoDoFo::PdfDictionary *lastSignature(PoDoFo::PdfMemDocument &doc) {
    const PoDoFo::PdfDictionary *found = nullptr;
    for (PoDoFo::PdfObject *object : doc.GetObjects()) {
        if (!object->IsDictionary())
            continue;
        const PoDoFo::PdfDictionary &dict = object->GetDictionary();
        const PoDoFo::PdfObject *type = dict.GetKey(PoDoFo::PdfName("Type"));
        if (type && type->IsName() && type->GetName() == PoDoFo::PdfName("Sig") &&
            dict.HasKey(PoDoFo::PdfName("ByteRange")) && dict.HasKey(PoDoFo::PdfName("Contents")))
            found = &dict;
    }
    return found;
}

QString infoValue(PoDoFo::PdfMemDocument &doc, const char *key) {
    const PoDoFo::PdfObject *value =
        doc.GetInfo()->GetObject()->GetDictionary().GetKey(PoDoFo::PdfName(key));
    return value && value->IsString() ? QString::fromStdString(value->GetString().GetStringUtf8())
                                      : QString();
}

void check(const QString &path, const QByteArray &file, PdfVerification &out) {
    PoDoFo::PdfMemDocument doc;
    doc.LoadFromBuffer(file.constData(), long(file.size()));
    out.recordSha256 = infoValue(doc, "DiscretionRecordSHA256");
    const PoDoFo::PdfDictionary *sig = lastSignature(doc);
    if (!sig) {
        out.problem = tr("%1 has no digital signature").arg(path);
        return;
    }
    const PoDoFo::PdfArray &range = sig->GetKey(PoDoFo::PdfName("ByteRange"))->GetArray();
    if (range.size() != 4) {
        out.problem = tr("the signature's byte range is malformed");
        return;
    }
    const qint64 a = range[0].GetNumber(), b = range[1].GetNumber(), c = range[2].GetNumber(),
                 d = range[3].GetNumber();
    if (a != 0 || b < 0 || c < b || d < 0 || c + d > file.size()) {
        out.problem = tr("the signature's byte range does not fit the file");
        return;
    }
    out.coversWholeFile = c + d == file.size();
    const PoDoFo::PdfString &contents = sig->GetKey(PoDoFo::PdfName("Contents"))->GetString();
    const QByteArray cms(contents.GetString(), qsizetype(contents.GetLength()));
    if (const PoDoFo::PdfObject *m = sig->GetKey(PoDoFo::PdfName("M")); m && m->IsString())
        out.signingTime = QString::fromStdString(m->GetString().GetStringUtf8());
    const QByteArray signedData = file.mid(0, b) + file.mid(c, d);
    out.signatureValid = SigningIdentity::verifyCmsDetached(cms, signedData, &out.signerCertificate,
                                                            &out.signer, &out.problem);
    if (out.signatureValid && !out.coversWholeFile)
        out.problem =
            tr("the signature does not cover the whole file: something was appended after signing");
}
}  // namespace

PdfVerification verify(const QString &path) {
    PdfVerification out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out.problem = tr("cannot read %1: %2").arg(path, file.errorString());
        return out;
    }
    PoDoFo::PdfError::EnableDebug(false);
    PoDoFo::PdfError::EnableLogging(false);
    try {
        check(path, file.readAll(), out);
    } catch (const PoDoFo::PdfError &e) {
        out.problem =
            tr("%1 is not a readable PDF: %2")
                .arg(path, QString::fromUtf8(PoDoFo::PdfError::ErrorMessage(e.GetError())));
    }
    return out;
}
DocketMatch matchInDocket(const PdfVerification &verification, CaseStore &store) {
    const auto match = ReviewStore(store).signatureByRecord(verification.recordSha256);
    if (!match)
        return {false,
                {},
                tr("no signed review in %1 has the record hash %2")
                    .arg(store.path(), verification.recordSha256.isEmpty()
                                           ? tr("(none in the PDF)")
                                           : verification.recordSha256)};
    if (match->first.certificate != verification.signerCertificate)
        return {false, match->second,
                tr("the PDF was signed with another certificate than the review in the docket")};
    return {true, match->second, {}};
}
}  // namespace PdfVerifier
