#pragma once

#include "domain/Case.h"

#include <QHash>
#include <QTextBrowser>
#include <optional>

// The side panel: the selected case at a glance, read-only. Missing facts say so.
class CaseDetailsPanel : public QTextBrowser {
    Q_OBJECT
  public:
    explicit CaseDetailsPanel(QWidget *parent = nullptr);
    void setCourtNames(QHash<QString, QString> names) { m_courtNames = std::move(names); }
    void showCase(const std::optional<Case> &c);
    // A row is current but its case is still being read (a jump under load): no case yet,
    // rather than the one shown before or an invitation to select one.
    void showReading();

  private:
    QString html(const Case &c) const;
    QHash<QString, QString> m_courtNames;
};
