#include "IdentityDialog.h"

#include "MessageBox.h"
#include "Settings.h"
#include "files/PrivateFile.h"
#include "sign/SigningIdentity.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace {
QLineEdit *field(QWidget *parent, const QString &objectName, const QString &accessibleName) {
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    return edit;
}

constexpr int kValidityDays = 730;  // two years, then a new identity
}  // namespace

IdentityDialog::IdentityDialog(QWidget *parent)
    : QDialog(parent),
      m_name(field(this, QStringLiteral("nameEdit"), tr("Full name"))),
      m_title(field(this, QStringLiteral("titleEdit"), tr("Title"))),
      m_office(field(this, QStringLiteral("officeEdit"), tr("Office"))),
      m_barNumber(field(this, QStringLiteral("barNumberEdit"), tr("Bar number"))),
      m_barState(field(this, QStringLiteral("barStateEdit"), tr("Bar state"))),
      m_email(field(this, QStringLiteral("emailEdit"), tr("Email"))),
      m_keyType(new QComboBox(this)),
      m_path(field(this, QStringLiteral("identityPathEdit"), tr("Identity file"))),
      m_passphrase(field(this, QStringLiteral("passphraseEdit"), tr("Passphrase"))),
      m_repeat(field(this, QStringLiteral("repeatEdit"), tr("Passphrase again"))) {
    setObjectName(QStringLiteral("identityDialog"));
    setWindowTitle(tr("New Signing Identity"));
    m_keyType->setObjectName(QStringLiteral("keyType"));
    m_keyType->addItem(tr("ECDSA P-256 (recommended)"), int(SigningIdentity::KeyType::EcP256));
    m_keyType->addItem(tr("RSA 3072"), int(SigningIdentity::KeyType::Rsa3072));
    m_path->setText(defaultPath());
    m_barState->setMaxLength(2);
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_repeat->setEchoMode(QLineEdit::Password);

    auto *explain = new QLabel(
        tr("Your name, title, office and bar number go into the certificate and appear in the "
           "signature block of every disposition you sign. The key is kept only in this file, "
           "encrypted with your passphrase, which is never stored: without it nobody, you "
           "included, can sign with this identity.\n\nThis is a practice identity: its "
           "certificate is vouched for by nobody but you, so anyone else who checks your PDFs "
           "sees \"signer not trusted\". For dispositions others rely on, sign with your PIV "
           "card or a PKCS#12 file your agency issued."),
        this);
    explain->setObjectName(QStringLiteral("identityExplanation"));
    explain->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Full &name:"), m_name);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Office:"), m_office);
    form->addRow(tr("&Bar number:"), m_barNumber);
    form->addRow(tr("Bar &state:"), m_barState);
    form->addRow(tr("&Email:"), m_email);
    form->addRow(tr("&Key:"), m_keyType);
    form->addRow(tr("Save &as:"), m_path);
    form->addRow(tr("&Passphrase:"), m_passphrase);
    form->addRow(tr("&Repeat passphrase:"), m_repeat);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *create = buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
    create->setObjectName(QStringLiteral("createButton"));
    create->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (this->create())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explain);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

QString IdentityDialog::defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/signing-identity.p12");
}

QString IdentityDialog::problem() const {
    if (m_name->text().trimmed().isEmpty())
        return tr("Full name is empty: it is the name every signature block shows.");
    if (m_path->text().trimmed().isEmpty())
        return tr("Save as is empty: choose where the identity file goes.");
    if (QFileInfo::exists(m_path->text().trimmed()))
        return tr("%1 already exists; it is not replaced. Choose another file name.")
            .arg(m_path->text().trimmed());
    if (m_passphrase->text() != m_repeat->text())
        return tr("The two passphrases differ.");
    return {};
}

bool IdentityDialog::create() {
    QString error = problem();
    const QString path = m_path->text().trimmed();
    const SignerProfile profile{m_name->text().trimmed(),     m_title->text().trimmed(),
                                m_office->text().trimmed(),   m_barNumber->text().trimmed(),
                                m_barState->text().trimmed(), m_email->text().trimmed()};
    std::optional<SigningIdentity> identity;
    if (error.isEmpty()) {
        QApplication::setOverrideCursor(Qt::WaitCursor);  // RSA keys take a moment
        identity = SigningIdentity::generate(
            profile, SigningIdentity::KeyType(m_keyType->currentData().toInt()), kValidityDays,
            &error);
        QApplication::restoreOverrideCursor();
    }
    if (identity)
        PrivateFile::makeFolders(QFileInfo(path).absolutePath(), &error);
    if (!error.isEmpty() || !identity->save(path, m_passphrase->text().toUtf8(), &error)) {
        MessageBox::warning(this, tr("Identity not created"), error);
        return false;
    }
    m_savedPath = path;
    Settings::setIdentityFile(path);
    Settings::useProfileName(profile.fullName);
    return true;
}
