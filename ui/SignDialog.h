#pragma once

#include "report/DispositionDocument.h"

#include <QDialog>

class CaseStore;
class QBuffer;
class QPrinter;
class SignerChooser;
class QPdfDocument;
class QPdfView;
class QPushButton;

// Signs a case's ready review: shows exactly what will be signed (the disposition as it
// will read, with the record's hash), takes the token certificate and its PIN or the
// identity file and its passphrase (SignerChooser), signs the record, then saves the
// disposition PDF with its digital signature (timestamped when Settings name an authority).
class SignDialog : public QDialog {
    Q_OBJECT
  public:
    SignDialog(CaseStore &store, qint64 caseId, QWidget *parent = nullptr);

    bool canSign() const { return m_ready; }
    bool sign();     // the record; true when stored
    bool savePdf();  // asks where; true when written and signed
    QPdfDocument *previewDocument() const { return m_document; }
    // Prints the disposition as previewed; the Print button asks for a printer first.
    bool print(QPrinter &printer);

  private:
    std::optional<SigningIdentity> loadIdentity();
    void showPreview();  // renders the disposition as it will be signed, in the dialog

    CaseStore &m_store;
    qint64 m_caseId;
    DispositionDocument::Input m_input;
    bool m_ready = false;
    QBuffer *m_pdfBytes;
    QPdfDocument *m_document;
    QPdfView *m_preview;
    SignerChooser *m_signer = nullptr;
    QPushButton *m_sign;
    QPushButton *m_save;
    QPushButton *m_print;
};
