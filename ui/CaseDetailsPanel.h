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

  private:
    QString html(const Case &c) const;
    QHash<QString, QString> m_courtNames;
};
