#include "CaseWriter.h"

#include "domain/CaseFields.h"
#include "domain/Clock.h"
#include "domain/FieldText.h"
#include "domain/SearchText.h"

namespace {
QString isoDate(const QDate &d) {
    return FieldText::isoDate(d);
}

QString searchName(const QString &family, const QString &given) {
    return SearchText::fold(QString(family + u' ' + given));
}

QString placeholders(qsizetype n) {
    QStringList marks;
    for (qsizetype i = 0; i < n; ++i)
        marks << QStringLiteral("?");
    return marks.join(u',');
}
}  // namespace

CaseWriter::CaseWriter(sqlite3 *db, QStringList columns, bool withChildren)
    : m_db(db), m_columns(std::move(columns)), m_withChildren(withChildren), m_encoder(m_columns) {
    for (const QString &key : m_columns)
        m_fields << CaseFields::find(key);
}

CaseWriter::~CaseWriter() = default;

bool CaseWriter::prepare(QString *error) {
    // One instant for the whole write: formatting the clock per row costs more than the row.
    m_now = Clock::nowUtc().toString(Qt::ISODateWithMs);
    m_nowUtf8 = m_now.toUtf8();
    // Every statement names its columns from CaseFields; nothing is spliced from input.
    const QString cols = m_columns.join(u',');
    QStringList sets;
    for (const QString &c : m_columns)
        sets << c + QStringLiteral("=?");
    m_find = std::make_unique<Sqlite::Statement>(
        m_db, "SELECT id, family_name, given_names FROM cases WHERE a_number=?");
    m_insert = std::make_unique<Sqlite::Statement>(
        m_db, "INSERT INTO cases(" + cols +
                  ",search_name,review_status,created_at,updated_at) VALUES(" +
                  placeholders(m_columns.size() + 4) + ")");
    m_update = std::make_unique<Sqlite::Statement>(
        m_db, "UPDATE cases SET " + sets.join(u',') + ",search_name=?,updated_at=? WHERE id=?");
    m_deleteCharges =
        std::make_unique<Sqlite::Statement>(m_db, "DELETE FROM charges WHERE case_id=?");
    m_deleteFamily =
        std::make_unique<Sqlite::Statement>(m_db, "DELETE FROM family_members WHERE case_id=?");
    m_deleteRelief = std::make_unique<Sqlite::Statement>(
        m_db, "DELETE FROM relief_applications WHERE case_id=?");
    m_insertCharge = std::make_unique<Sqlite::Statement>(
        m_db,
        "INSERT INTO charges(case_id,position,offense,offense_date,jurisdiction,"
        "disposition,sentence,weapon_involved) VALUES(?,?,?,?,?,?,?,?)");
    m_insertFamily = std::make_unique<Sqlite::Statement>(
        m_db,
        "INSERT INTO family_members(case_id,position,name,relation,status,dependency) "
        "VALUES(?,?,?,?,?,?)");
    m_insertRelief = std::make_unique<Sqlite::Statement>(
        m_db,
        "INSERT INTO relief_applications(case_id,position,relief_type,forum,filed_date) "
        "VALUES(?,?,?,?,?)");
    for (auto *s :
         {m_find.get(), m_insert.get(), m_update.get(), m_deleteCharges.get(), m_deleteFamily.get(),
          m_deleteRelief.get(), m_insertCharge.get(), m_insertFamily.get(), m_insertRelief.get()}) {
        if (!s->isValid()) {
            if (error)
                *error = s->error();
            return false;
        }
    }
    return true;
}

bool CaseWriter::fail(Sqlite::Statement &s, QString *error) {
    if (error)
        *error = s.error();
    s.reset();
    return false;
}

CaseWriter::Existing CaseWriter::find(const QString &aNumberDigits) {
    Existing e;
    m_find->bind(1, aNumberDigits);
    if (m_find->step() == SQLITE_ROW)
        e = {m_find->int64(0), m_find->text(1), m_find->text(2)};
    m_find->reset();
    return e;
}

void CaseWriter::bindColumns(Sqlite::Statement &s, const Case &c, int first) {
    int i = first;
    for (const CaseField *field : m_fields)
        s.bind(i++, CaseFields::text(c, *field));
}

