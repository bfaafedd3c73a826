#include "PdfLaterRevisions.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <exception>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <set>

namespace PdfLaterRevisions {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("PdfLaterRevisions", text);
}

QString id(const QPDFObjGen &og) {
    return QStringLiteral("%1 %2").arg(og.getObj()).arg(og.getGen());
}

using Objects = std::set<QPDFObjGen>;

// Where each object was last written (its object stream's offset for a compressed one).
std::map<QPDFObjGen, qint64> offsets(QPDF &pdf) {
    const std::map<QPDFObjGen, QPDFXRefEntry> table = pdf.getXRefTable();
    std::map<QPDFObjGen, qint64> out;
    for (const auto &[og, entry] : table) {
        qint64 offset = -1;
        if (entry.getType() == 1)
            offset = entry.getOffset();
        else if (entry.getType() == 2) {
            const auto container = table.find(QPDFObjGen(entry.getObjStreamNumber(), 0));
            if (container != table.end() && container->second.getType() == 1)
                offset = container->second.getOffset();
        }
        out[og] = offset;
    }
    return out;
}

// Every indirect object reachable from value, not following the keys given (a widget's
// /P and /Parent lead back into the signed document).
void collect(QPDFObjectHandle value, Objects &into, const std::set<std::string> &skip = {}) {
    if (value.isIndirect()) {
        if (!into.insert(value.getObjGen()).second)
            return;
    }
    QPDFObjectHandle body = value.isStream() ? value.getDict() : value;
    if (body.isArray())
        for (const QPDFObjectHandle &item : body.getArrayAsVector())
            collect(item, into, skip);
    else if (body.isDictionary())
        for (const std::string &key : body.getKeys())
            if (!skip.count(key))
                collect(body.getKey(key), into, skip);
}

// Nothing a reader would paint: no appearance, and no area.
bool invisible(QPDFObjectHandle widget) {
    const std::vector<double> rect =
        widget.getKey("/Rect").isArray() && widget.getKey("/Rect").getArrayNItems() == 4
            ? std::vector<double>{widget.getKey("/Rect").getArrayItem(0).getNumericValue(),
                                  widget.getKey("/Rect").getArrayItem(1).getNumericValue(),
                                  widget.getKey("/Rect").getArrayItem(2).getNumericValue(),
                                  widget.getKey("/Rect").getArrayItem(3).getNumericValue()}
            : std::vector<double>{};
    return !rect.empty() && (rect[0] == rect[2] || rect[1] == rect[3]);
}

// Nothing but the keys given: no action, appearance, tooltip or kids can ride along.
bool onlyKeys(QPDFObjectHandle dict, const std::set<std::string> &allowed) {
    for (const std::string &key : dict.getKeys())
        if (!allowed.count(key))
            return false;
    return true;
}

bool isDocumentTimestampField(QPDFObjectHandle field) {
    QPDFObjectHandle value = field.isDictionary() ? field.getKey("/V") : QPDFObjectHandle();
    return field.isIndirect() && invisible(field) &&
           onlyKeys(field, {"/Type", "/Subtype", "/FT", "/T", "/V", "/F", "/P", "/Rect", "/M"}) &&
           value.isDictionary() &&
           onlyKeys(value, {"/Type", "/Filter", "/SubFilter", "/Contents", "/ByteRange", "/V"}) &&
           field.getKey("/FT").isName() && field.getKey("/FT").getName() == "/Sig" &&
           value.isDictionary() && value.getKey("/Type").isName() &&
           value.getKey("/Type").getName() == "/DocTimeStamp" &&
           value.getKey("/SubFilter").isName() &&
           value.getKey("/SubFilter").getName() == "/ETSI.RFC3161";
}

struct Revisions {
    QPDF &now;
    QPDF &then;
    const QHash<QString, QString> &names;
    Objects newFields;  // document timestamp fields the later revisions add
    Objects allowed;    // objects they may add: the DSS and those fields
};

