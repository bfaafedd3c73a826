#include "SchemaCheck.h"

#include "SchemaMigrator.h"
#include "Sqlite.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <QMutex>

namespace SchemaCheck {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("SchemaCheck", text);
}

// "trigger signed_review_no_update" -> its SQL, whitespace folded. Only the objects SQLite
// makes itself are left out (the statistics ANALYZE keeps, a table's automatic indexes,
// which have no SQL): a trigger or view named sqlite_… by someone with writable_schema is
// compared like any other, so it cannot hide behind the name.
QMap<QString, QString> schemaOf(sqlite3 *db) {
    QMap<QString, QString> out;
    Sqlite::Statement s(
        db, QStringLiteral("SELECT type, name, sql FROM sqlite_schema WHERE NOT ("
                           "(type = 'table' AND name GLOB 'sqlite_stat[1-4]') OR "
                           "(type = 'index' AND name GLOB 'sqlite_autoindex_*' AND sql IS NULL))"));
    while (s.step() == SQLITE_ROW)
        out.insert(s.text(0) + u' ' + s.text(1), s.text(2).simplified());
    return out;
}

QMap<QString, QString> build(int version, QString *error) {
    sqlite3 *memory = nullptr;
    QMap<QString, QString> out;
    if (sqlite3_open(":memory:", &memory) == SQLITE_OK &&
        SchemaMigrator::migrate(memory, error, version))
        out = schemaOf(memory);
    sqlite3_close(memory);
    return out;
}

// What the migrations up to a version make depends on nothing but the program, so it is
// built once per version and process: building it took 3.5 of the ~20 ms an opening costs,
// and the window opens the docket more than once (the list, the count, the dashboard).
QMap<QString, QString> expected(int version, QString *error) {
    static QMutex mutex;
    static QHash<int, QMap<QString, QString>> built;
    const QMutexLocker lock(&mutex);
    if (const auto it = built.constFind(version); it != built.constEnd())
        return *it;
    QMap<QString, QString> out = build(version, error);
    if (!out.isEmpty())
        built.insert(version, out);
    return out;
}
}  // namespace

void prepare() {
    QString error;
    expected(SchemaMigrator::latestVersion(), &error);
}

QStringList differences(sqlite3 *docket) {
    QString error;
    const QMap<QString, QString> want = expected(SchemaMigrator::currentVersion(docket), &error);
    if (want.isEmpty())
        return {tr("the expected schema could not be built: %1").arg(error)};
    const QMap<QString, QString> have = schemaOf(docket);
    QStringList out;
    for (auto it = want.begin(); it != want.end(); ++it) {
        if (!have.contains(it.key()))
            out << tr("%1 is missing").arg(it.key());
        else if (have.value(it.key()) != it.value())
            out << tr("%1 differs from what Discretion makes: %2")
                       .arg(it.key(), have.value(it.key()));
    }
    for (auto it = have.begin(); it != have.end(); ++it)
        if (!want.contains(it.key()))
            out << tr("%1 was added outside Discretion: %2").arg(it.key(), it.value());
    return out;
}
}  // namespace SchemaCheck
