#pragma once

#include "PinnedClock.h"
#include "domain/Case.h"
#include "io/DocketGenerator.h"
#include "store/CaseStore.h"

#include <sqlite3.h>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

// A real docket file in a temporary folder, for tests.
class TestDocket {
  public:
    TestDocket() { m_dir.setAutoRemove(true); }
    QString path(const QString &name = QStringLiteral("docket.sqlite")) const {
        return m_dir.filePath(name);
    }
    QString dir() const { return m_dir.path(); }

    std::unique_ptr<CaseStore> open(const QString &name = QStringLiteral("docket.sqlite")) const {
        QString error;
        auto store = CaseStore::open(path(name), CaseStore::OpenMode::CreateIfMissing, &error);
        if (!store)
            qWarning("%s", qPrintable(error));
        return store;
    }

    // A docket filled by the synthetic generator as of the pinned date: the same seed
    // gives the same cases on every day the test runs.
    std::unique_ptr<CaseStore> openGenerated(int cases, quint32 seed) const {
        auto store = open();
        QString error;
        if (store && !DocketGenerator::fill(*store, cases, seed, PinnedClock::today(), &error))
            qWarning("%s", qPrintable(error));
        return store;
    }

    bool writeFile(const QString &name, const QByteArray &bytes) const {
        QFile f(path(name));
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    }

  private:
    QTemporaryDir m_dir;
};

// Runs SQL on a docket file as another program would (the sqlite3 shell): SQLITE_OK or the
// error code.
inline int sqliteExec(const QString &path, const char *sql) {
    sqlite3 *db = nullptr;
    int rc = sqlite3_open(path.toUtf8().constData(), &db);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc;
}

// Saves a case a test needs in the docket; on failure the log names the store's reason, so
// QVERIFY(saved(*store, c)) reads as one step.
[[nodiscard]] inline bool saved(CaseStore &store, Case &c) {
    QString error;
    if (store.saveCase(c, &error))
        return true;
    qWarning("could not save the test's case: %s", qPrintable(error));
    return false;
}

// A minimal valid case with the given A-number digits and names.
inline Case makeCase(const QString &digits, const QString &family, const QString &given = {}) {
    Case c;
    c.aNumber = digits;
    c.familyName = family;
    c.givenNames = given;
    return c;
}