// The array as it was plus only new document timestamp fields.
bool onlyAddsTimestampFields(QPDFObjectHandle before, QPDFObjectHandle after, const Revisions &r) {
    if (!before.isArray() || !after.isArray() || after.getArrayNItems() < before.getArrayNItems())
        return false;
    for (int i = 0; i < after.getArrayNItems(); ++i) {
        QPDFObjectHandle item = after.getArrayItem(i);
        const bool same =
            i < before.getArrayNItems() && item.unparse() == before.getArrayItem(i).unparse();
        if (!same && (i < before.getArrayNItems() || !item.isIndirect() ||
                      !r.newFields.count(item.getObjGen())))
            return false;
    }
    return true;
}

// A dictionary equal to the signed one but for the keys a later revision may touch.
bool sameBut(QPDFObjectHandle before, QPDFObjectHandle after, const std::string &free,
             const std::string &growing, const Revisions &r) {
    if (!before.isDictionary() || !after.isDictionary() || before.isStream() || after.isStream())
        return false;
    std::set<std::string> keys = before.getKeys();
    for (const std::string &key : after.getKeys())
        keys.insert(key);
    for (const std::string &key : keys) {
        if (key == free)
            continue;
        QPDFObjectHandle a = before.getKey(key), b = after.getKey(key);
        // A direct array may gain timestamp fields; an indirect one must stay the same
        // object (judged as an object of its own), never point at a new one.
        if (key == growing && !b.isIndirect() && onlyAddsTimestampFields(a, b, r))
            continue;
        if (a.unparse() != b.unparse())
            return false;
    }
    return true;
}

bool allowedChange(QPDFObjectHandle before, const QPDFObjectHandle &after, const Revisions &r) {
    if (before.isArray())
        return onlyAddsTimestampFields(before, after, r);
    const QPDFObjGen og = after.getObjGen();
    if (og == r.then.getRoot().getObjGen())
        return sameBut(before, after, "/DSS", "", r);
    if (og == r.then.getTrailer().getKey("/Info").getObjGen())
        return sameBut(before, after, "/ModDate", "", r);
    if (r.then.getRoot().getKey("/AcroForm").isIndirect() &&
        og == r.then.getRoot().getKey("/AcroForm").getObjGen())
        return sameBut(before, after, "", "/Fields", r);
    return before.isDictionary() && before.getKey("/Type").isName() &&
           before.getKey("/Type").getName() == "/Page" && sameBut(before, after, "", "/Annots", r);
}

QString describe(QPDFObjectHandle object, const QHash<QString, QString> &names) {
    if (QString name = names.value(id(object.getObjGen())); !name.isEmpty())
        return name;
    QPDFObjectHandle dict = object.isStream() ? object.getDict() : object;
    const std::string type = dict.isDictionary() && dict.getKey("/Type").isName()
                                 ? dict.getKey("/Type").getName()
                                 : std::string();
    return type.empty() ? (object.isStream() ? tr("a stream") : tr("an object"))
                        : QString::fromStdString(type.substr(1));
}

bool structural(QPDFObjectHandle object) {
    if (!object.isStream())
        return false;
    QPDFObjectHandle type = object.getDict().getKey("/Type");
    return type.isName() && (type.getName() == "/XRef" || type.getName() == "/ObjStm");
}

// An object of the signed revision that a later cross-reference section frees: a reader
// finds nothing there, and one that rebuilds the table (poppler) finds what the update hid.
void freed(Revisions &r, Findings &out) {
    const std::map<QPDFObjGen, QPDFXRefEntry> now = r.now.getXRefTable();
    for (const auto &[og, entry] : r.then.getXRefTable()) {
        const auto later = now.find(og);
        if (entry.getType() != 0 && (later == now.end() || later->second.getType() == 0))
            out.changes << tr("%1 (object %2) removed")
                               .arg(describe(r.then.getObjectByObjGen(og), r.names), id(og));
    }
}

