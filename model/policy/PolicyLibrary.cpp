#include "PolicyLibrary.h"

#include "store/CaseStore.h"
#include "store/ReviewStore.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>

namespace PolicyLibrary {
namespace {
// A stored text read and checked before gives the same pack: each is parsed once per
// process, not at every opening and every review. A text that no longer parses is kept as
// nothing, and skipped.
std::optional<PolicyPack> parsed(const QByteArray &text) {
    static QMutex mutex;
    static QHash<QByteArray, std::optional<PolicyPack>> packs;
    const QMutexLocker lock(&mutex);
    if (const auto it = packs.constFind(text); it != packs.constEnd())
        return *it;
    if (packs.size() >= 64)  // a docket holds a handful; never grow without bound
        packs.clear();
    QString error;
    return *packs.insert(text, PolicyPack::fromJson(text, &error));
}
}  // namespace

QList<PolicyPack> available(CaseStore &store) {
    QList<PolicyPack> packs = PolicyPack::builtIn();
    QStringList known;
    QStringList shippedIds;
    for (const PolicyPack &p : packs) {
        known << p.sha256();
        shippedIds << p.id;
    }
    // The docket's texts were valid when stored; one that no longer parses is skipped. One
    // under the id of a pack that ships with the program is never offered: a text planted
    // with sqlite3 under that id was taken as the pack in force, title and all (from an
    // attack round). A review made under such a text still reopens under it.
    for (const QByteArray &text : ReviewStore(store).policyTexts()) {
        const std::optional<PolicyPack> pack = parsed(text);
        if (pack && !known.contains(pack->sha256()) && !shippedIds.contains(pack->id)) {
            known << pack->sha256();
            packs << *pack;
        }
    }
    return packs;
}

std::optional<PolicyPack> load(CaseStore &store, const QString &path, QString *error) {
    std::optional<PolicyPack> pack = PolicyPack::fromFile(path, error);
    if (!pack)
        return std::nullopt;
    for (const PolicyPack &shipped : PolicyPack::builtIn())
        if (shipped.id == pack->id && shipped.sha256() != pack->sha256()) {
            *error = QCoreApplication::translate(
                         "PolicyLibrary",
                         "%1: its id \"%2\" is that of a pack that ships with Discretion "
                         "(%3), with other text. Give a pack of your own an id of its own.")
                         .arg(path, pack->id, shipped.title);
            return std::nullopt;
        }
    if (!ReviewStore(store).addPolicyText(*pack, error))
        return std::nullopt;
    return pack;
}
}  // namespace PolicyLibrary
