#include "PolicyPack.h"

#include "PolicyPackReader.h"

#include "files/InputFile.h"
#include "files/StrictJson.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>

std::optional<PolicyPack> PolicyPack::fromJson(const QByteArray &json, QString *error) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        *error = doc.isNull()
                     ? QCoreApplication::translate("PolicyPack", "not JSON: %1 at byte %2")
                           .arg(parseError.errorString())
                           .arg(parseError.offset)
                     : QCoreApplication::translate("PolicyPack", "a policy pack is a JSON object");
        return std::nullopt;
    }
    if (const QString duplicate = StrictJson::duplicateKey(json); !duplicate.isEmpty()) {
        *error = duplicate;
        return std::nullopt;
    }
    PolicyPack pack;
    PolicyPackReader reader;
    if (!reader.read(doc.object(), pack)) {
        *error = reader.error();
        return std::nullopt;
    }
    // QJsonObject keeps keys sorted, so compact output is canonical for the same content.
    pack.m_canonical = QJsonDocument(doc.object()).toJson(QJsonDocument::Compact);
    pack.m_sha256 = QString::fromLatin1(
        QCryptographicHash::hash(pack.m_canonical, QCryptographicHash::Sha256).toHex());
    return pack;
}

std::optional<PolicyPack> PolicyPack::fromFile(const QString &path, QString *error) {
    QFile file(path);
    if (QString why; !InputFile::openToRead(file, &why)) {
        *error = QStringLiteral("%1: %2").arg(path, why);
        return std::nullopt;
    }
    std::optional<PolicyPack> pack = fromJson(file.readAll(), error);
    if (!pack)
        *error = QStringLiteral("%1: %2").arg(path, *error);
    return pack;
}

// The packs are compiled into the program: read and checked once per process (opening a
// docket asks for them twice, for the filter bar and for the status bar's policy of today).
QList<PolicyPack> PolicyPack::builtIn() {
    static const QList<PolicyPack> packs = [] {
        QList<PolicyPack> read;
        const QDir dir(QStringLiteral(":/policies"));
        for (const QString &name :
             dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            QString error;
            if (std::optional<PolicyPack> pack = fromFile(dir.filePath(name), &error))
                read << *pack;
            else
                qWarning("built-in policy pack rejected: %s", qPrintable(error));
        }
        return read;
    }();
    return packs;
}

bool PolicyPack::isInForceOn(const QDate &date) const {
    for (const InForcePeriod &p : inForce)
        if (date >= p.from && (!p.until.isValid() || date < p.until))
            return true;
    return false;
}

QStringList PolicyPack::answerableIds() const {
    QStringList ids;
    for (const QList<PolicyItem> *list : {&priorities, &aggravating, &mitigating})
        for (const PolicyItem &item : *list)
            ids << item.id;
    return ids;
}

bool PolicyPack::offersDisposition(const QString &id) const {
    for (const PolicyItem &d : dispositions)
        if (d.id == id)
            return true;
    return false;
}

QString PolicyPack::dispositionLabel(const QString &id) const {
    for (const PolicyItem &d : dispositions)
        if (d.id == id)
            return d.label;
    return id;
}

QString PolicyPack::citationText(const Citation &citation) const {
    // A reader sees the document's title, not the pack's key for it.
    for (const PolicySource &source : sources)
        if (source.id == citation.source)
            return source.title + QStringLiteral(", ") + citation.section;
    return citation.source + QStringLiteral(", ") + citation.section;
}
