#pragma once

#include "store/CaseQuery.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QKeyEvent;
class QLineEdit;
class QTimer;
struct Court;

// The row above the case list: one search box (A-number in any form, or name
// prefixes), court, custody, counsel, review status and a next-hearing date range.
// Emits the whole filter whenever any part changes; typing is debounced.
class FilterBar : public QWidget {
    Q_OBJECT
  public:
    explicit FilterBar(QWidget *parent = nullptr);

    void setCourts(const QList<Court> &courts);
    // The policy dispositions a signed review can record: id and label.
    void setDispositions(const QList<QPair<QString, QString>> &dispositions);
    // Shows the filter in the widgets and emits it once (a dashboard click).
    void setFilter(const CaseFilter &filter);
    CaseFilter filter() const;
    void focusSearch();
    // Letters and digits typed while `list` has focus go to the search box instead.
    void takeTypingFrom(QWidget *list);

  protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    bool passesUndoToTheWindow(const QKeyEvent *key) const;

  Q_SIGNALS:
    void filterChanged(const CaseFilter &filter);
    // Enter or Down in the search box: the user is done typing and wants the list.
    void listRequested();

  private:
    QComboBox *addCombo(const QString &objectName, const QString &accessibleName);
    void emitFilter();

    QWidget *m_typingSource = nullptr;
    QLineEdit *m_search;
    QComboBox *m_court;
    QComboBox *m_custody;
    QComboBox *m_counsel;
    QComboBox *m_status;
    QComboBox *m_disposition;
    QCheckBox *m_hearingRange;
    QDateEdit *m_hearingFrom;
    QDateEdit *m_hearingTo;
    QTimer *m_debounce;
};
