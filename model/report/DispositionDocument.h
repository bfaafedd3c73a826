#pragma once

#include "domain/Case.h"
#include "policy/PolicyPack.h"
#include "review/Review.h"
#include "sign/PdfSigner.h"
#include "sign/SigningIdentity.h"
#include "store/ReviewStore.h"

#include <QPageSize>
#include <QUrl>

class CaseStore;
#include <optional>

// How a disposition PDF is written: the page size and whether it is PDF/A-1b (the
// archival form, on by default; off gives a plain PDF 1.6 for systems that refuse PDF/A).
struct PdfFormat {
    QPageSize pageSize{QPageSize::Letter};
    bool pdfA = true;
    // When set, a digitally signed PDF is also timestamped there (PAdES B-T).
    QUrl timestampAuthority = {};
    // With a timestamp: the chains and CRLs embedded (B-LT), under a document timestamp
    // when archiveTimestamp (B-LTA). See PdfSignatureDetails.
    std::optional<ValidationSources> validation = {};
    bool archiveTimestamp = false;
};

// The disposition as a document an attorney puts in the file: caption, the policy
// applied, the determinations with the facts behind them, the factors, representation,
// what the policy says, the disposition and reasons, the signature block and the record
// hash. Rendered to PDF/A-1b with embedded fonts through QTextDocument and QPdfWriter.
// Needs a QGuiApplication (fonts).
class DispositionDocument {
  public:
    struct Input {
        Case theCase;  // as the review recorded it (the live case for older records)
        QString courtName;
        Review review;
        PolicyPack pack;
        std::optional<ReviewSignature> signature;
        SignerProfile signer;  // for the signature block
        // What the live case now says differently from the record (CaseSnapshot), for the
        // person exporting or verifying; the document itself prints the record.
        QStringList liveCaseDiffers = {};
        // Set when the docket's copy of the signed record no longer holds (changed after
        // signing, signature not verifying): such a record is never exported as signed.
        QString recordProblem = {};
    };

    // Everything about a case's latest review that the document shows; none without a review.
    static std::optional<Input> forCase(CaseStore &store, qint64 caseId);
    static QString html(const Input &input);
    // What the PDF's digital signature says (reason, location, record hash, audit head): one
    // place for the signing dialog, the batch export and the command line.
    static PdfSignatureDetails signatureDetails(const Input &input);
    static QByteArray render(const Input &input, const PdfFormat &format);
    // Writes through QSaveFile, mode 0600: never a truncated file.
    static bool write(const Input &input, const PdfFormat &format, const QString &path,
                      QString *error);
};
