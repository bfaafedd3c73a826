#include "SignerChooser.h"

#include "FileDialog.h"
#include "Settings.h"
#include "sign/Pkcs11Token.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

namespace {
// "CN=Test Agency Root CA,O=Test Agency" → "Test Agency Root CA"
QString commonName(const QString &subject) {
    for (const QString &part : subject.split(u','))
        if (part.trimmed().startsWith(u"CN="))
            return part.trimmed().mid(3);
    return subject;
}
}  // namespace

SignerChooser::SignerChooser(QFormLayout *form, QWidget *parent)
    : QWidget(parent),
      m_source(new QComboBox(parent)),
      m_refresh(new QPushButton(tr("&Look for cards"), parent)),
      m_file(new QLineEdit(Settings::identityFile(), parent)),
      m_browse(new QPushButton(tr("&Browse…"), parent)),
      m_fileRow(new QWidget(parent)),
      m_secretLabel(new QLabel(parent)),
      m_secret(new QLineEdit(parent)),
      m_tokenNote(new QLabel(parent)) {
    hide();  // it only owns the rows it adds to the form
    m_source->setObjectName(QStringLiteral("signerCombo"));
    m_source->setAccessibleName(tr("Sign with"));
    m_refresh->setObjectName(QStringLiteral("refreshTokensButton"));
    m_refresh->setAutoDefault(false);
    m_refresh->setToolTip(tr("List the cards and tokens present again"));
    m_file->setObjectName(QStringLiteral("identityEdit"));
    m_file->setAccessibleName(tr("Signing identity file"));
    m_browse->setAutoDefault(false);
    m_secret->setObjectName(QStringLiteral("passphraseEdit"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secretLabel->setBuddy(m_secret);
    m_tokenNote->setObjectName(QStringLiteral("tokenNote"));
    m_tokenNote->setWordWrap(true);
    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_source, 1);
    sourceRow->addWidget(m_refresh);
    auto *fileRow = new QHBoxLayout(m_fileRow);
    fileRow->setContentsMargins(0, 0, 0, 0);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);
    auto *sourceLabel = new QLabel(tr("Sign &with:"), parent);
    sourceLabel->setBuddy(m_source);
    m_fileLabel = new QLabel(tr("Identity &file:"), parent);
    m_fileLabel->setBuddy(m_file);
    form->addRow(sourceLabel, sourceRow);
    form->addRow(QString(), m_tokenNote);
    form->addRow(m_fileLabel, m_fileRow);
    form->addRow(m_secretLabel, m_secret);
    connect(m_browse, &QPushButton::clicked, this, &SignerChooser::chooseFile);
    connect(m_refresh, &QPushButton::clicked, this, &SignerChooser::refreshTokens);
    connect(m_source, &QComboBox::currentIndexChanged, this, &SignerChooser::showChoice);
    refreshTokens();
}

void SignerChooser::refreshTokens() {
    const QString current =
        m_source->count() > 0 ? m_source->currentData().toString() : Settings::signingToken();
    m_source->clear();
    m_source->addItem(tr("A signing identity file (PKCS#12)"), QStringLiteral("file"));
    QString error;
    const QList<Pkcs11Token::Certificate> found =
        Pkcs11Token::certificates(Settings::preferences().pkcs11Module, &error);
    for (const Pkcs11Token::Certificate &c : found) {
        m_source->addItem(tr("%1 on %2 (issued by %3, expires %4)")
                              .arg(commonName(c.subject), c.tokenLabel, commonName(c.issuer),
                                   QLocale().toString(c.notAfter.date(), QLocale::ShortFormat)),
                          c.uri);
        m_source->setItemData(m_source->count() - 1, QString(c.subject + u'\n' + c.uri),
                              Qt::ToolTipRole);
    }
    // What was chosen last; a card when nothing was (Settings keep "file" for a file).
    const int remembered = m_source->findData(current);
    m_source->setCurrentIndex(remembered >= 0                              ? remembered
                              : current.isEmpty() && m_source->count() > 1 ? 1
                                                                           : 0);
    m_tokenNote->setText(!error.isEmpty()  ? tr("Cards cannot be read: %1").arg(error)
                         : found.isEmpty() ? tr("No card or token with a certificate is present.")
                                           : tr("%n certificate(s) on cards or tokens.", nullptr,
                                                int(found.size())));
    showChoice();
}

void SignerChooser::showChoice() {
    const bool token = usesToken();
    m_fileRow->setVisible(!token);
    m_fileLabel->setVisible(!token);
    m_secretLabel->setText(token ? tr("&PIN:") : tr("&Passphrase:"));
    m_secret->setAccessibleName(token ? tr("PIN") : tr("Passphrase"));
    m_secret->clear();
}

bool SignerChooser::usesToken() const {
    return m_source->currentData().toString().startsWith(u"pkcs11:");
}

void SignerChooser::setSigningEnabled(bool enabled) {
    for (QWidget *w : {static_cast<QWidget *>(m_source), static_cast<QWidget *>(m_refresh),
                       static_cast<QWidget *>(m_file), static_cast<QWidget *>(m_browse),
                       static_cast<QWidget *>(m_secret)})
        w->setEnabled(enabled);
}

void SignerChooser::setIdentityFile(const QString &path) {
    m_source->setCurrentIndex(0);
    m_file->setText(path);
}

void SignerChooser::chooseFile() {
    const QString path = FileDialog::openFile(parentWidget(), tr("Signing Identity"),
                                              QFileInfo(m_file->text()).absolutePath(),
                                              tr("PKCS#12 (*.p12 *.pfx);;All files (*)"));
    if (!path.isEmpty())
        m_file->setText(path);
}

std::optional<SigningIdentity> SignerChooser::load(QString *error) const {
    const QByteArray secret = m_secret->text().toUtf8();
    if (!usesToken() && m_file->text().trimmed().isEmpty()) {
        *error = m_newIdentityOffered
                     ? tr("Choose how to sign: a card under Sign with, or a signing identity "
                          "file (Browse…, or New Identity… to make a practice one).")
                     : tr("Choose how to sign: a card under Sign with, or a signing identity "
                          "file (Browse…; Signing › Sign Review… › New Identity… makes a "
                          "practice one).");
        return std::nullopt;
    }
    if (usesToken())
        return SigningIdentity::fromToken(m_source->currentData().toString(), secret,
                                          Settings::preferences().pkcs11Module, error);
    return SigningIdentity::load(m_file->text(), secret, error);
}

void SignerChooser::remember() const {
    Settings::setSigningToken(usesToken() ? m_source->currentData().toString()
                                          : QStringLiteral("file"));
    if (!usesToken())
        Settings::setIdentityFile(m_file->text());
}
