#pragma once

#include "DispositionDocument.h"

#include <functional>

// Writes many disposition PDFs at once on every core (QtConcurrent): each one rendered
// and, when an identity is given, digitally signed in memory, then written once through
// QSaveFile, so a cancelled or killed export leaves only whole files.
namespace BatchExport {
struct Item {
    DispositionDocument::Input input;
    QString path;
};

// What an export of some cases will do: the PDFs to write, and the cases left out.
struct Plan {
    QList<Item> items;
    int notSigned = 0;      // no review, or the latest review is not signed
    int otherIdentity = 0;  // signed by another identity than the one signing the PDFs
    QStringList broken;     // "A204-555-101: why", signed records that no longer hold
    // A-numbers (display form) of planned cases whose live facts now differ from their
    // signed record: the PDFs print the record, and the person exporting is told.
    QStringList changedSinceSigning;
};
// The name every export gives a disposition: disposition-A<nine digits>-v<version>.pdf.
QString fileName(const DispositionDocument::Input &input);

// The one way every export writes a disposition (the signing dialog, Export Signed PDFs,
// export-pdf): rendered, digitally signed when an identity is given, and written once
// through QSaveFile, so a failure leaves an earlier file at path as it was. The identity
// must be the one that signed the record. Returns the problem, or an empty string.
QString exportOne(const Item &item, const PdfFormat &format, const SigningIdentity *identity);

// One PDF per case whose latest review is signed, named by fileName() in folder. A PDF is
// signed only by the identity that signed its record.
Plan plan(CaseStore &store, const QList<qint64> &caseIds, const QString &folder,
          const SigningIdentity *identity);

// The first few of plan.changedSinceSigning, "A…, A… and 12 more"; empty when none.
QString changedSinceSigningText(const Plan &plan);

struct Result {
    int written = 0;
    bool cancelled = false;
    QStringList failures;      // "path: reason"
    QStringList writtenPaths;  // in no particular order
};
// progress(done, total) runs on the calling thread; returning false cancels what has not
// started (what is under way finishes, whole).
Result run(const QList<Item> &items, const PdfFormat &format, const SigningIdentity *identity,
           const std::function<bool(int, int)> &progress = {});

// Records each written PDF in the docket's audit log (action pdf.export, one transaction).
bool recordInAudit(CaseStore &store, const QList<Item> &items, const QStringList &writtenPaths,
                   bool digitallySigned, QString *error);
}  // namespace BatchExport
