#pragma once

#include "domain/Case.h"
#include "domain/CaseValidator.h"

#include <QDialog>
#include <QHash>

class CaseStore;
class QFormLayout;
class QLabel;
class QTabWidget;
class QTimer;
class QUndoStack;
class RecordTableEditor;
struct CaseField;

// Edits one case: every field of the record with inline validation, and tables for
// charges, family and relief. Save checks everything, then writes the whole case in
// one transaction; nothing is held open while the attorney types. Cancel discards.
class CaseEditorDialog : public QDialog {
    Q_OBJECT
  public:
    // existing is empty for a new case.
    CaseEditorDialog(CaseStore &store, const std::optional<Case> &existing,
                     QWidget *parent = nullptr);

    const Case &savedCase() const { return m_case; }
    // What the form shows, as typed (not yet checked): undo and redo step between these.
    struct FormState {
        QHash<QString, QString> fields;
        QList<QStringList> charges, family, relief;
        friend bool operator==(const FormState &, const FormState &) = default;
    };
    FormState formState() const;
    void showFormState(const FormState &state);
    // Undo and redo within the form (the Undo and Redo buttons, Ctrl+Z outside a text
    // field, where the field's own undo comes first). A pause in typing ends a step.
    void undo();
    void redo();
    QUndoStack *undoStack() const { return m_undo; }
    bool save();  // true when stored; shows problems otherwise
    void reject() override;

  private:
    QWidget *buildFieldTab(const QStringList &keys);
    void addFieldRows(QWidget *page, QFormLayout *form, const QStringList &keys, int tab);
    QWidget *listTab(RecordTableEditor *table, const QString &checkedKey, const QString &hint);
    QWidget *makeFieldWidget(const CaseField &field);
    void buildChildTables();
    void load(const Case &c);
    void setFieldText(const QString &key, const QString &value);
    QString fieldText(const QString &key) const;
    Case collect(QList<FieldIssue> &issues) const;
    void collectChildren(Case &c, QList<FieldIssue> &issues) const;
    void checkField(const CaseField &field);
    void recheckForm();  // shows the problems of the fields left so far (all after a Save)
    // Marks each field with its problem; the banner lists them all when `banner`.
    void showIssues(const QList<FieldIssue> &issues, bool banner);
    void showTabOf(const QString &field);
    void markDirty();
    void recordStep();  // pushes the change since the last step, if any

    CaseStore &m_store;
    Case m_case;
    QSet<QString> m_courts;
    QTabWidget *m_tabs;
    QLabel *m_summary;
    QHash<QString, QWidget *> m_fields;
    QHash<QString, QLabel *> m_errors;
    QHash<QString, int> m_tabOfField;
    QSet<QString> m_visited;  // fields the attorney has left: their problems show at once
    RecordTableEditor *m_charges = nullptr;
    RecordTableEditor *m_family = nullptr;
    RecordTableEditor *m_relief = nullptr;
    bool m_dirty = false;
    QUndoStack *m_undo;
    QTimer *m_stepTimer;
    FormState m_lastStep;
    bool m_showingState = false;  // a step being undone or redone is not a new change
};
