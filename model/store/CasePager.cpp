#include "CasePager.h"

#include "CaseReader.h"
#include "DocketSummary.h"
#include "domain/ANumber.h"
#include "domain/SearchText.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace {
const QString kRowColumns = QStringLiteral(
    "id, a_number, family_name, given_names, nationality, court, next_hearing_date, "
    "next_hearing_type, custody, counsel_name, review_status");

// Digits (with the optional A, spaces, dashes) but not a whole A-number: a prefix.
bool looksLikeANumberPrefix(const QString &text) {
    static const QRegularExpression re(QStringLiteral("^[Aa]?[ \\-]*[0-9][0-9 \\-]*$"));
    return re.match(text).hasMatch();
}

// The ASCII digits of a search, as typed (full-width ones folded).
QString typedDigits(const QString &text) {
    QString digits = ANumber::foldTyped(text);
    static const QRegularExpression notDigit(QStringLiteral("[^0-9]"));
    return digits.remove(notDigit);
}
}  // namespace

qint64 CasePager::matchCount(const QString &match, int atMost) const {
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT count(*) FROM (SELECT rowid FROM case_search WHERE "
                       "case_search MATCH ? LIMIT ?)"));
    q.addBindValue(match);
    q.addBindValue(atMost);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

bool CaseFilter::isEmpty() const {
    return *this == CaseFilter();
}

CasePager::CasePager(const QSqlDatabase &db, CaseFilter filter, CaseSort sort)
    : m_db(db), m_filter(std::move(filter)), m_sort(sort) {
    buildWhere();
}

void CasePager::buildWhere() {
    QStringList clauses;
    auto equal = [&](const char *column, const QString &value) {
        if (value.isEmpty())
            return;
        clauses << QLatin1String(column) + QStringLiteral(" = ?");
        m_binds << value;
    };
    equal("court", m_filter.court);
    equal("custody", m_filter.custody);
    equal("review_status", m_filter.reviewStatus);
    if (!m_filter.disposition.isEmpty()) {
        clauses << QStringLiteral("id IN (SELECT case_id FROM (%1) WHERE disposition = ?)")
                       .arg(DocketSummary::latestSignedDispositionsSql());
        m_binds << m_filter.disposition;
    }
    if (m_filter.represented.has_value())
        // In the collation of the counsel index (schema 8), which can then answer it.
        clauses << (*m_filter.represented ? QStringLiteral("counsel_name COLLATE NOCASE <> ''")
                                          : QStringLiteral("counsel_name COLLATE NOCASE = ''"));
    if (m_filter.hearingFrom.isValid()) {
        clauses << QStringLiteral("hearing_sort >= ?");
        m_binds << m_filter.hearingFrom.toString(Qt::ISODate);
    }
    if (m_filter.hearingTo.isValid()) {
        clauses << QStringLiteral("hearing_sort <= ?");
        m_binds << m_filter.hearingTo.toString(Qt::ISODate);
    }
    m_baseWhere = clauses.join(QStringLiteral(" AND "));
    addSearch(m_filter.search.trimmed());
}

void CasePager::addSearch(const QString &text) {
    m_oneCaseWhere = m_baseWhere;
    if (text.isEmpty())
        return;
    QString clause;
    QString oneCase;
    const ANumber whole = ANumber::parse(text);
    if (whole.isValid() && whole.digits().startsWith(u'0') && typedDigits(text).size() == 8) {
        // Eight digits are a whole A-number with its leading zero left off, or the first
        // eight of a nine-digit one being typed: the list did not empty one digit short.
        const QString eight = typedDigits(text);
        clause = QStringLiteral("(a_number = ? OR (a_number >= ? AND a_number < ?))");
        m_binds << whole.digits() << eight << QString(eight + u':');
    } else if (whole.isValid()) {
        clause = QStringLiteral("a_number = ?");
        m_binds << whole.digits();
    } else if (const QString narrow = ANumber::foldTyped(text); looksLikeANumberPrefix(narrow)) {
        // Stored A-numbers are nine digits; typed digits are a prefix of them.
        const QString digits = typedDigits(narrow);
        clause = QStringLiteral("a_number >= ? AND a_number < ?");
        m_binds << digits << QString(digits + u':');  // ':' sorts right after '9'
    } else {
        const QString match = SearchText::ftsPrefixQuery(text);
        // Only punctuation or marks ("-", "#"): nothing a name could start with, so no
        // search, as with spaces (it matched no case at all).
        if (match.isEmpty())
            return;
        // How common the name is decides the plan (where()), asked only when a statement
        // is built: the window makes a pager for each search and asks the reader thread for
        // the rows, and counting up to 2,500 matches held it 3 ms at 1.5M cases, 11 at 15M.
        m_nameMatch = match;
        // Whether one case matches: its own row looked up in the index, instead of every
        // match listed first (0.1 ms against 16–59 ms for a one-letter name at 1.5M).
        oneCase = QStringLiteral(
            "EXISTS (SELECT 1 FROM case_search WHERE case_search MATCH ? AND rowid = cases.id)");
        m_binds << match;
    }
    const auto joined = [](const QString &where, const QString &more) {
        return where.isEmpty() ? more : where + QStringLiteral(" AND ") + more;
    };
    m_oneCaseWhere = joined(m_baseWhere, oneCase.isEmpty() ? clause : oneCase);
    if (!clause.isEmpty())
        m_baseWhere = joined(m_baseWhere, clause);
}

