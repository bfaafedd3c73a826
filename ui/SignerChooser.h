#pragma once

#include "sign/SigningIdentity.h"

#include <QWidget>
#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

// How the attorney signs, as the signing and export dialogs ask it: a certificate on a
// token present now (a PIV card, listed with subject, issuer and expiry) or a PKCS#12 file,
// then the PIN or the passphrase. The choice is remembered (Settings), never the secret.
class SignerChooser : public QWidget {
    Q_OBJECT
  public:
    // Adds its rows to form: "Sign with", the file row (for a file), the secret.
    SignerChooser(QFormLayout *form, QWidget *parent);

    // The identity chosen, unlocked with the secret typed; else nullopt with the reason.
    std::optional<SigningIdentity> load(QString *error) const;
    void remember() const;  // the choice, for next time
    bool usesToken() const;
    QLineEdit *secretEdit() const { return m_secret; }
    void setSigningEnabled(bool enabled);
    void setIdentityFile(const QString &path);
    // The dialog has a New Identity… button: the hint for a missing identity names it.
    void setNewIdentityOffered(bool offered) { m_newIdentityOffered = offered; }

  public Q_SLOTS:
    void refreshTokens();  // a card put in or taken out since the dialog opened

  private:
    void showChoice();
    void chooseFile();

    QComboBox *m_source;
    QPushButton *m_refresh;
    QLineEdit *m_file;
    QPushButton *m_browse;
    QWidget *m_fileRow;
    QLabel *m_fileLabel = nullptr;
    QLabel *m_secretLabel;
    QLineEdit *m_secret;
    QLabel *m_tokenNote;
    bool m_newIdentityOffered = false;
};
