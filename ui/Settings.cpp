#include "Settings.h"

#include <QSettings>

namespace Settings {
namespace {
constexpr int kMaxRecent = 8;
const QString kRecent = QStringLiteral("dockets/recent");
const QString kHeader = QStringLiteral("caseList/header");
const QString kSplitter = QStringLiteral("mainWindow/splitter");
const QString kGeometry = QStringLiteral("mainWindow/geometry");
const QString kLastFolder = QStringLiteral("files/lastFolder");
}  // namespace

QStringList recentDockets() {
    return QSettings().value(kRecent).toStringList();
}

void addRecentDocket(const QString &path) {
    QStringList list = recentDockets();
    list.removeAll(path);
    list.prepend(path);
    QSettings().setValue(kRecent, list.mid(0, kMaxRecent));
}

QByteArray caseTableHeader() {
    return QSettings().value(kHeader).toByteArray();
}
void setCaseTableHeader(const QByteArray &state) {
    QSettings().setValue(kHeader, state);
}
QByteArray mainSplitter() {
    return QSettings().value(kSplitter).toByteArray();
}
void setMainSplitter(const QByteArray &state) {
    QSettings().setValue(kSplitter, state);
}
QByteArray windowGeometry() {
    return QSettings().value(kGeometry).toByteArray();
}
void setWindowGeometry(const QByteArray &geometry) {
    QSettings().setValue(kGeometry, geometry);
}
QString lastFolder() {
    return QSettings().value(kLastFolder).toString();
}
void setLastFolder(const QString &folder) {
    QSettings().setValue(kLastFolder, folder);
}
}  // namespace Settings
