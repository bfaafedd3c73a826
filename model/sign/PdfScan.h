#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// What a verifier needs to know of a PDF's structure, read by qpdf (a parser fuzzed for
// years on hostile files, with its own limits on nesting): every signature dictionary of
// the latest revision, where its /Contents value sits in the file, and where each object
// of the latest revision was written.
namespace PdfScan {
struct Signature {
    QString object;              // "38 0", or empty when the dictionary is not an object
    QString field;               // the signature field's name
    QString type;                // "/Sig" or "/DocTimeStamp"
    QString subFilter;           // e.g. "/adbe.pkcs7.detached"
    QList<qint64> byteRange;     // as written; empty when it is not an array of integers
    QByteArray contents;         // the /Contents value, decoded
    qint64 contentsOffset = -1;  // where the /Contents value starts in the file
    QString time;                // /M, as written
    // A certification signature's DocMDP permission (1: no changes), 0 when it is not one.
    int docMdpPermission = 0;
};

struct Object {
    QString object;       // "12 0"
    qint64 offset = -1;   // where it was written (its object stream's, for a compressed one)
    QString description;  // "page 1 content", "signature", "document information"...
};

struct Document {
    bool readable = false;
    QString problem;  // why not, when it is not readable
    QList<Signature> signatures;
    QList<Object> objects;
    QString recordSha256;  // the document information's DiscretionRecordSHA256
    QString auditHead;     // its DiscretionAuditHead (empty in PDFs made before it)
    // The Document Security Store (PAdES B-LT): certificates and CRLs (DER) for checking
    // the signatures offline, and how many OCSP responses it holds.
    QList<QByteArray> dssCertificates;
    QList<QByteArray> dssCrls;
    int dssOcspResponses = 0;
};

// Reads a PDF from memory. Never throws; a file qpdf has to repair, or one it warns
// about, is not readable: a signed disposition is written whole.
Document read(const QByteArray &bytes);
}  // namespace PdfScan
