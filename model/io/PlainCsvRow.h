#pragma once

#include "store/CaseRow.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QSet>

struct CaseField;
struct CsvRecord;

// The CSV import's quick path for the common row: every value is already in the form the
// docket stores (ISO dates, codes as listed, nine-digit A-numbers, nothing to trim) and
// passes every rule CaseValidator applies to a row. Such a row is encoded straight from
// its bytes, with no Case and no UTF-16 copy of each field: that conversion was most of
// the parsing thread's time, and the parsing thread set the pace of a large import.
// Anything else (an American date, a lower-case code, a value to trim, a formula guard, a
// rule broken) is left to CsvRowParser, which reads it, explains what is wrong, or both:
// this class only ever accepts what CsvRowParser accepts, with the same bytes (tst_plaincsvrow
// compares the two over generated and hostile rows).
class PlainCsvRow {
  public:
    // columns[i] is the field of column i, or nullptr for a column that is ignored.
    PlainCsvRow(const QList<const CaseField *> &columns, const QSet<QString> &courts, QDate today);

    // True with `row` made (CaseRowEncoder's layout over the mapped columns) when the
    // record needs no conversion; false, `row` unspecified, when CsvRowParser must read it.
    bool encode(const CsvRecord &record, CaseRow &row) const;

  private:
    enum class Rule { Ignored, Text, Date, PastDate, Code, ANumber, Court };
    struct Column {
        Rule rule = Rule::Ignored;
        int field = -1;  // index in CaseFields::all()
        bool required = false;
        QList<QByteArray> codes;  // Rule::Code: the codes as listed
    };

    bool plainValue(const Column &column, QByteArrayView value) const;
    bool plainDate(QByteArrayView value, bool past) const;
    bool crossChecks(const QByteArrayView *byField) const;
    static void appendSearchName(CaseRow &row, QByteArrayView family, QByteArrayView given);

    QList<Column> m_columns;
    QSet<QByteArray> m_courts;
    QByteArray m_today;  // yyyy-MM-dd
    int m_family = -1, m_given = -1, m_counsel = -1, m_barNumber = -1, m_eoir28 = -1;
    int m_birth = -1, m_nta = -1, m_hearing = -1;
    QList<int> m_afterBirth;  // fields whose date may not precede the date of birth
};