const QString &CasePager::where() const {
    if (m_where)
        return *m_where;
    if (m_nameMatch.isEmpty())
        return m_where.emplace(m_baseWhere);
    // Measured on 1.5M cases: a rare name is fastest read from the search index and sorted
    // (1 ms, against 180 ms the other way); a common one is fastest by walking the sort index
    // and keeping the rows that match (13 ms, against 290 ms). The two cost the same near
    // 2,500 matches. The unary + keeps SQLite off the id lookup, which forces the walk.
    const bool common = matchCount(m_nameMatch, kCommonNameMatches) >= kCommonNameMatches;
    const QString clause =
        (common ? QStringLiteral("+id") : QStringLiteral("id")) +
        QStringLiteral(" IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)");
    return m_where.emplace(m_baseWhere.isEmpty() ? clause
                                                 : m_baseWhere + QStringLiteral(" AND ") + clause);
}

QStringList CasePager::sortColumns() const {
    // Court, custody and status sort by hearing date within each value: the order an
    // attorney works in, and each pair has its own index.
    switch (m_sort.key) {
        case CaseSortKey::ANumber:
            return {QStringLiteral("a_number")};
        case CaseSortKey::Name:
            return {QStringLiteral("search_name")};
        case CaseSortKey::Nationality:
            return {QStringLiteral("nationality")};
        case CaseSortKey::Court:
            return {QStringLiteral("court"), QStringLiteral("hearing_sort")};
        case CaseSortKey::NextHearing:
            // No hearing sorts last both ways: as 9999-12-31 going up, as '' going down.
            return {m_sort.descending ? QStringLiteral("next_hearing_date")
                                      : QStringLiteral("hearing_sort")};
        case CaseSortKey::Custody:
            return {QStringLiteral("custody"), QStringLiteral("hearing_sort")};
        case CaseSortKey::Counsel:
            return {QStringLiteral("counsel_name COLLATE NOCASE")};  // "acme" beside "Acme"
        case CaseSortKey::ReviewStatus:
            return {QStringLiteral("review_status"), QStringLiteral("hearing_sort")};
    }
    return {QStringLiteral("id")};
}

QString CasePager::orderSql() const {
    const QString direction = m_sort.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    const QStringList columns = sortColumns() << QStringLiteral("id");
    QStringList parts;
    for (const QString &c : columns)
        parts << c + direction;
    return parts.join(u',');
}

CasePager::Page CasePager::run(const Statement &statement) const {
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    Page page;
    // SQLite's own words ("no such table: case_search"), else Qt's.
    const auto reason = [&q] {
        const QSqlError e = q.lastError();
        return e.databaseText().isEmpty() ? e.text() : e.databaseText();
    };
    if (!q.prepare(statement.sql)) {
        page.error = reason();
        return page;
    }
    for (const QVariant &b : statement.binds)
        q.addBindValue(b);
    if (!q.exec()) {
        page.error = reason();
        return page;
    }
    const int keyColumns = int(sortColumns().size());
    while (q.next()) {
        page.rows.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                          q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                          q.value(6).toString(), q.value(7).toString(), q.value(8).toString(),
                          q.value(9).toString(), q.value(10).toString()});
        page.lastKey.clear();
        for (int k = 0; k < keyColumns; ++k)
            page.lastKey << q.value(11 + k);
        page.lastKey << q.value(0);
    }
    if (q.lastError().isValid())  // stopped part way: the rows read are not the page
        page = {{}, {}, reason()};
    return page;
}

CasePager::Page CasePager::first(int limit) const {
    return atOffset(0, limit);
}

CasePager::Statement CasePager::firstStatement(int limit) const {
    const QString where =
        this->where().isEmpty() ? QString() : QStringLiteral(" WHERE ") + this->where();
    QVariantList binds = m_binds;
    binds << limit << 0;
    return {QStringLiteral("SELECT %1, %2 FROM cases%3 ORDER BY %4 LIMIT ? OFFSET ?")
                .arg(kRowColumns, sortColumns().join(u','), where, orderSql()),
            binds};
}

CasePager::Page CasePager::atOffset(qint64 offset, int limit) const {
    Statement s = firstStatement(limit);
    s.binds.last() = offset;
    return run(s);
}

