#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

// The signers a user accepts, kept outside the docket (an attacker with the docket cannot
// add to it): PEM certificates in a file or a folder, either the attorneys' own
// certificates or the CA certificates that issue them. A signature's certificate is trusted
// when it is one of them or chains to one, and that chain held at the signing time.
// Set with --trust FILE|DIR, DISCRETION_TRUST, or in Settings.
class TrustStore {
  public:
    // Every certificate in the file, or in the *.pem, *.crt and *.cer files of the folder;
    // none found, or an unreadable file, is an error naming the file.
    static std::optional<TrustStore> load(const QString &fileOrFolder, QString *error);
    // From --trust, else DISCRETION_TRUST, else the given setting; nullopt with no error
    // when none is set.
    static std::optional<TrustStore> fromChoice(const QString &option, const QString &setting,
                                                QString *error);

    // Empty when the certificate is trusted at that time; otherwise why not.
    QString problem(const QByteArray &certificateDer, const QDateTime &at) const;
    const QString &source() const { return m_source; }
    qsizetype size() const { return m_pem.size(); }

  private:
    QString m_source;
    QList<QByteArray> m_pem;  // one certificate each
};
