#pragma once

#include <QByteArray>
#include <QHash>
#include <QStringList>

// What the revisions after a certification signature may add under PAdES (ETSI EN 319
// 142-1, 5.4; ISO 32000-2 12.8.2.2): validation data (a Document Security Store) and
// document timestamps, nothing else. Everything the later bytes write is compared with the
// signed revision, object by object (qpdf):
// - the catalog may gain or change only /DSS; the document information only /ModDate;
// - the form's /Fields and a page's /Annots may only gain document timestamp fields
//   (a /Sig field whose value is a /DocTimeStamp with SubFilter ETSI.RFC3161);
// - a new object must belong to the DSS or to such a field; a cross-reference or object
//   stream is allowed; any other object added, replaced or freed is a change.
namespace PdfLaterRevisions {
struct Findings {
    bool readable = false;
    QStringList changes;     // what is not validation data or a document timestamp
    QStringList validation;  // "a Document Security Store (3 certificates, 1 CRL)", ...
};
// names: what to call an object ("12 0" → "page 1 content") when it is changed.
Findings examine(const QByteArray &bytes, qint64 signedEnd,
                 const QHash<QString, QString> &names = {});
}  // namespace PdfLaterRevisions
