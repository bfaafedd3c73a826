#include "SchemaMigrator.h"

#include "Sqlite.h"
#include "Transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

QList<SchemaMigrator::Step> SchemaMigrator::steps() {
    QList<Step> out;
    const QDir dir(QStringLiteral(":/migrations"));
    for (const QString &name : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name))
        out.append({name.section(u'_', 0, 0).toInt(), dir.filePath(name)});
    return out;
}

int SchemaMigrator::latestVersion() {
    const QList<Step> all = steps();
    return all.isEmpty() ? 0 : all.back().version;
}

int SchemaMigrator::currentVersion(sqlite3 *db) {
    Sqlite::Statement s(db, QStringLiteral("PRAGMA user_version"));
    return s.step() == SQLITE_ROW ? int(s.int64(0)) : -1;
}

bool SchemaMigrator::migrate(sqlite3 *db, QString *error, int upTo) {
    Transaction transaction(db);
    return transaction.begin(error) && apply(db, error, upTo) && transaction.commit(error);
}

bool SchemaMigrator::apply(sqlite3 *db, QString *error, int upTo) {
    const int from = currentVersion(db);
    for (const Step &step : steps()) {
        if (step.version <= from || step.version > upTo)
            continue;
        QFile file(step.path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QCoreApplication::translate("SchemaMigrator", "missing migration %1")
                         .arg(step.path);
            return false;
        }
        const QString sql = QString::fromUtf8(file.readAll()) +
                            QStringLiteral("\nPRAGMA user_version=%1;").arg(step.version);
        if (!Sqlite::exec(db, sql, error))
            return false;
    }
    return true;
}
