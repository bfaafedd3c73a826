#include "Settings.h"

#include "audit/AuditLog.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace Settings {
namespace {
constexpr int kMaxRecent = 8;
const QString kRecent = QStringLiteral("dockets/recent");
const QString kHeader = QStringLiteral("caseList/header");
const QString kSplitter = QStringLiteral("mainWindow/splitter");
const QString kGeometry = QStringLiteral("mainWindow/geometry");
const QString kLastFolder = QStringLiteral("files/lastFolder");
const QString kIdentityFile = QStringLiteral("signing/identityFile");
const QString kProfileName = QStringLiteral("signing/profileName");

// One INI file named after the program, e.g. ~/.config/discretion.conf (a bare
// QSettings() would file it under "Unknown Organization").
QString path() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QCoreApplication::applicationName() + QStringLiteral(".conf"));
}

QVariant value(const QString &key) {
    return QSettings(path(), QSettings::IniFormat).value(key);
}

void setValue(const QString &key, const QVariant &v) {
    QSettings(path(), QSettings::IniFormat).setValue(key, v);
}
}  // namespace

QString fileName() {
    return path();
}

QStringList recentDockets() {
    return value(kRecent).toStringList();
}

void addRecentDocket(const QString &path) {
    QStringList list = recentDockets();
    list.removeAll(path);
    list.prepend(path);
    setValue(kRecent, list.mid(0, kMaxRecent));
}

QByteArray caseTableHeader() {
    return value(kHeader).toByteArray();
}
void setCaseTableHeader(const QByteArray &state) {
    setValue(kHeader, state);
}
QByteArray mainSplitter() {
    return value(kSplitter).toByteArray();
}
void setMainSplitter(const QByteArray &state) {
    setValue(kSplitter, state);
}
QByteArray windowGeometry() {
    return value(kGeometry).toByteArray();
}
void setWindowGeometry(const QByteArray &geometry) {
    setValue(kGeometry, geometry);
}
QString lastFolder() {
    return value(kLastFolder).toString();
}
void setLastFolder(const QString &folder) {
    setValue(kLastFolder, folder);
}
}  // namespace Settings

namespace Settings {
QString identityFile() {
    return value(kIdentityFile).toString();
}
void setIdentityFile(const QString &path) {
    setValue(kIdentityFile, path);
}

QString profileName() {
    return value(kProfileName).toString();
}

void useProfileName(const QString &name) {
    setValue(kProfileName, name);
    AuditLog::setProfileName(name);
}
}  // namespace Settings
