#include "SettingsDialog.h"

#include "ToolTip.h"

#include "FileDialog.h"
#include "MessageBox.h"
#include "policy/PolicyLibrary.h"
#include "sign/ValidationData.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>

SettingsDialog::SettingsDialog(CaseStore *store, QWidget *parent)
    : QDialog(parent),
      m_profile(new QLineEdit(this)),
      m_policy(new QComboBox(this)),
      m_folder(new QLineEdit(this)),
      m_pageSize(new QComboBox(this)),
      m_pdfA(new QCheckBox(tr("Write dispositions as PDF/&A-1b (archival)"), this)),
      m_trust(new QLineEdit(this)),
      m_tsa(new QLineEdit(this)),
      m_module(new QLineEdit(this)),
      m_ca(new QLineEdit(this)) {
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_profile->setObjectName(QStringLiteral("profileEdit"));
    m_profile->setAccessibleName(tr("Your name"));
    m_profile->setPlaceholderText(tr("As the audit log names you; default: your account name"));
    m_policy->setObjectName(QStringLiteral("policyCombo"));
    m_policy->setAccessibleName(tr("Default policy pack"));
    m_policy->addItem(tr("The pack in force on the review date"), QString());
    const QList<PolicyPack> packs =
        store ? PolicyLibrary::available(*store) : PolicyPack::builtIn();
    for (const PolicyPack &p : packs)
        if (m_policy->findData(p.id) < 0)
            m_policy->addItem(p.title, p.id);
    m_folder->setObjectName(QStringLiteral("exportFolderEdit"));
    m_folder->setAccessibleName(tr("Export folder"));
    m_folder->setPlaceholderText(tr("The last folder used"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("browseFolder"));
    connect(browse, &QPushButton::clicked, this, &SettingsDialog::chooseFolder);
    m_pageSize->setObjectName(QStringLiteral("pageSizeCombo"));
    m_pageSize->setAccessibleName(tr("Page size"));
    m_pageSize->addItem(tr("US Letter"), int(QPageSize::Letter));
    m_pageSize->addItem(tr("A4"), int(QPageSize::A4));
    m_pdfA->setObjectName(QStringLiteral("pdfACheck"));
    m_trust->setObjectName(QStringLiteral("trustStoreEdit"));
    m_trust->setAccessibleName(tr("Trusted signers"));
    m_trust->setPlaceholderText(tr("PEM file or folder of certificates you accept as signers"));
    m_trust->setToolTip(
        ToolTip::wrapped(tr("Kept outside the docket, so that nobody who can change the docket "
                            "can add a signer. Verify PDF and Verify Audit Log check every "
                            "signer against it.")));

    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("Your &name:"), m_profile);
    form->addRow(tr("Default &policy:"), m_policy);
    // A row holding a layout gets no buddy by itself: without one the & would show.
    auto *folderLabel = new QLabel(tr("&Export folder:"), this);
    folderLabel->setBuddy(m_folder);
    form->addRow(folderLabel, folderRow);
    form->addRow(tr("Page si&ze:"), m_pageSize);
    form->addRow(QString(), m_pdfA);
    addFileRow(form, tr("&Trusted signers:"), m_trust, QStringLiteral("browseTrustStore"),
               tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    m_tsa->setObjectName(QStringLiteral("timestampAuthorityEdit"));
    m_tsa->setAccessibleName(tr("Time-stamp authority"));
    m_tsa->setPlaceholderText(tr("None: signatures carry your computer's time (PAdES B-B)"));
    m_tsa->setToolTip(ToolTip::wrapped(
        tr("The address of an RFC 3161 time-stamp authority (http:// or https://), such as your "
           "agency's. Each PDF signature then carries a timestamp (PAdES B-T) that shows when "
           "it was made, even after your certificate expires. Signing stops if it cannot be "
           "reached.")));
    form->addRow(tr("Time-stamp &authority:"), m_tsa);
    m_module->setObjectName(QStringLiteral("pkcs11ModuleEdit"));
    m_module->setAccessibleName(tr("PKCS#11 module"));
    m_module->setPlaceholderText(tr("p11-kit's proxy: every card module installed"));
    form->addRow(tr("PKCS#&11 module:"), m_module);
    m_ca->setObjectName(QStringLiteral("caCertificatesEdit"));
    m_ca->setAccessibleName(tr("Agency CA certificates"));
    m_ca->setPlaceholderText(tr("None: timestamped signatures stay at PAdES B-T"));
    m_ca->setToolTip(ToolTip::wrapped(
        tr("Your agency's CA certificates (a PEM file from your security office). With a "
           "time-stamp authority, each signed PDF also carries the certificates and their "
           "revocation lists, fetched when you sign, under a document timestamp (PAdES "
           "B-LTA): anyone can check it for years, after your certificate expires or is "
           "revoked. Signing stops if a revocation list cannot be fetched.")));
    addFileRow(form, tr("Agency &CA certificates:"), m_ca, QStringLiteral("browseCaCertificates"),
               tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setTabOrder(m_profile, m_policy);
    setTabOrder(m_policy, m_folder);
    setTabOrder(m_folder, browse);
    setTabOrder(browse, m_pageSize);
    setTabOrder(m_pageSize, m_pdfA);
    setTabOrder(m_pdfA, m_trust);
    setTabOrder(m_trust, m_tsa);
    setTabOrder(m_tsa, m_module);
    setTabOrder(m_module, m_ca);
    showPreferences(Settings::preferences());
    resize(560, sizeHint().height());
}

void SettingsDialog::showPreferences(const Settings::Preferences &p) {
    m_profile->setText(p.profileName);
    const int policy = m_policy->findData(p.defaultPolicy);
    m_policy->setCurrentIndex(policy < 0 ? 0 : policy);
    m_folder->setText(p.exportFolder);
    m_pageSize->setCurrentIndex(m_pageSize->findData(int(p.pageSize)));
    m_pdfA->setChecked(p.pdfA);
    m_trust->setText(p.trustStore);
    m_tsa->setText(p.timestampAuthority);
    m_module->setText(p.pkcs11Module);
    m_ca->setText(p.caCertificates);
}

Settings::Preferences SettingsDialog::chosen() const {
    Settings::Preferences p;
    p.profileName = m_profile->text().trimmed();
    p.defaultPolicy = m_policy->currentData().toString();
    p.exportFolder = m_folder->text().trimmed();
    p.pageSize = QPageSize::PageSizeId(m_pageSize->currentData().toInt());
    p.pdfA = m_pdfA->isChecked();
    p.trustStore = m_trust->text().trimmed();
    p.timestampAuthority = m_tsa->text().trimmed();
    p.pkcs11Module = m_module->text().trimmed();
    p.caCertificates = m_ca->text().trimmed();
    return p;
}

void SettingsDialog::chooseFolder() {
    const QString folder = FileDialog::directory(this, tr("Export Folder"), m_folder->text());
    if (!folder.isEmpty())
        m_folder->setText(folder);
}

void SettingsDialog::addFileRow(QFormLayout *form, const QString &label, QLineEdit *edit,
                                const QString &buttonName, const QString &filter) {
    auto *browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(buttonName);
    browse->setAccessibleName(tr("Browse for %1").arg(edit->accessibleName()));
    connect(browse, &QPushButton::clicked, this, [this, edit, filter] {
        const QString file =
            FileDialog::openFile(this, edit->accessibleName(), edit->text(), filter);
        if (!file.isEmpty())
            edit->setText(file);
    });
    auto *row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(browse);
    // A row holding a layout gets no buddy by itself: without one the & would show.
    auto *buddy = new QLabel(label, this);
    buddy->setBuddy(edit);
    form->addRow(buddy, row);
}

// A CA certificates file that does not hold certificates would stop every signing later.
bool SettingsDialog::caCertificatesUsable() {
    const QString path = m_ca->text().trimmed();
    QString error;
    if (path.isEmpty() || ValidationSources::read({path}, {}, &error))
        return true;
    MessageBox::warning(this, tr("Agency CA certificates"),
                        tr("These CA certificates cannot be used: %1.").arg(error));
    m_ca->setFocus();
    return false;
}

void SettingsDialog::accept() {
    const QString tsa = m_tsa->text().trimmed();
    const QUrl url(tsa, QUrl::StrictMode);
    if (!tsa.isEmpty() &&
        (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") ||
         url.host().isEmpty())) {
        MessageBox::warning(this, tr("Time-stamp authority"),
                            tr("The time-stamp authority must be an http:// or https:// address, "
                               "such as http://timestamp.example.gov/, not \"%1\".")
                                .arg(tsa));
        m_tsa->setFocus();
        return;
    }
    if (!caCertificatesUsable())
        return;
    Settings::setPreferences(chosen());
    QDialog::accept();
}
