#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;

// Makes the attorney's signing identity inside the program: the profile (put in the
// certificate's subject and shown in every signature block), a new key (ECDSA P-256 or
// RSA 3072) with a self-signed certificate, saved as PKCS#12 encrypted with a passphrase
// typed twice, mode 0600, in the user's data folder unless another file is chosen.
class IdentityDialog : public QDialog {
    Q_OBJECT
  public:
    explicit IdentityDialog(QWidget *parent = nullptr);

    // Where a new identity goes by default: <data folder>/signing-identity.p12.
    static QString defaultPath();
    bool create();  // checks the fields; true when the file is written
    QString savedPath() const { return m_savedPath; }

  private:
    QString problem() const;  // the first field that is not right, said plainly

    QLineEdit *m_name;
    QLineEdit *m_title;
    QLineEdit *m_office;
    QLineEdit *m_barNumber;
    QLineEdit *m_barState;
    QLineEdit *m_email;
    QComboBox *m_keyType;
    QLineEdit *m_path;
    QLineEdit *m_passphrase;
    QLineEdit *m_repeat;
    QString m_savedPath;
};
