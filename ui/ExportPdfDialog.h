#pragma once

#include "report/BatchExport.h"

#include <QDialog>
#include <atomic>

class CaseStore;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class SignerChooser;
class QProgressBar;
class QPushButton;
class QThread;

// Exports the dispositions of the chosen cases whose latest review is signed, as PDF/A
// files in a folder, optionally digitally signed with the attorney's identity. The work
// runs on every core while the dialog shows progress; Cancel stops what has not started
// and leaves only whole files behind.
class ExportPdfDialog : public QDialog {
    Q_OBJECT
  public:
    // caseIds: the chosen cases, or only those of them with a signed review when they were
    // many (a whole list selected); chosen: how many were chosen.
    ExportPdfDialog(CaseStore &store, const QList<qint64> &caseIds, QWidget *parent = nullptr,
                    qint64 chosen = -1);
    ~ExportPdfDialog() override;
    // What the dialog says it will do with `chosen` cases, `signedCount` of them signed.
    static QString summaryText(int chosen, int signedCount);

    bool start();  // checks the choices, then exports in the background; false if refused
    void cancel();
    bool isRunning() const { return m_worker != nullptr; }
    const BatchExport::Result &result() const { return m_result; }

  Q_SIGNALS:
    void finished();

  protected:
    void reject() override;  // Esc / Close: cancels a running export first

  private:
    void chooseFolder();
    std::optional<SigningIdentity> identity(bool *ok);
    void showProgress(int done, int total);
    QString pinNote(int signatures) const;
    void finish(const BatchExport::Result &result, const BatchExport::Plan &plan);

    CaseStore &m_store;
    QList<qint64> m_caseIds;
    QLabel *m_summary;
    QLineEdit *m_folder;
    QCheckBox *m_signPdfs;
    SignerChooser *m_chooser = nullptr;
    QComboBox *m_pageSize;
    QProgressBar *m_progress;
    QLabel *m_outcome;
    QPushButton *m_export;
    QPushButton *m_close;
    QThread *m_worker = nullptr;
    std::atomic<bool> m_cancelled{false};
    QString m_level;  // the PAdES level being written, for the outcome
    std::optional<SigningIdentity> m_signer;
    BatchExport::Result m_result;
};
