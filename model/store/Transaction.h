#pragma once

#include <sqlite3.h>
#include <QString>

// A write transaction that rolls back unless committed. BEGIN IMMEDIATE takes the
// write lock up front, so a second writer waits (busy timeout) instead of failing
// half-way through with SQLITE_BUSY.
class Transaction {
  public:
    explicit Transaction(sqlite3 *db) : m_db(db) {}
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool begin(QString *error);
    bool commit(QString *error);
    void rollback();

  private:
    sqlite3 *m_db;
    bool m_open = false;
};
