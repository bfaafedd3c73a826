#include "ReviewStore.h"

#include "CaseStore.h"
#include "Sqlite.h"
#include "Transaction.h"
#include "domain/Clock.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("ReviewStore", text);
}
}  // namespace

bool ReviewStore::save(Review &review, const PolicyPack &pack, QString *error) {
    const qint64 caseId = m_store.findCaseId(review.aNumber);
    if (caseId == 0) {
        *error = tr("no case with A-number %1 in the docket").arg(review.aNumber);
        return false;
    }
    Transaction t(m_store.handle());
    if (!t.begin(error) || !storePolicyText(pack, error) || !writeRow(review, caseId, error))
        return false;
    Sqlite::Statement status(m_store.handle(),
                             QStringLiteral("UPDATE cases SET review_status=? WHERE id=?"));
    status.bind(1, review.status);
    status.bind(2, caseId);
    if (status.step() != SQLITE_DONE) {
        *error = status.error();
        return false;
    }
    return t.commit(error);
}

bool ReviewStore::storePolicyText(const PolicyPack &pack, QString *error) {
    Sqlite::Statement s(m_store.handle(),
                        QStringLiteral("INSERT OR IGNORE INTO policy_texts(sha256, policy_id, "
                                       "canonical) VALUES(?,?,?)"));
    s.bind(1, pack.sha256());
    s.bind(2, pack.id);
    s.bind(3, QString::fromUtf8(pack.canonicalBytes()));
    if (s.step() == SQLITE_DONE)
        return true;
    *error = s.error();
    return false;
}

bool ReviewStore::writeRow(Review &review, qint64 caseId, QString *error) {
    const QString now = Clock::nowUtc().toString(Qt::ISODateWithMs);
    const QString record = QString::fromUtf8(review.canonicalBytes());
    const bool insert = review.id == 0;
    Sqlite::Statement s(
        m_store.handle(),
        insert ? QStringLiteral("INSERT INTO reviews(case_id, version, supersedes, status, "
                                "policy_sha256, record, record_sha256, created_at, updated_at) "
                                "VALUES(?,?,?,?,?,?,?,?,?)")
               : QStringLiteral("UPDATE reviews SET case_id=?, version=?, supersedes=?, status=?, "
                                "policy_sha256=?, record=?, record_sha256=?, updated_at=? "
                                "WHERE id=?"));
    s.bind(1, caseId);
    s.bind(2, qint64(review.version));
    if (review.supersedes)
        s.bind(3, review.supersedes);
    s.bind(4, review.status);
    s.bind(5, review.policySha256);
    s.bind(6, record);
    s.bind(7, review.sha256());
    s.bind(8, now);
    if (insert)
        s.bind(9, now);
    else
        s.bind(9, review.id);
    if (s.step() != SQLITE_DONE) {
        *error = s.error();
        return false;
    }
    if (insert)
        review.id = sqlite3_last_insert_rowid(m_store.handle());
    return true;
}

std::optional<Review> ReviewStore::latest(qint64 caseId) const {
    Sqlite::Statement s(m_store.handle(),
                        QStringLiteral("SELECT id, record FROM reviews WHERE case_id=? "
                                       "ORDER BY version DESC LIMIT 1"));
    s.bind(1, caseId);
    if (s.step() != SQLITE_ROW)
        return std::nullopt;
    Review r = Review::fromJson(QJsonDocument::fromJson(s.text(1).toUtf8()).object());
    r.id = s.int64(0);
    return r;
}

std::optional<QByteArray> ReviewStore::policyText(const QString &sha256) const {
    Sqlite::Statement s(m_store.handle(),
                        QStringLiteral("SELECT canonical FROM policy_texts WHERE sha256=?"));
    s.bind(1, sha256);
    if (s.step() != SQLITE_ROW)
        return std::nullopt;
    return s.text(0).toUtf8();
}

std::optional<QString> ReviewStore::recordHash(qint64 reviewId) const {
    Sqlite::Statement s(m_store.handle(),
                        QStringLiteral("SELECT record_sha256 FROM reviews WHERE id=?"));
    s.bind(1, reviewId);
    if (s.step() != SQLITE_ROW)
        return std::nullopt;
    return s.text(0);
}

QList<QByteArray> ReviewStore::policyTexts() const {
    QList<QByteArray> out;
    Sqlite::Statement s(m_store.handle(),
                        QStringLiteral("SELECT canonical FROM policy_texts ORDER BY policy_id"));
    while (s.step() == SQLITE_ROW)
        out << s.text(0).toUtf8();
    return out;
}

bool ReviewStore::addPolicyText(const PolicyPack &pack, QString *error) {
    Transaction t(m_store.handle());
    return t.begin(error) && storePolicyText(pack, error) && t.commit(error);
}
