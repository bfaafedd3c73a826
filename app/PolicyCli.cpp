#include "PolicyCli.h"

#include "Console.h"

#include "policy/PolicyPack.h"

#include <QJsonDocument>

namespace PolicyCli {
namespace {
using Console::err;
using Console::out;

QString periods(const PolicyPack &p) {
    QStringList parts;
    for (const InForcePeriod &period : p.inForce)
        parts << period.from.toString(Qt::ISODate) + QStringLiteral("..") +
                     (period.until.isValid() ? period.until.toString(Qt::ISODate) : QString());
    return parts.join(u',');
}

void printItems(const QString &heading, const QList<PolicyItem> &items) {
    if (items.isEmpty())
        return;
    out() << '\n' << heading << ":\n";
    for (const PolicyItem &i : items)
        out() << "  " << i.id << "  " << i.label << "\n      " << i.help << "\n      ["
              << i.citation.source << ", " << i.citation.section << "]\n";
}

int list() {
    for (const PolicyPack &p : PolicyPack::builtIn())
        out() << p.id << '\t' << periods(p) << '\t' << p.sha256() << '\t' << p.title << '\n';
    return 0;
}

int show(const QString &id) {
    for (const PolicyPack &p : PolicyPack::builtIn()) {
        if (p.id != id)
            continue;
        out() << p.title << "\nid: " << p.id << "\nsha256: " << p.sha256()
              << "\nin force: " << periods(p) << '\n'
              << p.summary << "\n\nSources:\n";
        for (const PolicySource &s : p.sources)
            out() << "  " << s.id << "  " << s.title << " (" << s.author << ", dated "
                  << s.dated.toString(Qt::ISODate) << ")\n";
        printItems(QStringLiteral("Priorities"), p.priorities);
        printItems(QStringLiteral("Aggravating factors"), p.aggravating);
        printItems(QStringLiteral("Mitigating factors"), p.mitigating);
        printItems(QStringLiteral("Other considerations"), p.considerations);
        printItems(QStringLiteral("Never a factor"), p.neverFactors);
        printItems(QStringLiteral("Dispositions"), p.dispositions);
        out() << "\nRules:\n";
        for (const PolicyRule &r : p.rules)
            out() << "  " << r.id << "  when "
                  << QString::fromUtf8(QJsonDocument(r.when).toJson(QJsonDocument::Compact))
                  << "\n      " << r.says << "\n";
        return 0;
    }
    err() << "error: no policy pack with id '" << id << "' (see: discretion policy list)\n";
    return 2;
}

int validate(const QString &file) {
    QString error;
    const std::optional<PolicyPack> pack = PolicyPack::fromFile(file, &error);
    if (!pack) {
        err() << "invalid: " << error << '\n';
        return 1;
    }
    out() << "valid: " << pack->id << " sha256 " << pack->sha256() << '\n';
    return 0;
}
}  // namespace

int run(const QStringList &arguments) {
    const QString verb = arguments.value(0);
    if (verb == u"list" && arguments.size() == 1)
        return list();
    if (verb == u"show" && arguments.size() == 2)
        return show(arguments[1]);
    if (verb == u"validate" && arguments.size() == 2)
        return validate(arguments[1]);
    err() << "usage: discretion policy list | show ID | validate FILE\n";
    return 2;
}
}  // namespace PolicyCli
