#include "AuditLog.h"

#include "domain/Clock.h"
#include "store/DocketFile.h"
#include "store/Sqlite.h"

#include <openssl/evp.h>
#include <pwd.h>
#include <unistd.h>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QThread>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("AuditLog", text);
}

QString &profileName() {
    static QString name;
    return name;
}

const QByteArray kGenesis(32, '\0');

void addField(QByteArray &message, QByteArrayView bytes) {
    message += QByteArray::number(bytes.size());
    message += ':';
    message += bytes;
}

// SHA-256 through OpenSSL, which uses the processor's SHA instructions: a bulk import
// hashes one entry per case, and Qt's portable SHA-256 took 2.6 s of a 1.5M-case import.
QByteArray sha256(const QByteArray &message) {
    static EVP_MD *const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (md &&
        EVP_Digest(message.constData(), size_t(message.size()), digest, &size, md, nullptr) == 1 &&
        size == 32)
        return QByteArray(reinterpret_cast<const char *>(digest), 32);
    return QCryptographicHash::hash(message, QCryptographicHash::Sha256);
}

AuditEntry entryAt(const Sqlite::Statement &s) {
    return {s.int64(0), s.text(1), s.text(2), s.text(3), s.text(4),
            s.text(5),  s.blob(6), s.blob(7), s.blob(8)};
}

const char *const kColumns =
    "SELECT seq, at, actor, action, entity, entity_id, details, prev_hash, hash FROM audit_log ";

QString osUser() {
    for (const char *variable : {"USER", "LOGNAME"})
        if (QString user = qEnvironmentVariable(variable); !user.isEmpty())
            return user;
    const passwd *entry = getpwuid(geteuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QString();
}
}  // namespace

AuditLog::AuditLog(sqlite3 *db) : m_db(db) {}
AuditLog::~AuditLog() = default;

void AuditLog::setProfileName(const QString &name) {
    profileName() = name.trimmed();
}

QString AuditLog::actor() {
    const QString user = osUser();
    if (profileName().isEmpty())
        return user.isEmpty() ? QStringLiteral("unknown user") : user;
    return user.isEmpty() ? profileName() : QStringLiteral("%1 (%2)").arg(profileName(), user);
}

namespace {
// The hash of an entry whose texts (at, actor, action, entity, entity_id) are UTF-8.
QByteArray hashOf(const QByteArray &prevHash, qint64 seq,
                  std::initializer_list<QByteArrayView> texts, QByteArrayView details) {
    QByteArray message = prevHash;
    message.reserve(prevHash.size() + details.size() + 160);
    addField(message, QByteArray::number(seq));
    for (QByteArrayView text : texts)
        addField(message, text);
    addField(message, details);
    return sha256(message);
}
}  // namespace

QByteArray AuditLog::entryHash(const QByteArray &prevHash, const AuditEntry &e) {
    return hashOf(prevHash, e.seq,
                  {e.at.toUtf8(), e.actor.toUtf8(), e.action.toUtf8(), e.entity.toUtf8(),
                   e.entityId.toUtf8()},
                  e.details);
}

bool AuditLog::loadHead(QString *error) {
    Sqlite::Statement head(m_db, QStringLiteral("SELECT seq, hash FROM audit_log "
                                                "ORDER BY seq DESC LIMIT 1"));
    const int rc = head.step();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        *error = head.error();
        return false;
    }
    m_headSeq = rc == SQLITE_ROW ? head.int64(0) : 0;
    m_headHash = rc == SQLITE_ROW ? head.blob(1) : kGenesis;
    m_insert = std::make_unique<Sqlite::Statement>(
        m_db, QStringLiteral("INSERT INTO audit_log(seq, at, actor, action, entity, entity_id, "
                             "details, prev_hash, hash) VALUES(?,?,?,?,?,?,?,?,?)"));
    m_headKnown = true;
    return true;
}

bool AuditLog::append(const QString &action, const QString &entity, const QString &entityId,
                      const QJsonObject &details, QString *error) {
    return appendRaw(action, entity, entityId,
                     QJsonDocument(details).toJson(QJsonDocument::Compact), error);
}

bool AuditLog::appendRaw(const QString &action, const QString &entity, const QString &entityId,
                         const QByteArray &details, QString *error) {
    return appendUtf8(action.toUtf8(), entity.toUtf8(), entityId.toUtf8(), details, error);
}

