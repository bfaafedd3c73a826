#include "Console.h"

#include "store/Sqlite.h"

#include <QCommandLineParser>
#include <cstdio>

namespace Console {
QTextStream &out() {
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err() {
    static QTextStream stream(stderr);
    return stream;
}

void flush() {
    out().flush();
    err().flush();
    std::fflush(stdout);
    std::fflush(stderr);
}
QString field(const QString &text) {
    QString out;
    out.reserve(text.size());
    for (const QChar ch : text) {
        if (ch == u'\\')
            out += QStringLiteral("\\\\");
        else if (ch == u'\n')
            out += QStringLiteral("\\n");
        else if (ch == u'\t')
            out += QStringLiteral("\\t");
        else if (ch == u'\r')
            out += QStringLiteral("\\r");
        else if (ch.category() == QChar::Other_Control)
            out += QStringLiteral("\\x%1").arg(ch.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += ch;
    }
    return out;
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
