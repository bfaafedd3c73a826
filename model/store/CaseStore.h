#pragma once

#include "domain/Case.h"

#include <sqlite3.h>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <memory>
#include <optional>

struct Court {
    QString code;
    QString name;
    QString state;
};

// One docket: a SQLite file of cases. Opens (or creates, mode 0600) the file, checks
// it is a docket this version understands, migrates its schema in one transaction,
// and is the only place that writes SQL for cases. Never shows a dialog: problems
// come back as messages that name the file.
class CaseStore {
  public:
    enum class OpenMode { OpenExisting, CreateIfMissing };

    static std::unique_ptr<CaseStore> open(const QString &path, OpenMode mode, QString *error);
    ~CaseStore();
    CaseStore(const CaseStore &) = delete;
    CaseStore &operator=(const CaseStore &) = delete;

    static int latestSchemaVersion();
    static QString sqliteVersion();

    const QString &path() const { return m_path; }
    // A docket whose file or folder this user cannot write opens read-only: reading,
    // checking and verifying work; every write says so and changes nothing.
    // A docket whose tables, indexes or triggers were changed outside Discretion (a trigger
    // dropped or added: SchemaCheck) is opened read-only too, so that nothing hidden runs
    // when the program writes. readOnlyReason() says which of the two, for people.
    bool isReadOnly() const { return m_readOnly; }
    const QString &readOnlyReason() const { return m_readOnlyReason; }
    const QStringList &schemaChanges() const { return m_schemaChanges; }
    QSqlDatabase database() const;
    sqlite3 *handle() const { return m_handle; }
    int schemaVersion() const;
    // The schema this opening upgraded the docket from; 0 when it was already the latest.
    int upgradedFrom() const { return m_upgradedFrom; }

    // Reference data and docket facts.
    QList<Court> courts() const;
    QSet<QString> courtCodes() const;
    qint64 caseCount() const;  // kept by triggers: never a full count
    bool isSynthetic() const;
    bool setSynthetic(bool synthetic, QString *error);

    // Backups: when the last one was made (UTC ISO 8601, empty if never), and recording
    // a backup or a restore in the audit log (the restore in the restored docket).
    QString lastBackup() const;
    bool recordBackup(const QJsonObject &details, QString *error);
    bool recordRestore(const QJsonObject &details, QString *error);

    // Changes when another connection (another program, another window) commits to the
    // docket; this connection's own writes leave it as it is (PRAGMA data_version).
    qint64 dataVersion() const;
    // Compares the schema again when another program changed it since the docket was opened
    // (a trigger added while it is open would run inside the program's next write): the
    // docket turns read-only when the schema now differs from what Discretion makes. True
    // when this found a change not known before (schemaChanges() names it).
    bool recheckSchema();

    // PRAGMA integrity_check: empty when the file is sound, else SQLite's findings.
    QStringList integrityProblems() const;  // PRAGMA integrity_check and the name index
    // Row counts of the docket's tables, for `discretion check`.
    QList<std::pair<QString, qint64>> tableCounts() const;

    // Cases. saveCase inserts (id 0) or updates, with charges, family and relief, in
    // one transaction; it sets c.id on insert.
    std::optional<Case> loadCase(qint64 id) const;
    qint64 findCaseId(const QString &aNumberDigits) const;  // 0 when absent
    // The A-numbers of these cases now; an id no longer in the docket is left out.
    QHash<qint64, QString> aNumbersOf(const QList<qint64> &ids) const;
    bool saveCase(Case &c, QString *error);
    bool deleteCase(qint64 id, QString *error);

  private:
    QString nameIndexProblem() const;
    // Rows of other tables that name a case (or record) no longer there.
    QStringList foreignKeyProblems() const;
    CaseStore(QString path, QString connectionName, bool readOnly);
    int readSchemaVersion(QString *error) const;
    bool initialise(QString *error);
    bool openConnection(QString *error);
    bool refuseIfHistoryRemoved(int version, QString *error);
    bool checkReadable(int version, QString *error);
    void refuseWritesIfSchemaChanged();
    qint64 schemaCookie() const;
    bool syncCourts(QString *error);
    // Migrates to the latest schema and records it in the audit log (its first entry for
    // a new docket or one from before the log), in one transaction.
    bool upgrade(int schemaBefore, QString *error);
    bool recordSchema(int schemaBefore, QString *error);
    qint64 countRows(const char *table, qint64 caseId = 0) const;
    QString metaValue(const QString &key) const;
    bool setMetaValue(const QString &key, const QString &value, QString *error);

    QString m_path;
    QString m_connectionName;
    sqlite3 *m_handle = nullptr;
    bool m_readOnly = false;
    int m_upgradedFrom = 0;
    QString m_readOnlyReason;
    QStringList m_schemaChanges;
    qint64 m_schemaCookie = -1;  // PRAGMA schema_version when opened or last compared
};
