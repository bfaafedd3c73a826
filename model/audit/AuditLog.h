#pragma once

#include <sqlite3.h>
#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

namespace Sqlite {
class Statement;
}

// One entry of the audit log, as stored.
struct AuditEntry {
    qint64 seq = 0;
    QString at;           // UTC, ISO 8601
    QString actor;        // "Name (osuser)"
    QString action;       // case.create, case.edit, case.delete, case.import, import, review.save,
                          // review.ready, review.sign, review.amend, pdf.export, policy.load, ...
    QString entity;       // case, review, policy, docket
    QString entityId;     // A-number digits, review id, policy id, file name
    QByteArray details;   // compact JSON
    QByteArray prevHash;  // 32 bytes
    QByteArray hash;      // 32 bytes
};

// What walking the chain found.
struct AuditVerification {
    bool ok = true;
    qint64 checked = 0;      // entries whose hash was recomputed
    qint64 firstBroken = 0;  // seq of the first entry that does not hold, 0 when ok
    QString problem;         // says which entry and what is wrong
};

// Which entries to read: about one case, with one action, written within a span of time.
// An empty member does not narrow. The audit viewer's filter, run in SQL a page at a time:
// a case's entries come through the (entity, entity_id) index; an action or a span of time
// is checked entry by entry from the newest down (no index on them).
struct AuditFilter {
    QString caseDigits;  // the case's nine A-number digits: entries about it and its reviews
    QString action;      // exactly this action, e.g. case.edit
    QDateTime from;      // written at or after this instant
    QDateTime until;     // written before this instant
    bool isEmpty() const {
        return caseDigits.isEmpty() && action.isEmpty() && !from.isValid() && !until.isValid();
    }
    friend bool operator==(const AuditFilter &, const AuditFilter &) = default;
};

// The docket's append-only, hash-chained audit log.
//
// hash(n) = SHA-256( prev_hash(n) ‖ field(seq) ‖ field(at) ‖ field(actor) ‖ field(action)
//                    ‖ field(entity) ‖ field(entity_id) ‖ field(details) )
// where field(x) is the decimal byte length of x's UTF-8, a colon, then the bytes (a
// netstring without the trailing comma), and prev_hash(1) is 32 zero bytes. So no entry
// can be changed, removed, reordered or slipped in without every later hash changing.
//
// append() writes inside the caller's transaction: the entry commits or rolls back with
// the change it records. SQL triggers refuse UPDATE and DELETE of entries.
class AuditLog {
  public:
    explicit AuditLog(sqlite3 *db);
    ~AuditLog();
    AuditLog(const AuditLog &) = delete;
    AuditLog &operator=(const AuditLog &) = delete;

    // Who the entries name: "<profile name> (<OS user>)", or the OS user alone. Set once
    // by the program (e.g. from the signing profile); process-wide.
    static void setProfileName(const QString &name);
    static QString actor();

    // For a bulk load: every later entry of this AuditLog names the actor as it is now,
    // rather than asking the environment (and, with USER unset, getpwuid) for each row.
    void fixActor() { m_fixedActor = actor().toUtf8(); }

    bool append(const QString &action, const QString &entity, const QString &entityId,
                const QJsonObject &details, QString *error);
    // For bulk writes: details already serialised as compact JSON.
    bool appendRaw(const QString &action, const QString &entity, const QString &entityId,
                   const QByteArray &details, QString *error);
    // The same with every text already UTF-8 (a bulk load encodes its constants once).
    bool appendUtf8(QByteArrayView action, QByteArrayView entity, QByteArrayView entityId,
                    QByteArrayView details, QString *error);

    qint64 count() const;
    QByteArray headHash() const;  // 32 zero bytes for an empty log
    QString headHashHex() const;
    qint64 headSeq() const;  // 0 for an empty log
    // The hash of entry seq; empty when there is no such entry.
    QByteArray hashAt(qint64 seq) const;
    // The seq of the entry with this hash; 0 when no entry has it.
    qint64 seqOf(const QByteArray &hash) const;

    // Recomputes every hash from the first entry (or only the last `tail` entries and
    // their link to the one before): the first entry that does not hold is reported.
    AuditVerification verify(qint64 tail = 0) const;

    // Newest first. With entity and id, only the entries about that thing.
    QList<AuditEntry> entries(qint64 beforeSeq, int limit) const;
    QList<AuditEntry> entriesFor(const QString &entity, const QString &entityId, int limit) const;
    // Oldest first: every entry about this kind of thing with one of these actions.
    QList<AuditEntry> entriesWithAction(const QString &entity, const QStringList &actions) const;
    // Newest first, only those the filter lets through.
    QList<AuditEntry> entries(qint64 beforeSeq, int limit, const AuditFilter &filter) const;
    // Every action the log holds, sorted: one pass over the whole log (about a second on
    // 1.5 million entries), so actionsInFile reads them through its own read-only
    // connection, on any thread.
    QStringList actions() const;
    static QStringList actionsInFile(const QString &docketPath);

    static QByteArray entryHash(const QByteArray &prevHash, const AuditEntry &entry);

  private:
    bool loadHead(QString *error);
    const QByteArray &timeNow();  // UTF-8

    sqlite3 *m_db;
    std::unique_ptr<Sqlite::Statement> m_insert;
    // The head as this object last wrote it; re-read at the start of each transaction
    // would be wasteful in a bulk load, so it is read once per AuditLog (which lives
    // within one transaction when it appends).
    bool m_headKnown = false;
    qint64 m_headSeq = 0;
    QByteArray m_headHash;
    QByteArray m_fixedActor;  // UTF-8
    qint64 m_lastMs = -1;     // the clock's last reading, and its text: a bulk load writes
    QByteArray m_lastAt;      // many entries within one millisecond
};
