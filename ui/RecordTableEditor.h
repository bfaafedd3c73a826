#pragma once

#include <QList>
#include <QStringList>
#include <QWidget>

class CodeSet;
class QTableWidget;

// One column of a child-record table (charges, family, relief).
struct RecordColumn {
    enum Kind { Text, Date, Code, Bool };
    QString header;
    Kind kind = Text;
    const CodeSet *codes = nullptr;  // Code columns
};

// An editable table of small records with Add and Remove buttons. Values go in and
// out as text: codes as codes, dates as typed, booleans as "1" or "".
class RecordTableEditor : public QWidget {
    Q_OBJECT
  public:
    RecordTableEditor(const QString &objectName, QList<RecordColumn> columns,
                      QWidget *parent = nullptr);

    void setRecords(const QList<QStringList> &records);
    QList<QStringList> records() const;
    QTableWidget *table() const { return m_table; }
    void addRecord();
    void removeSelected();

  Q_SIGNALS:
    void edited();

  private:
    void setCell(int row, int column, const QString &value);
    QString cell(int row, int column) const;

    QList<RecordColumn> m_columns;
    QTableWidget *m_table;
};
