#include "AuditCli.h"

#include "Console.h"
#include "audit/AuditLog.h"
#include "domain/ANumber.h"
#include "store/CaseStore.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <limits>

namespace AuditCli {
namespace {
using Console::err;
using Console::out;

int verify(CaseStore &store) {
    QElapsedTimer timer;
    timer.start();
    const AuditVerification v = AuditLog(store.handle()).verify();
    if (!v.ok) {
        out() << "BROKEN: " << v.problem << "\n(" << v.checked
              << " entries before it hold; the log was changed outside Discretion)\n";
        return 1;
    }
    out() << "ok: " << v.checked << (v.checked == 1 ? " entry" : " entries")
          << ", every hash and link holds (" << timer.elapsed() << " ms); head "
          << AuditLog(store.handle()).headHashHex() << '\n';
    return 0;
}

int show(CaseStore &store, const QCommandLineParser &p) {
    const int limit =
        p.isSet(QStringLiteral("limit")) ? p.value(QStringLiteral("limit")).toInt() : 100;
    QList<AuditEntry> entries;
    AuditLog log(store.handle());
    if (p.isSet(QStringLiteral("case"))) {
        QString problem;
        const ANumber a = ANumber::parse(p.value(QStringLiteral("case")), &problem);
        if (!a.isValid()) {
            err() << "error: --case: " << problem << '\n';
            return 2;
        }
        entries = log.entriesFor(QStringLiteral("case"), a.digits(), limit);
    } else {
        entries = log.entries(std::numeric_limits<qint64>::max(), limit);
    }
    for (const AuditEntry &e : entries)
        out() << e.seq << '\t' << Console::field(e.at) << '\t' << Console::field(e.actor) << '\t'
              << Console::field(e.action) << '\t' << Console::field(e.entity) << ':'
              << Console::field(e.entityId) << '\t' << Console::field(QString::fromUtf8(e.details))
              << '\n';
    return 0;
}
}  // namespace

int run(QCommandLineParser &p) {
    const QStringList words = p.positionalArguments();
    if (words.size() != 1 || (words[0] != u"verify" && words[0] != u"show") ||
        p.value(QStringLiteral("db")).isEmpty()) {
        err() << "usage: discretion audit verify --db FILE\n"
                 "       discretion audit show --db FILE [--case A-NUMBER] [--limit N]\n";
        return 2;
    }
    auto store = Console::openDocket(p);
    if (!store)
        return 2;
    return words[0] == u"verify" ? verify(*store) : show(*store, p);
}
}  // namespace AuditCli
