#include "RecordTableEditor.h"

#include "domain/Codes.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
constexpr int kCodeRole = Qt::UserRole + 1;

// Edits a code column with a combo box of the code set's labels.
class CodeDelegate : public QStyledItemDelegate {
  public:
    CodeDelegate(const CodeSet *codes, QObject *parent)
        : QStyledItemDelegate(parent), m_codes(codes) {}

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &,
                          const QModelIndex &) const override {
        auto *combo = new QComboBox(parent);
        for (const CodeOption &o : m_codes->options())
            combo->addItem(o.label, o.code);
        return combo;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override {
        auto *combo = static_cast<QComboBox *>(editor);
        combo->setCurrentIndex(qMax(0, combo->findData(index.data(kCodeRole))));
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override {
        auto *combo = static_cast<QComboBox *>(editor);
        model->setData(index, combo->currentData(), kCodeRole);
        model->setData(index, combo->currentText(), Qt::DisplayRole);
    }

  private:
    const CodeSet *m_codes;
};
}  // namespace

RecordTableEditor::RecordTableEditor(const QString &objectName, QList<RecordColumn> columns,
                                     QWidget *parent)
    : QWidget(parent), m_columns(std::move(columns)), m_table(new QTableWidget(this)) {
    setObjectName(objectName);
    m_table->setObjectName(objectName + QStringLiteral("Table"));
    m_table->setColumnCount(int(m_columns.size()));
    QStringList headers;
    for (int c = 0; c < m_columns.size(); ++c) {
        headers << m_columns[c].header;
        if (m_columns[c].kind == RecordColumn::Code)
            m_table->setItemDelegateForColumn(c, new CodeDelegate(m_columns[c].codes, m_table));
    }
    m_table->setHorizontalHeaderLabels(headers);
    // The first column (offense, name, relief) takes the spare width.
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAccessibleName(objectName);

    auto *add = new QPushButton(tr("Add"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    add->setObjectName(objectName + QStringLiteral("Add"));
    remove->setObjectName(objectName + QStringLiteral("Remove"));
    connect(add, &QPushButton::clicked, this, &RecordTableEditor::addRecord);
    connect(remove, &QPushButton::clicked, this, &RecordTableEditor::removeSelected);
    connect(m_table, &QTableWidget::itemChanged, this, &RecordTableEditor::edited);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
}

void RecordTableEditor::setCell(int row, int column, const QString &value) {
    auto *item = new QTableWidgetItem;
    const RecordColumn &col = m_columns[column];
    if (col.kind == RecordColumn::Bool) {
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(value.isEmpty() ? Qt::Unchecked : Qt::Checked);
    } else if (col.kind == RecordColumn::Code) {
        item->setData(kCodeRole, value);
        item->setText(col.codes->label(value));
    } else {
        item->setText(value);
    }
    m_table->setItem(row, column, item);
}

QString RecordTableEditor::cell(int row, int column) const {
    const QTableWidgetItem *item = m_table->item(row, column);
    if (!item)
        return {};
    switch (m_columns[column].kind) {
        case RecordColumn::Bool:
            return item->checkState() == Qt::Checked ? QStringLiteral("1") : QString();
        case RecordColumn::Code:
            return item->data(kCodeRole).toString();
        default:
            return item->text().trimmed();
    }
}

void RecordTableEditor::setRecords(const QList<QStringList> &records) {
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(int(records.size()));
    for (int r = 0; r < records.size(); ++r)
        for (int c = 0; c < m_columns.size(); ++c)
            setCell(r, c, records[r].value(c));
    for (int c = 1; c < m_columns.size(); ++c)
        m_table->resizeColumnToContents(c);
}

QList<QStringList> RecordTableEditor::records() const {
    QList<QStringList> out;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        QStringList values;
        for (int c = 0; c < m_columns.size(); ++c)
            values << cell(r, c);
        out << values;
    }
    return out;
}

void RecordTableEditor::addRecord() {
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    for (int c = 0; c < m_columns.size(); ++c) {
        const RecordColumn &col = m_columns[c];
        setCell(row, c,
                col.kind == RecordColumn::Code ? col.codes->options().first().code : QString());
    }
    m_table->setCurrentCell(row, 0);
    m_table->editItem(m_table->item(row, 0));
    Q_EMIT edited();
}

void RecordTableEditor::removeSelected() {
    const int row = m_table->currentRow();
    if (row >= 0) {
        m_table->removeRow(row);
        Q_EMIT edited();
    }
}
