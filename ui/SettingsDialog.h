#pragma once

#include "Settings.h"

#include <QDialog>

class CaseStore;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLineEdit;

// File ▸ Settings: the attorney's preferences (Settings::Preferences), each with its
// default until changed. OK saves them all at once; Cancel changes nothing.
class SettingsDialog : public QDialog {
    Q_OBJECT
  public:
    // store: for the policy packs it offers (those of the open docket); may be null.
    explicit SettingsDialog(CaseStore *store, QWidget *parent = nullptr);

    Settings::Preferences chosen() const;
    void accept() override;

  private:
    void showPreferences(const Settings::Preferences &p);
    void chooseFolder();
    // A row of form: the label (its & the edit's shortcut), the edit, and Browse… for a file.
    void addFileRow(QFormLayout *form, const QString &label, QLineEdit *edit,
                    const QString &buttonName, const QString &filter);
    bool caCertificatesUsable();

    QLineEdit *m_profile;
    QComboBox *m_policy;
    QLineEdit *m_folder;
    QComboBox *m_pageSize;
    QCheckBox *m_pdfA;
    QLineEdit *m_trust;
    QLineEdit *m_tsa;
    QLineEdit *m_module;
    QLineEdit *m_ca;
};
