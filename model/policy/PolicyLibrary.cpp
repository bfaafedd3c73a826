#include "PolicyLibrary.h"

#include "store/CaseStore.h"
#include "store/ReviewStore.h"

namespace PolicyLibrary {
QList<PolicyPack> available(CaseStore &store) {
    QList<PolicyPack> packs = PolicyPack::builtIn();
    QStringList known;
    for (const PolicyPack &p : packs)
        known << p.sha256();
    // The docket's texts were valid when stored; one that no longer parses is skipped.
    for (const QByteArray &text : ReviewStore(store).policyTexts()) {
        QString error;
        std::optional<PolicyPack> pack = PolicyPack::fromJson(text, &error);
        if (pack && !known.contains(pack->sha256())) {
            known << pack->sha256();
            packs << *pack;
        }
    }
    return packs;
}

std::optional<PolicyPack> load(CaseStore &store, const QString &path, QString *error) {
    std::optional<PolicyPack> pack = PolicyPack::fromFile(path, error);
    if (pack && !ReviewStore(store).addPolicyText(*pack, error))
        return std::nullopt;
    return pack;
}
}  // namespace PolicyLibrary
