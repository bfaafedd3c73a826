#pragma once

#include <QByteArray>
#include <QStringList>

// The GUI's remembered state, typed, with its keys in one place (no string keys
// scattered through widgets). Backed by QSettings in the user's config folder.
namespace Settings {
QString fileName();
QStringList recentDockets();
void addRecentDocket(const QString &path);
QByteArray caseTableHeader();
void setCaseTableHeader(const QByteArray &state);
QByteArray mainSplitter();
void setMainSplitter(const QByteArray &state);
QByteArray windowGeometry();
void setWindowGeometry(const QByteArray &geometry);
QString lastFolder();
QString identityFile();
void setIdentityFile(const QString &path);
// The attorney's name as their signing identity gives it, remembered after they make or use
// it; the audit log names them by it (with the account name).
QString profileName();
void useProfileName(const QString &name);
void setLastFolder(const QString &folder);
}  // namespace Settings
