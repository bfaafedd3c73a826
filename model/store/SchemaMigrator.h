#pragma once

#include <sqlite3.h>
#include <QList>
#include <QString>
#include <limits>

// Brings a docket's schema to the latest version with the numbered SQL files in
// resources/migrations (NNN_name.sql), in order, inside one transaction.
class SchemaMigrator {
  public:
    struct Step {
        int version;
        QString path;
    };

    static QList<Step> steps();
    static int latestVersion();
    static int currentVersion(sqlite3 *db);
    // Applies every step above the current version (up to upTo); all or nothing.
    static bool migrate(sqlite3 *db, QString *error, int upTo = std::numeric_limits<int>::max());
    // The same inside the caller's transaction, so that what records the upgrade commits
    // with it.
    static bool apply(sqlite3 *db, QString *error, int upTo = std::numeric_limits<int>::max());
};