// Every object written after the signed revision has generation 0, and no number is used
// under two generations: readers that go by number alone (poppler) would otherwise see
// another object than the one the verifier compares.
void generations(Revisions &r, const std::map<QPDFObjGen, qint64> &where, qint64 signedEnd,
                 Findings &out) {
    std::map<int, int> seen;
    for (const auto &[og, offset] : where) {
        if (++seen[og.getObj()] == 2)
            out.changes << tr("object number %1 is used under two generations").arg(og.getObj());
        if (offset >= signedEnd && og.getGen() != 0)
            out.changes << tr("object %1 written with generation %2 after signing")
                               .arg(og.getObj())
                               .arg(og.getGen());
    }
    for (const auto &[og, entry] : r.then.getXRefTable())
        if (entry.getType() != 0 && !where.count(og) && seen.count(og.getObj()))
            out.changes
                << tr("object number %1 is reused under another generation").arg(og.getObj());
}

void judgeObjects(Revisions &r, qint64 signedEnd, Findings &out) {
    freed(r, out);
    // The trailer must name the same catalog and document information.
    if (r.now.getRoot().getObjGen() != r.then.getRoot().getObjGen())
        out.changes << tr("the document catalog is another object");
    if (r.now.getTrailer().getKey("/Info").unparse() !=
        r.then.getTrailer().getKey("/Info").unparse())
        out.changes << tr("the document information is another object");
    const std::map<QPDFObjGen, qint64> where = offsets(r.now);
    generations(r, where, signedEnd, out);
    for (const auto &[og, offset] : where) {
        QPDFObjectHandle after = r.now.getObjectByObjGen(og);
        QPDFObjectHandle before = r.then.getObjectByObjGen(og);
        if (offset < signedEnd) {
            if (!before.isNull() && after.isNull())
                out.changes << tr("%1 (object %2) removed").arg(describe(before, r.names), id(og));
            continue;
        }
        if (structural(after) || (before.isNull() && r.allowed.count(og)))
            continue;
        if (before.isNull())
            out.changes << tr("%1 (object %2) added").arg(describe(after, r.names), id(og));
        else if (!allowedChange(before, after, r))
            out.changes << tr("%1 (object %2) replaced").arg(describe(before, r.names), id(og));
    }
}

int itemsIn(QPDFObjectHandle dss, const char *key) {
    return dss.getKey(key).isArray() ? dss.getKey(key).getArrayNItems() : 0;
}

QString counted(const char *text, int n) {
    return QCoreApplication::translate("PdfLaterRevisions", text, nullptr, n);
}

void listValidation(QPDF &pdf, const Revisions &r, Findings &out) {
    QPDFObjectHandle dss = pdf.getRoot().getKey("/DSS");
    if (dss.isDictionary()) {
        const QString certificates = counted(
            QT_TRANSLATE_N_NOOP("PdfLaterRevisions", "%n certificate(s)"), itemsIn(dss, "/Certs"));
        const QString crls =
            counted(QT_TRANSLATE_N_NOOP("PdfLaterRevisions", "%n CRL(s)"), itemsIn(dss, "/CRLs"));
        const QString ocsps =
            counted(QT_TRANSLATE_N_NOOP("PdfLaterRevisions", "%n OCSP response(s)"),
                    itemsIn(dss, "/OCSPs"));
        out.validation
            << tr("a Document Security Store (%1, %2, %3)").arg(certificates, crls, ocsps);
    }
    if (!r.newFields.empty())
        out.validation << counted(
            QT_TRANSLATE_N_NOOP("PdfLaterRevisions", "%n document timestamp(s)"),
            int(r.newFields.size()));
}