bool AuditLog::appendUtf8(QByteArrayView action, QByteArrayView entity, QByteArrayView entityId,
                          QByteArrayView details, QString *error) {
    if (!m_headKnown && !loadHead(error))
        return false;
    const qint64 seq = m_headSeq + 1;
    const QByteArray &at = timeNow();
    const QByteArray actorText = m_fixedActor.isEmpty() ? actor().toUtf8() : m_fixedActor;
    QByteArray hash = hashOf(m_headHash, seq, {at, actorText, action, entity, entityId}, details);
    Sqlite::Statement &s = *m_insert;
    s.reset();
    s.bind(1, seq);
    int column = 2;
    for (QByteArrayView text :
         {QByteArrayView(at), QByteArrayView(actorText), action, entity, entityId, details})
        s.bindUtf8(column++, text);
    s.bindBlob(8, m_headHash);
    s.bindBlob(9, hash);
    if (s.step() != SQLITE_DONE) {
        *error = tr("cannot write the audit log: %1").arg(s.error());
        return false;
    }
    s.reset();  // the bound bytes are released here, while they still exist
    m_headSeq = seq;
    m_headHash = std::move(hash);
    return true;
}

const QByteArray &AuditLog::timeNow() {
    const QDateTime now = Clock::nowUtc();
    if (const qint64 ms = now.toMSecsSinceEpoch(); ms != m_lastMs) {
        m_lastMs = ms;
        m_lastAt = now.toString(Qt::ISODateWithMs).toUtf8();
    }
    return m_lastAt;
}

qint64 AuditLog::count() const {
    Sqlite::Statement s(m_db, QStringLiteral("SELECT max(seq) FROM audit_log"));
    return s.step() == SQLITE_ROW ? s.int64(0) : 0;
}