bool CaseWriter::isDuplicateANumber() const {
    return sqlite3_extended_errcode(m_db) == SQLITE_CONSTRAINT_UNIQUE &&
           QByteArrayView(sqlite3_errmsg(m_db)).contains("cases.a_number");
}

bool CaseWriter::insert(Case &c, QString *error, bool *duplicate) {
    if (!insert(m_encoder.encode(c), error, duplicate))
        return false;
    c.id = sqlite3_last_insert_rowid(m_db);
    return !m_withChildren || replaceChildren(c.id, c, error);
}

bool CaseWriter::insert(const CaseRow &row, QString *error, bool *duplicate) {
    int i = 1;
    for (qsizetype v = 0; v < row.size(); ++v)
        m_insert->bindUtf8(i++, row.value(v));
    m_insert->bindUtf8(i++, m_nowUtf8);
    m_insert->bindUtf8(i++, m_nowUtf8);
    const int rc = m_insert->step();
    if (rc != SQLITE_DONE) {
        if (duplicate && isDuplicateANumber()) {
            *duplicate = true;
            m_insert->reset();
            return false;
        }
        return fail(*m_insert, error);
    }
    m_insert->reset();
    return true;
}

bool CaseWriter::update(const Existing &existing, const Case &c, QString *error) {
    const QString family =
        m_columns.contains(QLatin1String("family_name")) ? c.familyName : existing.familyName;
    const QString given =
        m_columns.contains(QLatin1String("given_names")) ? c.givenNames : existing.givenNames;
    bindColumns(*m_update, c, 1);
    int i = int(m_columns.size()) + 1;
    m_update->bind(i++, searchName(family, given));
    m_update->bind(i++, m_now);
    m_update->bind(i++, existing.id);
    if (m_update->step() != SQLITE_DONE)
        return fail(*m_update, error);
    m_update->reset();
    return !m_withChildren || replaceChildren(existing.id, c, error);
}

bool CaseWriter::replaceChildren(qint64 caseId, const Case &c, QString *error) {
    for (auto *s : {m_deleteCharges.get(), m_deleteFamily.get(), m_deleteRelief.get()}) {
        s->bind(1, caseId);
        if (s->step() != SQLITE_DONE)
            return fail(*s, error);
        s->reset();
    }
    return insertCharges(caseId, c, error) && insertFamily(caseId, c, error) &&
           insertRelief(caseId, c, error);
}

bool CaseWriter::insertCharges(qint64 caseId, const Case &c, QString *error) {
    auto &s = *m_insertCharge;
    for (qsizetype i = 0; i < c.charges.size(); ++i) {
        const Charge &ch = c.charges[i];
        s.bind(1, caseId);
        s.bind(2, qint64(i));
        s.bind(3, ch.offense);
        s.bind(4, isoDate(ch.date));
        s.bind(5, ch.jurisdiction);
        s.bind(6, ch.disposition);
        s.bind(7, ch.sentence);
        s.bind(8, qint64(ch.weaponInvolved ? 1 : 0));
        if (s.step() != SQLITE_DONE)
            return fail(s, error);
        s.reset();
    }
    return true;
}

bool CaseWriter::insertFamily(qint64 caseId, const Case &c, QString *error) {
    auto &s = *m_insertFamily;
    for (qsizetype i = 0; i < c.family.size(); ++i) {
        const FamilyMember &f = c.family[i];
        s.bind(1, caseId);
        s.bind(2, qint64(i));
        s.bind(3, f.name);
        s.bind(4, f.relation);
        s.bind(5, f.status);
        s.bind(6, f.dependency);
        if (s.step() != SQLITE_DONE)
            return fail(s, error);
        s.reset();
    }
    return true;
}

bool CaseWriter::insertRelief(qint64 caseId, const Case &c, QString *error) {
    auto &s = *m_insertRelief;
    for (qsizetype i = 0; i < c.relief.size(); ++i) {
        const ReliefApplication &r = c.relief[i];
        s.bind(1, caseId);
        s.bind(2, qint64(i));
        s.bind(3, r.type);
        s.bind(4, r.forum);
        s.bind(5, isoDate(r.filedDate));
        if (s.step() != SQLITE_DONE)
            return fail(s, error);
        s.reset();
    }
    return true;
}
