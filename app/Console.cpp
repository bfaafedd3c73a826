#include "Console.h"

#include "store/Sqlite.h"

#include <QCommandLineParser>

namespace Console {
QTextStream &out() {
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err() {
    static QTextStream stream(stderr);
    return stream;
}
std::unique_ptr<CaseStore> openDocket(const QCommandLineParser &p, CaseStore::OpenMode mode) {
    if (p.value(QStringLiteral("db")).isEmpty()) {
        err() << "error: --db FILE is required\n";
        return nullptr;
    }
    QString error;
    auto store = CaseStore::open(p.value(QStringLiteral("db")), mode, &error);
    if (!store)
        err() << "error: " << error << '\n';
    else if (store->isReadOnly())
        err() << "note: " << store->path() << " is open read-only: " << store->readOnlyReason()
              << '\n';
    return store;
}

bool trustStore(const QCommandLineParser &p, std::optional<TrustStore> &trust) {
    QString error;
    trust = TrustStore::fromChoice(p.value(QStringLiteral("trust")), {}, &error);
    if (!error.isEmpty())
        err() << "error: " << error << '\n';
    return error.isEmpty();
}

int refusalCode(const QString &error) {
    return Sqlite::isUnavailable(error) ? 2 : 1;
}
}  // namespace Console
