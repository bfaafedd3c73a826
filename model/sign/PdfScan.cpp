#include "PdfScan.h"

#include <QCoreApplication>
#include <QHash>
#include <exception>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFAcroFormDocumentHelper.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

namespace PdfScan {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("PdfScan", text);
}

QString id(const QPDFObjGen &og) {
    return QStringLiteral("%1 %2").arg(og.getObj()).arg(og.getGen());
}

QString text(QPDFObjectHandle value) {
    if (value.isName())
        return QString::fromStdString(value.getName());
    if (value.isString())
        return QString::fromStdString(value.getUTF8Value());
    return {};
}

// Integers only, or nothing: a range of reals or references is malformed.
QList<qint64> integers(QPDFObjectHandle array) {
    QList<qint64> out;
    if (!array.isArray())
        return out;
    for (QPDFObjectHandle item : array.getArrayAsVector()) {
        if (!item.isInteger())
            return {};
        out << item.getIntValue();
    }
    return out;
}

bool isSignatureDictionary(QPDFObjectHandle dict) {
    return dict.isDictionary() && (dict.hasKey("/ByteRange") || dict.hasKey("/Contents")) &&
           (text(dict.getKey("/Type")) == u"/Sig" ||
            text(dict.getKey("/Type")) == u"/DocTimeStamp" || dict.hasKey("/ByteRange"));
}

// The P of a DocMDP transform in a signature's /Reference (ISO 32000-1 12.8.2.2): 1, 2 or
// 3 (2 when P is missing), 0 when it is not a certification signature.
int docMdpPermission(QPDFObjectHandle references) {
    if (!references.isArray())
        return 0;
    for (QPDFObjectHandle reference : references.getArrayAsVector()) {
        if (!reference.isDictionary() || text(reference.getKey("/TransformMethod")) != u"/DocMDP")
            continue;
        QPDFObjectHandle p = reference.getKey("/TransformParams").isDictionary()
                                 ? reference.getKey("/TransformParams").getKey("/P")
                                 : QPDFObjectHandle::newNull();
        return p.isInteger() && p.getIntValue() >= 1 && p.getIntValue() <= 3 ? int(p.getIntValue())
                                                                             : 2;
    }
    return 0;
}

Signature signatureOf(QPDFObjectHandle dict, const QString &field) {
    Signature s;
    s.object = dict.isIndirect() ? id(dict.getObjGen()) : QString();
    s.field = field;
    s.type = text(dict.getKey("/Type"));
    s.subFilter = text(dict.getKey("/SubFilter"));
    s.byteRange = integers(dict.getKey("/ByteRange"));
    QPDFObjectHandle contents = dict.getKey("/Contents");
    if (contents.isString()) {
        const std::string bytes = contents.getStringValue();
        s.contents = QByteArray(bytes.data(), qsizetype(bytes.size()));
        s.contentsOffset = contents.getParsedOffset();
    }
    s.time = text(dict.getKey("/M"));
    s.docMdpPermission = docMdpPermission(dict.getKey("/Reference"));
    return s;
}

// Signature dictionaries: the values of signature fields, and any object that looks like
// one (a signature need not be reachable from the form to be worth naming).
QList<Signature> signatures(QPDF &pdf) {
    QList<Signature> out;
    QHash<QString, QString> fieldOf;
    QPDFAcroFormDocumentHelper form(pdf);
    for (QPDFFormFieldObjectHelper field : form.getFormFields()) {
        QPDFObjectHandle value = field.getValue();
        if (field.getFieldType() != "/Sig" || !value.isDictionary())
            continue;
        const QString name = QString::fromStdString(field.getFullyQualifiedName());
        if (value.isIndirect())
            fieldOf.insert(id(value.getObjGen()), name);
        else
            out << signatureOf(value, name);  // direct: named, and refused by the verifier
    }
    for (const QPDFObjectHandle &object : pdf.getAllObjects())
        if (isSignatureDictionary(object))
            out << signatureOf(object, fieldOf.value(id(object.getObjGen())));
    return out;
}

QString describe(QPDFObjectHandle object, const QHash<QString, QString> &known) {
    const QString key = id(object.getObjGen());
    if (known.contains(key))
        return known.value(key);
    QPDFObjectHandle dict = object.isStream() ? object.getDict() : object;
    const QString type = dict.isDictionary() ? text(dict.getKey("/Type")) : QString();
    if (type == u"/Sig")
        return tr("signature");
    if (type == u"/Annot")
        return tr("annotation or form field");
    if (!type.isEmpty())
        return type.mid(1);
    return object.isStream() ? tr("stream") : tr("object");
}

