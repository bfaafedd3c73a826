#pragma once

#include <QList>
#include <QString>

// A closed list of codes with the label a person sees, e.g. custody "D" = "Detained".
// These are the fixed vocabularies of GUIDANCE.md section 4; the court list, which
// changes, is data (resources/courts.csv) and lives in the store.
struct CodeOption {
    QString code;
    QString label;
};

class CodeSet {
  public:
    CodeSet(QString name, QList<CodeOption> options)
        : m_name(std::move(name)), m_options(std::move(options)) {}

    const QString &name() const { return m_name; }
    const QList<CodeOption> &options() const { return m_options; }
    bool contains(const QString &code) const;
    QString label(const QString &code) const;  // the code itself when unknown
    QStringList codes() const;

  private:
    QString m_name;
    QList<CodeOption> m_options;
};

namespace Codes {
const CodeSet &caseTypes();
const CodeSet &custody();
const CodeSet &hearingTypes();
const CodeSet &entryManners();
const CodeSet &chargeDispositions();
const CodeSet &familyRelations();
const CodeSet &familyStatuses();
const CodeSet &dependencies();
const CodeSet &reliefTypes();
const CodeSet &reliefForums();
const CodeSet &reviewStatuses();
}  // namespace Codes