void examineIn(QPDF &now, QPDF &then, qint64 signedEnd, const QHash<QString, QString> &names,
               Findings &out) {
    Revisions r{now, then, names, {}, {}};
    collect(now.getRoot().getKey("/DSS"), r.allowed);
    Objects before;
    collect(then.getRoot().getKey("/AcroForm").getKey("/Fields"), before, {"/P", "/Parent", "/V"});
    QPDFObjectHandle fields = now.getRoot().getKey("/AcroForm").getKey("/Fields");
    for (int i = 0; fields.isArray() && i < fields.getArrayNItems(); ++i) {
        QPDFObjectHandle field = fields.getArrayItem(i);
        if (field.isIndirect() && !before.count(field.getObjGen()) &&
            isDocumentTimestampField(field)) {
            r.newFields.insert(field.getObjGen());
            collect(field, r.allowed, {"/P", "/Parent"});
        }
    }
    judgeObjects(r, signedEnd, out);
    listValidation(now, r, out);
    out.readable = true;
}
// Where the cross-reference sections of the revisions after the signed one put objects:
// each revision (up to each %%EOF) read on its own.
std::set<qint64> listedOffsets(const QByteArray &bytes, qint64 signedEnd) {
    std::set<qint64> out;
    for (qsizetype at = bytes.indexOf("%%EOF", signedEnd); at >= 0;
         at = bytes.indexOf("%%EOF", at + 5)) {
        try {
            QPDF revision;
            revision.setSuppressWarnings(true);
            revision.setAttemptRecovery(false);
            revision.processMemoryFile("a revision", bytes.constData(), size_t(at + 5));
            for (const auto &[og, offset] : offsets(revision))
                if (offset >= signedEnd)
                    out.insert(offset);
        } catch (const std::exception &) {
            continue;  // not a revision of its own: its objects stay unlisted
        }
    }
    return out;
}

// Every object written after the signed revision must be one a cross-reference section
// lists there: a reader that rebuilds a damaged table by scanning the file (poppler does)
// would otherwise take a definition that nothing lists for the signed one.
void unlistedObjects(const QByteArray &bytes, qint64 signedEnd, Findings &out) {
    const std::set<qint64> listed = listedOffsets(bytes, signedEnd);
    // Anywhere, not only at a line's start: poppler's scan reads lines in pieces and skips
    // leading blanks, so a header after spaces or mid-line counts for it too.
    static const QRegularExpression header(
        QStringLiteral(R"((?<![0-9])(\d+)[\s\x00]+(\d+)[\s\x00]+obj)"));
    const QString later = QString::fromLatin1(bytes.mid(signedEnd));  // one char a byte
    for (auto it = header.globalMatch(later); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const qint64 at = signedEnd + m.capturedStart(1);
        if (!listed.count(at))
            out.changes << tr("object %1 %2 written at byte %3, which no cross-reference table "
                              "lists")
                               .arg(m.captured(1), m.captured(2))
                               .arg(at);
    }
}
}  // namespace

Findings examine(const QByteArray &bytes, qint64 signedEnd, const QHash<QString, QString> &names) {
    Findings out;
    try {
        QPDF now, then;
        for (QPDF *pdf : {&now, &then}) {
            pdf->setSuppressWarnings(true);
            pdf->setAttemptRecovery(false);
        }
        now.processMemoryFile("the PDF", bytes.constData(), size_t(bytes.size()));
        then.processMemoryFile("the signed revision", bytes.constData(), size_t(signedEnd));
        examineIn(now, then, signedEnd, names, out);
        unlistedObjects(bytes, signedEnd, out);
        if (now.anyWarnings())
            out.changes << tr("the later revisions are damaged (%1)")
                               .arg(QString::fromStdString(
                                   now.getWarnings().front().getMessageDetail()));
    } catch (const std::exception &e) {
        out.changes
            << tr("the later revisions cannot be read (%1)").arg(QString::fromUtf8(e.what()));
    }
    return out;
}
}  // namespace PdfLaterRevisions
