#pragma once

#include <sqlite3.h>
#include <QByteArray>
#include <QByteArrayView>
#include <QSqlDatabase>
#include <QString>
#include <atomic>

// Thin RAII helpers over the SQLite C API, used where QSqlQuery is too slow
// (bulk writes: ~1.2 us a row against ~5.7 us through QSqlQuery binding).
namespace Sqlite {

// The sqlite3 handle behind a QSQLITE connection, or nullptr.
sqlite3 *handle(const QSqlDatabase &db);

// A write lock that stayed taken past the busy timeout, said for people.
QString busyMessage();
bool isBusy(int resultCode);
// A write to a docket opened read-only (CaseStore::readOnlyReason says why), said for people.
QString readOnlyMessage();
// True when an error message is one of the two above: the docket could not be written at
// all, nothing was changed, and a command exits 2 (a refused request exits 1).
bool isUnavailable(const QString &error);
// Runs SQL with no results; returns false and sets *error on failure.
bool exec(sqlite3 *db, const QString &sql, QString *error);

// While this lives, every statement on the connection stops with SQLITE_INTERRUPT soon after
// `cancelled` turns true (looked at every few thousand steps of SQLite's machine): work for a
// list the person has already left does not go on holding a core.
class Interruptible {
  public:
    Interruptible(sqlite3 *db, const std::atomic_bool *cancelled);
    ~Interruptible();
    Interruptible(const Interruptible &) = delete;
    Interruptible &operator=(const Interruptible &) = delete;

  private:
    sqlite3 *m_db;
};

class Statement {
  public:
    Statement(sqlite3 *db, const QString &sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    QString error() const;

    void bind(int index, const QString &text);
    void bind(int index, qint64 value);
    // UTF-8 text bound without a copy: the bytes must outlive the next step() or reset().
    void bindUtf8(int index, QByteArrayView utf8);
    void bindBlob(int index, const QByteArray &bytes);
    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step();
    void reset();
    qint64 int64(int column) const { return sqlite3_column_int64(m_stmt, column); }
    QString text(int column) const;
    QByteArray blob(int column) const;

  private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    QByteArray m_prepareError;
};
}  // namespace Sqlite
