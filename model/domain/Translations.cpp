// Installs the program's English translation (plural forms: "1 problem", "2 problems")
// as soon as any QCoreApplication exists: the command line, the window and every test
// get it without a call of their own. Linked as an object file into each executable
// (model/CMakeLists.txt), since a static library would drop a file nobody calls.
#include <QCoreApplication>
#include <QTranslator>

namespace {
void installTranslations() {
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(QStringLiteral(":/i18n/discretion_en.qm")))
        QCoreApplication::installTranslator(translator);
}
}  // namespace

Q_COREAPP_STARTUP_FUNCTION(installTranslations)
