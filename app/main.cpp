// The discretion executable: a CLI command when the first argument names one,
// otherwise the workstation window.
#include "Cli.h"
#include "GuiMain.h"
#include "store/HeapSettings.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <cstdio>

namespace {
void nameApplication() {
    QCoreApplication::setApplicationName(QStringLiteral("discretion"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DISCRETION_VERSION));
}
}  // namespace

int main(int argc, char **argv) {
    HeapSettings::apply();  // before anything is allocated that the setting should cover
    const QString command = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (Cli::isCommand(command) && Cli::needsFonts(command)) {
        // Rendering a PDF needs fonts, hence a GUI application, but never a display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        nameApplication();
        return Cli::run(app.arguments());
    }
    if (Cli::isCommand(command)) {
        QCoreApplication app(argc, argv);
        nameApplication();
        return Cli::run(app.arguments());
    }
    QString docket;
    QString error;
    // A mistyped command is named before a window (or a display) is needed.
    if (!command.startsWith(u'-') && !Cli::windowDocket({{}, command}, &docket, &error)) {
        std::fprintf(stderr, "error: %s\n", qPrintable(error));
        return 2;
    }
    QApplication app(argc, argv);  // takes Qt's own options (-platform, -style, ...)
    if (!Cli::windowDocket(QCoreApplication::arguments(), &docket, &error)) {
        std::fprintf(stderr, "error: %s\n", qPrintable(error));
        return 2;
    }
    nameApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Discretion"));
    QGuiApplication::setDesktopFileName(QStringLiteral("discretion"));  // the installed .desktop
    return runGui(docket);
}