// Names for the objects a reader cares about most when they change.
QHash<QString, QString> wellKnown(QPDF &pdf) {
    QHash<QString, QString> known;
    QPDFObjectHandle trailer = pdf.getTrailer();
    if (trailer.getKey("/Info").isIndirect())
        known.insert(id(trailer.getKey("/Info").getObjGen()), tr("document information"));
    if (trailer.getKey("/Root").isIndirect())
        known.insert(id(trailer.getKey("/Root").getObjGen()), tr("document catalog"));
    int number = 0;
    for (QPDFPageObjectHelper page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        ++number;
        QPDFObjectHandle object = page.getObjectHandle();
        known.insert(id(object.getObjGen()), tr("page %1").arg(number));
        QPDFObjectHandle contents = object.getKey("/Contents");
        const auto list = contents.isArray() ? contents.getArrayAsVector()
                                             : std::vector<QPDFObjectHandle>{contents};
        for (const QPDFObjectHandle &stream : list)
            if (stream.isIndirect())
                known.insert(id(stream.getObjGen()), tr("page %1 content").arg(number));
    }
    return known;
}

QList<Object> objects(QPDF &pdf) {
    const QHash<QString, QString> known = wellKnown(pdf);
    const std::map<QPDFObjGen, QPDFXRefEntry> table = pdf.getXRefTable();
    QList<Object> out;
    for (const auto &[og, entry] : table) {
        qint64 offset = -1;
        if (entry.getType() == 1)
            offset = entry.getOffset();
        else if (entry.getType() == 2) {
            const auto container = table.find(QPDFObjGen(entry.getObjStreamNumber(), 0));
            offset = container != table.end() && container->second.getType() == 1
                         ? container->second.getOffset()
                         : -1;
        }
        out.append({id(og), offset, describe(pdf.getObjectByObjGen(og), known)});
    }
    return out;
}

// The decoded streams of a DSS array (/Certs, /CRLs, /OCSPs); what is not a stream is skipped.
QList<QByteArray> streamsIn(QPDFObjectHandle array) {
    QList<QByteArray> out;
    if (!array.isArray())
        return out;
    for (QPDFObjectHandle item : array.getArrayAsVector()) {
        if (!item.isStream())
            continue;
        const std::shared_ptr<Buffer> data = item.getStreamData(qpdf_dl_generalized);
        out << QByteArray(reinterpret_cast<const char *>(data->getBuffer()),
                          qsizetype(data->getSize()));
    }
    return out;
}

void readDss(QPDF &pdf, Document &out) {
    QPDFObjectHandle dss = pdf.getRoot().getKey("/DSS");
    if (!dss.isDictionary())
        return;
    out.dssCertificates = streamsIn(dss.getKey("/Certs"));
    out.dssCrls = streamsIn(dss.getKey("/CRLs"));
    out.dssOcspResponses = int(streamsIn(dss.getKey("/OCSPs")).size());
}

void scan(QPDF &pdf, const QByteArray &bytes, Document &out) {
    pdf.setSuppressWarnings(true);
    pdf.setAttemptRecovery(false);
    pdf.processMemoryFile("the PDF", bytes.constData(), size_t(bytes.size()));
    out.signatures = signatures(pdf);
    out.objects = objects(pdf);
    out.recordSha256 = text(pdf.getTrailer().getKey("/Info").getKey("/DiscretionRecordSHA256"));
    out.auditHead = text(pdf.getTrailer().getKey("/Info").getKey("/DiscretionAuditHead"));
    readDss(pdf, out);
    if (pdf.anyWarnings()) {
        const std::vector<QPDFExc> warnings = pdf.getWarnings();
        out.problem = tr("the PDF is damaged (%1)")
                          .arg(QString::fromStdString(warnings.front().getMessageDetail()));
        return;
    }
    out.readable = true;
}
}  // namespace

Document read(const QByteArray &bytes) {
    Document out;
    try {
        QPDF pdf;
        scan(pdf, bytes, out);
    } catch (const QPDFExc &e) {
        out.problem = tr("it is not a readable PDF (%1)")
                          .arg(QString::fromStdString(e.getMessageDetail()).trimmed());
    } catch (const std::bad_alloc &) {
        out.problem = tr("it is not a readable PDF (it needs more memory than a disposition)");
    } catch (const std::exception &e) {
        out.problem = tr("it is not a readable PDF (%1)").arg(QString::fromUtf8(e.what()));
    }
    if (!out.readable && out.problem.endsWith(u"()"))
        out.problem.chop(3);
    if (!out.readable) {
        out.signatures.clear();
        out.objects.clear();
    }
    return out;
}
}  // namespace PdfScan
