#pragma once

#include "io/ImportReport.h"

#include <QDialog>

struct CsvPreview;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTableWidget;

// Import of a CSV or JSON Lines docket: a preview of the first rows with the column
// mapping and, for CSV, the cells the import would reject marked red with the reason, the
// choice for A-numbers already in the docket, then the import on a
// worker thread behind a progress dialog whose Cancel rolls everything back, then a
// summary with every rejected row.
class ImportDialog : public QDialog {
    Q_OBJECT
  public:
    enum class Format { Csv, JsonLines };

    ImportDialog(const QString &docketPath, const QString &file, Format format,
                 QWidget *parent = nullptr);

    void setDuplicatePolicy(DuplicatePolicy policy);
    // Runs the import (progress dialog shown while it works); returns its report.
    ImportReport runImport();
    const ImportReport &report() const { return m_report; }
    bool hasRun() const { return m_ran; }  // an import was started (and ended)
    static QString summary(const ImportReport &report);

  private:
    void showCsvPreview();
    int markRejected(const CsvPreview &preview);  // returns how many rows will be rejected
    void showJsonPreview();
    void showReport();

    QString m_docketPath;
    QString m_file;
    Format m_format;
    ImportReport m_report;
    bool m_ran = false;
    QTableWidget *m_preview;
    QComboBox *m_duplicates;
    QLabel *m_info;
    QPlainTextEdit *m_rejected;
};
