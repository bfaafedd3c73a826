#pragma once

#include "CaseRow.h"
#include "Sqlite.h"
#include "domain/Case.h"

#include <QStringList>
#include <memory>

struct CaseField;

// Writes cases through prepared statements on the C API. The caller owns the
// transaction. `columns` names the scalar fields written (CaseFields keys): an update
// touches only those, so a CSV without a notes column leaves notes alone.
class CaseWriter {
  public:
    struct Existing {
        qint64 id = 0;
        QString familyName;
        QString givenNames;
    };

    CaseWriter(sqlite3 *db, QStringList columns, bool withChildren);
    ~CaseWriter();
    bool prepare(QString *error);

    Existing find(const QString &aNumberDigits);
    // Sets c.id. With `duplicate`, a case whose A-number the docket already holds is not
    // an error: false with *duplicate set, nothing written (the unique index answers, so
    // a load of new cases needs no lookup before each row).
    bool insert(Case &c, QString *error, bool *duplicate = nullptr);
    // The same for a case without children whose values are already encoded
    // (CaseRowEncoder over this writer's columns).
    bool insert(const CaseRow &row, QString *error, bool *duplicate = nullptr);
    bool update(const Existing &existing, const Case &c, QString *error);

  private:
    void bindColumns(Sqlite::Statement &s, const Case &c, int first);
    bool replaceChildren(qint64 caseId, const Case &c, QString *error);
    bool insertCharges(qint64 caseId, const Case &c, QString *error);
    bool insertFamily(qint64 caseId, const Case &c, QString *error);
    bool insertRelief(qint64 caseId, const Case &c, QString *error);
    bool fail(Sqlite::Statement &s, QString *error);
    bool isDuplicateANumber() const;

    sqlite3 *m_db;
    QStringList m_columns;
    QList<const CaseField *> m_fields;  // m_columns, looked up once
    bool m_withChildren;
    CaseRowEncoder m_encoder;
    QString m_now;  // created_at / updated_at of everything this writer writes
    QByteArray m_nowUtf8;
    std::unique_ptr<Sqlite::Statement> m_find, m_insert, m_update;
    std::unique_ptr<Sqlite::Statement> m_deleteCharges, m_deleteFamily, m_deleteRelief;
    std::unique_ptr<Sqlite::Statement> m_insertCharge, m_insertFamily, m_insertRelief;
};
