#include "Sqlite.h"

#include <QCoreApplication>

#include <QSqlDriver>
#include <QVariant>

namespace Sqlite {

sqlite3 *handle(const QSqlDatabase &db) {
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

Interruptible::Interruptible(sqlite3 *db, const std::atomic_bool *cancelled) : m_db(db) {
    if (!m_db)
        return;
    sqlite3_progress_handler(
        m_db, 4000,
        [](void *flag) { return static_cast<const std::atomic_bool *>(flag)->load() ? 1 : 0; },
        const_cast<std::atomic_bool *>(cancelled));  // only read
}

Interruptible::~Interruptible() {
    if (m_db)
        sqlite3_progress_handler(m_db, 0, nullptr, nullptr);
}

QString busyMessage() {
    return QCoreApplication::translate(
        "Sqlite",
        "the docket is busy: another program (or another Discretion window) is writing to it "
        "and did not finish within 5 seconds. Nothing was changed; try again when it is done.");
}

bool isBusy(int rc) {
    return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
}

QString readOnlyMessage() {
    return QCoreApplication::translate(
        "Sqlite",
        "the docket is open read-only (its file or folder cannot be written, or it was "
        "changed outside Discretion: see discretion check). Nothing was changed.");
}

bool isUnavailable(const QString &error) {
    return error.contains(busyMessage()) || error.contains(readOnlyMessage());
}

namespace {
QString messageFor(int rc, const char *message) {
    if (isBusy(rc))
        return busyMessage();
    if ((rc & 0xff) == SQLITE_READONLY)
        return readOnlyMessage();
    return QString::fromUtf8(message ? message : sqlite3_errstr(rc));
}
}  // namespace

bool exec(sqlite3 *db, const QString &sql, QString *error) {
    char *message = nullptr;
    const int rc = sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK && error)
        *error = messageFor(rc, message);
    sqlite3_free(message);
    return rc == SQLITE_OK;
}

Statement::Statement(sqlite3 *db, const QString &sql) : m_db(db) {
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v3(db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT,
                           &m_stmt, nullptr) != SQLITE_OK) {
        m_prepareError = sqlite3_errmsg(db);
        m_stmt = nullptr;
    }
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

QString Statement::error() const {
    if (!m_prepareError.isEmpty())
        return QString::fromUtf8(m_prepareError);
    return messageFor(sqlite3_extended_errcode(m_db), sqlite3_errmsg(m_db));
}

void Statement::bind(int index, const QString &text) {
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void Statement::bindUtf8(int index, QByteArrayView utf8) {
    // An empty value is '' as bind(QString) writes it, never NULL.
    sqlite3_bind_text(m_stmt, index, utf8.isEmpty() ? "" : utf8.data(), int(utf8.size()),
                      SQLITE_STATIC);
}

void Statement::bind(int index, qint64 value) {
    sqlite3_bind_int64(m_stmt, index, value);
}

void Statement::bindBlob(int index, const QByteArray &bytes) {
    sqlite3_bind_blob(m_stmt, index, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
}

QByteArray Statement::blob(int column) const {
    const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(p, sqlite3_column_bytes(m_stmt, column));
}

int Statement::step() {
    return sqlite3_step(m_stmt);
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

QString Statement::text(int column) const {
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column));
}
}  // namespace Sqlite
