#pragma once

#include <QByteArray>
#include <QPageSize>
#include <QStringList>

// The GUI's remembered state and the attorney's preferences, typed, with every key,
// its place in the file and its default in one table (Settings.cpp), so no widget
// carries a string key. Backed by an INI file in the user's config folder; tests point
// XDG_CONFIG_HOME at a temporary folder.
namespace Settings {
// The preferences of Settings ▸ Preferences, with their defaults.
struct Preferences {
    QString profileName;    // names the attorney in the audit log; empty: the account name
    QString defaultPolicy;  // policy pack id; empty: the pack in force on the review date
    QString exportFolder;   // where PDFs go; empty: the last folder used
    QPageSize::PageSizeId pageSize = QPageSize::Letter;  // Letter or A4
    bool pdfA = true;    // PDF/A-1b, the archival form; off: plain PDF 1.6
    QString trustStore;  // PEM file or folder of trusted signers; empty: none
    // RFC 3161 time-stamp authority for PDF signatures (PAdES B-T); empty: none (B-B).
    QString timestampAuthority;
    QString pkcs11Module;  // PKCS#11 module for tokens; empty: p11-kit's proxy (all of them)
    // The agency's CA certificates (PEM): with a time-stamp authority, signed PDFs carry
    // the chains and CRLs under a document timestamp (PAdES B-LTA); empty: up to B-T.
    QString caCertificates;
    friend bool operator==(const Preferences &, const Preferences &) = default;
};
Preferences preferences();
void setPreferences(const Preferences &preferences);
// Where PDFs are suggested: the export folder when one is set, else the last folder.
QString pdfFolder();

QString fileName();
QStringList recentDockets();
void addRecentDocket(const QString &path);
QByteArray caseTableHeader();
void setCaseTableHeader(const QByteArray &state);
QByteArray mainSplitter();
void setMainSplitter(const QByteArray &state);
QByteArray windowGeometry();
void setWindowGeometry(const QByteArray &geometry);
QByteArray windowState();  // toolbars
void setWindowState(const QByteArray &state);
QString lastFolder();
void setLastFolder(const QString &folder);
// The audit head ("seq:hex") this computer last saw for each docket (by absolute path): a
// witness kept outside the docket, checked when the docket opens again.
QString lastAuditHead(const QString &docket);
void setLastAuditHead(const QString &docket, const QString &head);
// The wizard page a draft review was left on (by docket path and review id), so that
// reopening it resumes there; -1 when none. A negative page forgets it.
int resumePage(const QString &docket, qint64 reviewId);
void setResumePage(const QString &docket, qint64 reviewId, int page);
QString identityFile();
void setIdentityFile(const QString &path);
// How the attorney last signed: a token certificate's pkcs11: URI, "file" for a PKCS#12
// file, empty when they never have (then a card present is offered first).
QString signingToken();
void setSigningToken(const QString &uri);
// The attorney's name as their signing identity gives it, remembered after they make or use
// it; the audit log names them by it (with the account name).
QString profileName();
void useProfileName(const QString &name);
}  // namespace Settings
