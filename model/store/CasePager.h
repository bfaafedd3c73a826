#pragma once

#include "CaseQuery.h"
#include "domain/Case.h"

#include <functional>
#include <optional>

#include <QList>
#include <QSqlDatabase>
#include <QStringList>
#include <QVariantList>

// Reads pages of the case list straight from SQL. Filters become WHERE clauses with
// bound parameters on indexed columns; sorting is ORDER BY on an index, ties broken
// by id. Pages after a known row use keyset paging ("rows after this key"), which
// costs the same at row 1,000,000 as at row 10; a census pass records such keys
// (anchors) every `stride` rows so that a jump anywhere starts near its target.
class CasePager {
  public:
    // The sort position of a row: the sort columns' values then the id.
    using Key = QVariantList;

    struct Page {
        QList<CaseListRow> rows;
        Key lastKey;    // key of the last row, to continue from
        QString error;  // SQLite's reason when the rows could not be read; empty when read
    };

    struct Census {
        qint64 count = 0;
        QList<Key> anchors;  // anchors[i] = key of row (i + 1) * stride - 1
        bool ok = false;
    };

    CasePager(const QSqlDatabase &db, CaseFilter filter, CaseSort sort);

    Page first(int limit) const;
    Page after(const Key &key, int limit, qint64 skip = 0) const;
    Page atOffset(qint64 offset, int limit) const;  // slow far down: before the census only
    // Counts the matching rows and keeps every stride-th key. Runs on any thread with
    // its own connection; `cancelled` is polled so a stale census stops early.
    Census census(int stride, const std::function<bool()> &cancelled) const;

    // The row at which a case stands in this list, or -1 when the filter excludes it.
    qint64 positionOf(qint64 caseId) const;

    // Visits every matching case in list order; stops when visit returns false.
    bool forEachCase(bool withChildren, const std::function<bool(const Case &)> &visit) const;

    // The SQL and bound values of a page query, for benchmarks that replay it elsewhere.
    struct Statement {
        QString sql;
        QVariantList binds;
    };
    Statement firstStatement(int limit) const;
    Statement afterStatement(const Key &key, int limit, qint64 skip) const;

    const CaseFilter &filter() const { return m_filter; }
    const CaseSort &sort() const { return m_sort; }
    QString whereSql() const { return where(); }  // for tests, benchmarks and ReviewQueue
    const QVariantList &whereBinds() const { return m_binds; }
    QString orderSql() const;

  private:
    void buildWhere();
    void addSearch(const QString &text);
    // The WHERE clause of the list (without "WHERE"), built at its first use.
    const QString &where() const;
    qint64 matchCount(const QString &match, int atMost) const;
    static constexpr int kCommonNameMatches = 2500;
    QStringList sortColumns() const;
    // The rows after (or before) a key as ranges in sort order, each one index seek.
    struct KeyRange {
        QStringList clauses;
        QVariantList binds;
    };
    QList<KeyRange> keyRanges(const Key &key, bool before) const;
    Page run(const Statement &statement) const;

    QSqlDatabase m_db;
    CaseFilter m_filter;
    CaseSort m_sort;
    QString m_baseWhere;                     // the filters and an A-number search
    QString m_nameMatch;                     // the FTS5 expression of a name search, or empty
    mutable std::optional<QString> m_where;  // where(): the base and the name search
    QString m_oneCaseWhere;  // the same filter for one case (WHERE id = ? AND …), same binds
    QVariantList m_binds;
};