QList<CasePager::KeyRange> CasePager::keyRanges(const Key &key, bool before) const {
    // SQLite seeks a row-value inequality (a, b, id) > (?, ?, ?) by its first column only
    // and filters the rest, so a run of equal keys was read row by row (at 1.5M cases the
    // 120,027 without a hearing: 10 ms to reach the end). Spelled out, each range is one
    // index seek on all its columns: (a = ? AND b = ? AND id > ?), (a = ? AND b > ?), (a > ?).
    const QStringList columns = sortColumns() << QStringLiteral("id");
    const QString beyond =
        (m_sort.descending != before) ? QStringLiteral(" < ?") : QStringLiteral(" > ?");
    QList<KeyRange> ranges;
    for (qsizetype last = columns.size() - 1; last >= 0; --last) {
        KeyRange range;
        for (qsizetype i = 0; i < last; ++i) {
            range.clauses << columns[i] + QStringLiteral(" = ?");
            range.binds << key.value(i);
        }
        range.clauses << columns[last] + beyond;
        range.binds << key.value(last);
        ranges << range;
    }
    return ranges;
}

CasePager::Statement CasePager::afterStatement(const Key &key, int limit, qint64 skip) const {
    // Each range read in order from its index, at most as far as the page needs. The
    // ranges follow each other in the sort, and SQLite returns a UNION ALL's parts in
    // order and stops at the outer LIMIT, so a later range is read only when the earlier
    // ones run out (an outer ORDER BY would read and sort every part: tst_pager checks
    // both the order and the plan).
    const QString filter = where().isEmpty() ? QString() : QStringLiteral("(%1) AND ").arg(where());
    QStringList parts;
    QVariantList binds;
    for (const KeyRange &range : keyRanges(key, false)) {
        parts << QStringLiteral(
                     "SELECT * FROM (SELECT %1, %2 FROM cases WHERE %3%4 ORDER BY %5 "
                     "LIMIT ?)")
                     .arg(kRowColumns, sortColumns().join(u','), filter,
                          range.clauses.join(QStringLiteral(" AND ")), orderSql());
        binds << m_binds << range.binds << limit + skip;
    }
    binds << limit << skip;
    return {parts.join(QStringLiteral(" UNION ALL ")) + QStringLiteral(" LIMIT ? OFFSET ?"), binds};
}

CasePager::Page CasePager::after(const Key &key, int limit, qint64 skip) const {
    return run(afterStatement(key, limit, skip));
}

CasePager::Census CasePager::census(int stride, const std::function<bool()> &cancelled) const {
    const QStringList columns = sortColumns() << QStringLiteral("id");
    const QString where =
        this->where().isEmpty() ? QString() : QStringLiteral(" WHERE ") + this->where();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM cases%2 ORDER BY %3")
                  .arg(columns.join(u','), where, orderSql()));
    for (const QVariant &b : m_binds)
        q.addBindValue(b);
    Census census;
    if (!q.exec())
        return census;
    while (q.next()) {
        if (++census.count % stride == 0) {
            Key key;
            for (int i = 0; i < columns.size(); ++i)
                key << q.value(i);
            census.anchors << key;
            if (cancelled && cancelled())
                return census;
        }
    }
    census.ok = !q.lastError().isValid();  // a read stopped part way is no count
    return census;
}

bool CasePager::forEachCase(bool withChildren,
                            const std::function<bool(const Case &)> &visit) const {
    const QString where =
        this->where().isEmpty() ? QString() : QStringLiteral(" WHERE ") + this->where();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM cases%2 ORDER BY %3")
                  .arg(CaseReader::caseColumns(), where, orderSql()));
    for (const QVariant &b : m_binds)
        q.addBindValue(b);
    if (!q.exec())
        return false;
    const CaseReader reader(m_db);
    while (q.next()) {
        Case c = CaseReader::caseFromRow(q);
        if (withChildren)
            reader.loadChildren(c);
        if (!visit(c))
            return false;
    }
    return true;
}

qint64 CasePager::positionOf(qint64 caseId) const {
    const QStringList columns = sortColumns() << QStringLiteral("id");
    const QString filter = where().isEmpty() ? QString() : QStringLiteral(" AND ") + where();
    const QString oneCase =
        m_oneCaseWhere.isEmpty() ? QString() : QStringLiteral(" AND ") + m_oneCaseWhere;
    QSqlQuery key(m_db);
    key.prepare(
        QStringLiteral("SELECT %1 FROM cases WHERE id = ?%2").arg(columns.join(u','), oneCase));
    key.addBindValue(caseId);
    for (const QVariant &b : m_binds)
        key.addBindValue(b);
    if (!key.exec() || !key.next())
        return -1;
    // Count the rows that sort before it: index range counts, no rows read.
    Key rowKey;
    for (int i = 0; i < columns.size(); ++i)
        rowKey << key.value(i);
    QStringList counts;
    QVariantList binds;
    for (const KeyRange &range : keyRanges(rowKey, true)) {
        counts << QStringLiteral("(SELECT count(*) FROM cases WHERE %1%2)")
                      .arg(range.clauses.join(QStringLiteral(" AND ")), filter);
        binds << range.binds << m_binds;
    }
    QSqlQuery count(m_db);
    count.prepare(QStringLiteral("SELECT ") + counts.join(QStringLiteral(" + ")));
    for (const QVariant &b : binds)
        count.addBindValue(b);
    return count.exec() && count.next() ? count.value(0).toLongLong() : -1;
}