QByteArray AuditLog::headHash() const {
    Sqlite::Statement s(m_db,
                        QStringLiteral("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
    return s.step() == SQLITE_ROW ? s.blob(0) : kGenesis;
}

qint64 AuditLog::headSeq() const {
    Sqlite::Statement s(m_db, QStringLiteral("SELECT max(seq) FROM audit_log"));
    return s.step() == SQLITE_ROW ? s.int64(0) : 0;
}

QByteArray AuditLog::hashAt(qint64 seq) const {
    Sqlite::Statement s(m_db, QStringLiteral("SELECT hash FROM audit_log WHERE seq=?"));
    s.bind(1, seq);
    return s.step() == SQLITE_ROW ? s.blob(0) : QByteArray();
}

qint64 AuditLog::seqOf(const QByteArray &hash) const {
    Sqlite::Statement s(m_db,
                        QStringLiteral("SELECT seq FROM audit_log WHERE hash=? AND seq >= 1"));
    s.bindBlob(1, hash);
    return s.step() == SQLITE_ROW ? s.int64(0) : 0;
}

QString AuditLog::headHashHex() const {
    return QString::fromLatin1(headHash().toHex());
}

AuditVerification AuditLog::verify(qint64 tail) const {
    AuditVerification v;
    // The chain starts at entry 1: a row numbered 0 or below was slipped in beside it.
    Sqlite::Statement outside(m_db,
                              QStringLiteral("SELECT seq, action FROM audit_log WHERE seq < 1 "
                                             "ORDER BY seq LIMIT 1"));
    if (outside.step() == SQLITE_ROW)
        return {false, 0, outside.int64(0),
                tr("an entry numbered %1 (%2) is outside the chain, which starts at entry 1: it "
                   "was slipped in")
                    .arg(outside.int64(0))
                    .arg(outside.text(1))};
    const qint64 last = count();
    const qint64 first = tail > 0 ? qMax<qint64>(1, last - tail + 1) : 1;
    QByteArray expectedPrev = kGenesis;
    if (first > 1) {
        Sqlite::Statement before(m_db, QStringLiteral("SELECT hash FROM audit_log WHERE seq=?"));
        before.bind(1, first - 1);
        if (before.step() == SQLITE_ROW)
            expectedPrev = before.blob(0);
    }
    Sqlite::Statement s(
        m_db, QString::fromLatin1(kColumns) + QStringLiteral("WHERE seq >= ? ORDER BY seq"));
    s.bind(1, first);
    qint64 expectedSeq = first;
    while (s.step() == SQLITE_ROW) {
        const AuditEntry e = entryAt(s);
        QString problem;
        if (e.seq != expectedSeq)
            problem = tr("entry %1 is missing (the next is %2)").arg(expectedSeq).arg(e.seq);
        else if (e.prevHash != expectedPrev)
            problem = tr("entry %1 does not link to entry %2 (its previous hash differs)")
                          .arg(e.seq)
                          .arg(e.seq - 1);
        else if (entryHash(e.prevHash, e) != e.hash)
            problem = tr("entry %1 (%2 of %3 %4 at %5) was changed after it was written: its "
                         "hash no longer matches its content")
                          .arg(e.seq)
                          .arg(e.action, e.entity, e.entityId, e.at);
        if (!problem.isEmpty())
            return {false, v.checked, expectedSeq, problem};
        ++v.checked;
        expectedPrev = e.hash;
        ++expectedSeq;
    }
    return v;
}

QList<AuditEntry> AuditLog::entries(qint64 beforeSeq, int limit) const {
    Sqlite::Statement s(m_db, QString::fromLatin1(kColumns) +
                                  QStringLiteral("WHERE seq < ? ORDER BY seq DESC LIMIT ?"));
    s.bind(1, beforeSeq);
    s.bind(2, qint64(limit));
    QList<AuditEntry> out;
    while (s.step() == SQLITE_ROW)
        out << entryAt(s);
    return out;
}

QList<AuditEntry> AuditLog::entries(qint64 beforeSeq, int limit, const AuditFilter &filter) const {
    // Only the conditions in use are written, so that SQLite picks the (entity, entity_id)
    // index for a case, walking it newest first. Times are compared as the stored UTC ISO
    // text: "2026-11-29T05:00:00" sorts before every entry written in that second.
    QString where = QStringLiteral("WHERE seq < ?");
    QStringList values;
    if (!filter.caseDigits.isEmpty()) {
        where += QStringLiteral(" AND entity='case' AND entity_id=?");
        values << filter.caseDigits;
    }
    if (!filter.action.isEmpty()) {
        where += QStringLiteral(" AND action=?");
        values << filter.action;
    }
    const auto utcText = [](const QDateTime &t) {
        return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    };
    if (filter.from.isValid()) {
        where += QStringLiteral(" AND at >= ?");
        values << utcText(filter.from);
    }
    if (filter.until.isValid()) {
        where += QStringLiteral(" AND at < ?");
        values << utcText(filter.until);
    }
    Sqlite::Statement s(
        m_db, QString::fromLatin1(kColumns) + where + QStringLiteral(" ORDER BY seq DESC LIMIT ?"));
    s.bind(1, beforeSeq);
    int index = 2;
    for (const QString &value : std::as_const(values))
        s.bind(index++, value);
    s.bind(index, qint64(limit));
    QList<AuditEntry> out;
    while (s.step() == SQLITE_ROW)
        out << entryAt(s);
    return out;
}

QStringList AuditLog::actions() const {
    Sqlite::Statement s(m_db,
                        QStringLiteral("SELECT DISTINCT action FROM audit_log ORDER BY action"));
    QStringList out;
    while (s.step() == SQLITE_ROW)
        out << s.text(0);
    return out;
}

QStringList AuditLog::actionsInFile(const QString &docketPath) {
    QStringList out;
    DocketFile::readOnThisThread(
        docketPath, [&out](QSqlDatabase &db) { out = AuditLog(Sqlite::handle(db)).actions(); });
    return out;
}

QList<AuditEntry> AuditLog::entriesWithAction(const QString &entity,
                                              const QStringList &actions) const {
    Sqlite::Statement s(m_db,
                        QString::fromLatin1(kColumns) +
                            QStringLiteral("WHERE seq >= 1 AND entity=? AND action IN (SELECT "
                                           "value FROM json_each(?)) ORDER BY seq"));
    s.bind(1, entity);
    s.bind(2,
           QString::fromUtf8(
               QJsonDocument(QJsonArray::fromStringList(actions)).toJson(QJsonDocument::Compact)));
    QList<AuditEntry> out;
    while (s.step() == SQLITE_ROW)
        out << entryAt(s);
    return out;
}

QList<AuditEntry> AuditLog::entriesFor(const QString &entity, const QString &entityId,
                                       int limit) const {
    Sqlite::Statement s(
        m_db, QString::fromLatin1(kColumns) + QStringLiteral("WHERE entity=? AND entity_id=? "
                                                             "ORDER BY seq DESC LIMIT ?"));
    s.bind(1, entity);
    s.bind(2, entityId);
    s.bind(3, qint64(limit));
    QList<AuditEntry> out;
    while (s.step() == SQLITE_ROW)
        out << entryAt(s);
    return out;
}
