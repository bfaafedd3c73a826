#include "Transaction.h"

#include "Sqlite.h"

Transaction::~Transaction() {
    rollback();
}

bool Transaction::begin(QString *error) {
    m_open = Sqlite::exec(m_db, QStringLiteral("BEGIN IMMEDIATE"), error);
    return m_open;
}

bool Transaction::commit(QString *error) {
    if (!m_open)
        return false;
    if (!Sqlite::exec(m_db, QStringLiteral("COMMIT"), error))
        return false;
    m_open = false;
    return true;
}

void Transaction::rollback() {
    if (m_open)
        Sqlite::exec(m_db, QStringLiteral("ROLLBACK"), nullptr);
    m_open = false;
}
