#include "Settings.h"

#include "audit/AuditLog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace Settings {
namespace {
enum class Key {
    RecentDockets,
    CaseTableHeader,
    MainSplitter,
    WindowGeometry,
    WindowState,
    LastFolder,
    IdentityFile,
    AuditHeads,
    ProfileName,
    DefaultPolicy,
    ExportFolder,
    PageSize,
    PdfA,
    TrustStore,
    ResumePages,
    TimestampAuthority,
    Pkcs11Module,
    SigningToken,
    CaCertificates,
};

struct Entry {
    Key key;
    const char *path;  // section/name in the INI file
    QVariant fallback;
};

// The one table: every setting, where it lives and what it is until someone sets it.
const QList<Entry> &table() {
    static const QList<Entry> entries = {
        {Key::RecentDockets, "dockets/recent", QStringList()},
        {Key::CaseTableHeader, "caseList/header", QByteArray()},
        {Key::MainSplitter, "mainWindow/splitter", QByteArray()},
        {Key::WindowGeometry, "mainWindow/geometry", QByteArray()},
        {Key::WindowState, "mainWindow/state", QByteArray()},
        {Key::LastFolder, "files/lastFolder", QString()},
        {Key::IdentityFile, "signing/identityFile", QString()},
        {Key::AuditHeads, "audit/lastHeads", QVariantMap()},
        {Key::ProfileName, "signing/profileName", QString()},
        {Key::DefaultPolicy, "review/defaultPolicy", QString()},
        {Key::ExportFolder, "pdf/exportFolder", QString()},
        {Key::PageSize, "pdf/pageSize", QStringLiteral("letter")},
        {Key::PdfA, "pdf/pdfA", true},
        {Key::TrustStore, "signing/trustStore", QString()},
        {Key::ResumePages, "review/resumePages", QVariantMap()},
        {Key::TimestampAuthority, "signing/timestampAuthority", QString()},
        {Key::Pkcs11Module, "signing/pkcs11Module", QString()},
        {Key::SigningToken, "signing/token", QString()},
        {Key::CaCertificates, "signing/caCertificates", QString()},
    };
    return entries;
}

const Entry &entry(Key key) {
    for (const Entry &e : table())
        if (e.key == key)
            return e;
    Q_UNREACHABLE();  // every key is in the table
}

constexpr int kMaxRecent = 8;

// One INI file named after the program, e.g. ~/.config/discretion.conf (a bare
// QSettings() would file it under "Unknown Organization").
QString path() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QCoreApplication::applicationName() + QStringLiteral(".conf"));
}

QVariant get(Key key) {
    const Entry &e = entry(key);
    return QSettings(path(), QSettings::IniFormat).value(QLatin1String(e.path), e.fallback);
}

// A value already stored is not written again: each write rewrites and syncs the whole file
// (8–10 ms), and opening a docket records its audit head and its place among the recent
// ones, which are mostly what they were.
void set(Key key, const QVariant &v) {
    QSettings settings(path(), QSettings::IniFormat);
    const QString name = QLatin1String(entry(key).path);
    if (settings.contains(name) && settings.value(name) == v)
        return;
    settings.setValue(name, v);
}
}  // namespace

Preferences preferences() {
    Preferences p;
    p.profileName = get(Key::ProfileName).toString();
    p.defaultPolicy = get(Key::DefaultPolicy).toString();
    p.exportFolder = get(Key::ExportFolder).toString();
    p.pageSize = get(Key::PageSize).toString() == u"a4" ? QPageSize::A4 : QPageSize::Letter;
    p.pdfA = get(Key::PdfA).toBool();
    p.trustStore = get(Key::TrustStore).toString();
    p.timestampAuthority = get(Key::TimestampAuthority).toString();
    p.pkcs11Module = get(Key::Pkcs11Module).toString();
    p.caCertificates = get(Key::CaCertificates).toString();
    return p;
}

void setPreferences(const Preferences &p) {
    useProfileName(p.profileName);
    set(Key::DefaultPolicy, p.defaultPolicy);
    set(Key::ExportFolder, p.exportFolder);
    set(Key::PageSize,
        p.pageSize == QPageSize::A4 ? QStringLiteral("a4") : QStringLiteral("letter"));
    set(Key::PdfA, p.pdfA);
    set(Key::TrustStore, p.trustStore);
    set(Key::TimestampAuthority, p.timestampAuthority);
    set(Key::Pkcs11Module, p.pkcs11Module);
    set(Key::CaCertificates, p.caCertificates);
}

QString pdfFolder() {
    const QString folder = get(Key::ExportFolder).toString();
    return folder.isEmpty() ? lastFolder() : folder;
}

QString fileName() {
    return path();
}

QStringList recentDockets() {
    return get(Key::RecentDockets).toStringList();
}

void addRecentDocket(const QString &docket) {
    QStringList list = recentDockets();
    list.removeAll(docket);
    list.prepend(docket);
    set(Key::RecentDockets, list.mid(0, kMaxRecent));
}

QByteArray caseTableHeader() {
    return get(Key::CaseTableHeader).toByteArray();
}
void setCaseTableHeader(const QByteArray &state) {
    set(Key::CaseTableHeader, state);
}
QByteArray mainSplitter() {
    return get(Key::MainSplitter).toByteArray();
}
void setMainSplitter(const QByteArray &state) {
    set(Key::MainSplitter, state);
}
QByteArray windowGeometry() {
    return get(Key::WindowGeometry).toByteArray();
}
void setWindowGeometry(const QByteArray &geometry) {
    set(Key::WindowGeometry, geometry);
}
QByteArray windowState() {
    return get(Key::WindowState).toByteArray();
}
void setWindowState(const QByteArray &state) {
    set(Key::WindowState, state);
}
QString lastFolder() {
    // Never the root folder: before anything was opened or saved, the user's documents.
    // A folder that is not there (no ~/Documents, a removed export folder) would be offered
    // by a save chooser as a file name in its parent: the home folder instead.
    QString folder = get(Key::LastFolder).toString();
    if (folder.isEmpty())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QFileInfo(folder).isDir() ? folder : QDir::homePath();
}
void setLastFolder(const QString &folder) {
    set(Key::LastFolder, folder);
}
QString lastAuditHead(const QString &docket) {
    return get(Key::AuditHeads).toMap().value(docket).toString();
}
void setLastAuditHead(const QString &docket, const QString &head) {
    QVariantMap heads = get(Key::AuditHeads).toMap();
    heads.insert(docket, head);
    set(Key::AuditHeads, heads);
}

int resumePage(const QString &docket, qint64 reviewId) {
    return get(Key::ResumePages)
        .toMap()
        .value(docket + u'#' + QString::number(reviewId), -1)
        .toInt();
}
void setResumePage(const QString &docket, qint64 reviewId, int page) {
    QVariantMap pages = get(Key::ResumePages).toMap();
    const QString key = docket + u'#' + QString::number(reviewId);
    if (page < 0)
        pages.remove(key);
    else
        pages.insert(key, page);
    set(Key::ResumePages, pages);
}

QString identityFile() {
    return get(Key::IdentityFile).toString();
}
void setIdentityFile(const QString &file) {
    set(Key::IdentityFile, file);
}
QString signingToken() {
    return get(Key::SigningToken).toString();
}
void setSigningToken(const QString &uri) {
    set(Key::SigningToken, uri);
}
QString profileName() {
    return get(Key::ProfileName).toString();
}
void useProfileName(const QString &name) {
    set(Key::ProfileName, name);
    AuditLog::setProfileName(name);
}
}  // namespace Settings
