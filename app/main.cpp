// The discretion executable: a CLI command when the first argument names one,
// otherwise the workstation window.
#include "Cli.h"
#include "GuiMain.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>

namespace {
void nameApplication() {
    QCoreApplication::setApplicationName(QStringLiteral("discretion"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DISCRETION_VERSION));
}
}  // namespace

int main(int argc, char **argv) {
    if (argc > 1 && Cli::isCommand(QString::fromLocal8Bit(argv[1]))) {
        // Commands run without a display; PDF output still needs fonts, hence a GUI app.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        nameApplication();
        return Cli::run(app.arguments());
    }
    QApplication app(argc, argv);
    nameApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Discretion"));
    return runGui(app.arguments().value(1));
}
