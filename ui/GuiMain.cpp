#include "GuiMain.h"

#include "MainWindow.h"
#include "MessageBox.h"
#include "Settings.h"
#include "audit/AuditLog.h"
#include "io/DemoDocket.h"

#include <QApplication>
#include <QCoreApplication>

int runGui(const QString &docketPath) {
    QString error;
    const QString path = docketPath.isEmpty() ? DemoDocket::ensure(&error) : docketPath;
    if (path.isEmpty()) {
        MessageBox::warning(nullptr, QCoreApplication::translate("Gui", "Discretion"), error);
        return 2;
    }
    AuditLog::setProfileName(Settings::profileName());
    MainWindow window;
    if (!window.openDocket(path))
        return 2;
    window.show();
    return QApplication::exec();
}
